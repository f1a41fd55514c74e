/**
 * Element-wise ops with NumPy broadcasting. Each op computes its value with one backend kernel and
 * attaches a one-line gradient rule; the engine sums broadcast gradients back to input shapes.
 */
import { InvalidArgumentError } from '@lab/core';
import { record } from '../autograd';
import { broadcastShapes } from '../shape';
import { Tensor, fromStorage } from '../tensor';
import type { BinaryOp, UnaryOp } from '../types';
import { checkPair, expandView, pair } from './util';

function binaryValue(op: BinaryOp, name: string, a: Tensor, b: Tensor): Tensor {
  const shape = broadcastShapes(name, a.shape, b.shape);
  return fromStorage(a.backend.binary(op, expandView(a, shape), expandView(b, shape)), shape, a.dtype, a.backend);
}

function unaryValue(op: UnaryOp, x: Tensor, p?: number, q?: number): Tensor {
  return fromStorage(x.backend.unary(op, x.view(), p, q), x.shape, x.dtype, x.backend);
}

/** `a + b` with broadcasting. */
export function add(a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair('add', a, b);
  return record(binaryValue('add', 'add', x, y), 'add', [x, y], (g) => [g, g]);
}

/** `a - b` with broadcasting. */
export function sub(a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair('sub', a, b);
  return record(binaryValue('sub', 'sub', x, y), 'sub', [x, y], (g) => [g, g.neg()]);
}

/** `a * b` with broadcasting. */
export function mul(a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair('mul', a, b);
  return record(binaryValue('mul', 'mul', x, y), 'mul', [x, y], (g) => [g.mul(y), g.mul(x)]);
}

/** `a / b` with broadcasting. */
export function div(a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair('div', a, b);
  const out = binaryValue('div', 'div', x, y);
  return record(out, 'div', [x, y], (g) => [g.div(y), g.mul(out).div(y).neg()]);
}

/**
 * `a ** b` with broadcasting. d/da = b·a^(b-1); d/db = a^b·log(a) (defined for a > 0; PyTorch's
 * convention of 0 where a = 0 and b ≥ 0 is kept).
 */
export function pow(a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair('pow', a, b);
  const out = binaryValue('pow', 'pow', x, y);
  return record(out, 'pow', [x, y], (g) => [
    g.mul(y).mul(x.pow(y.sub(1))),
    y.requiresGrad ? g.mul(out).mul(where(x.eq(0).mul(y.ge(0)), 0, x.log())) : null,
  ]);
}

/** Element-wise maximum; where a = b each side gets half the gradient (as in PyTorch). */
export function maximum(a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair('maximum', a, b);
  return record(binaryValue('maximum', 'maximum', x, y), 'maximum', [x, y], (g) => {
    const half = x.eq(y).mul(0.5);
    return [g.mul(x.gt(y).add(half)), g.mul(y.gt(x).add(half))];
  });
}

/** Element-wise minimum; where a = b each side gets half the gradient. */
export function minimum(a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair('minimum', a, b);
  return record(binaryValue('minimum', 'minimum', x, y), 'minimum', [x, y], (g) => {
    const half = x.eq(y).mul(0.5);
    return [g.mul(x.lt(y).add(half)), g.mul(y.lt(x).add(half))];
  });
}

/** Comparison: 1 where true, else 0, in the inputs' dtype (no gradient). */
export function compare(op: 'gt' | 'ge' | 'lt' | 'le' | 'eq', a: Tensor | number, b: Tensor | number): Tensor {
  const [x, y] = pair(op, a, b);
  return binaryValue(op, op, x, y);
}

/**
 * `cond ? a : b` element-wise with broadcasting of all three; `cond` is a tensor whose non-zero
 * entries mean true (e.g. the result of `gt`). Gradients flow to `a` where true and to `b` elsewhere.
 */
export function where(cond: Tensor, a: Tensor | number, b: Tensor | number): Tensor {
  if (!(cond instanceof Tensor)) throw new InvalidArgumentError('where: cond', cond, 'a Tensor (non-zero = true)');
  const [x, y] = a instanceof Tensor || b instanceof Tensor ? pair('where', a, b) : pair('where', cond.zerosLike().add(a), b);
  checkPair('where', x, cond, 'cond');
  const shape = broadcastShapes('where', broadcastShapes('where', cond.shape, x.shape), y.shape);
  const out = fromStorage(x.backend.where(expandView(cond, shape), expandView(x, shape), expandView(y, shape)), shape, x.dtype, x.backend);
  return record(out, 'where', [x, y], (g) => [where(cond, g, 0), where(cond, 0, g)]);
}

/** `-x`. */
export function neg(x: Tensor): Tensor {
  return record(unaryValue('neg', x), 'neg', [x], (g) => [g.neg()]);
}

/** `e^x`. */
export function exp(x: Tensor): Tensor {
  const out = unaryValue('exp', x);
  return record(out, 'exp', [x], (g) => [g.mul(out)]);
}

/** Natural logarithm. */
export function log(x: Tensor): Tensor {
  return record(unaryValue('log', x), 'log', [x], (g) => [g.div(x)]);
}

/** `log(1 + x)`, accurate for small x. */
export function log1p(x: Tensor): Tensor {
  return record(unaryValue('log1p', x), 'log1p', [x], (g) => [g.div(x.add(1))]);
}

/** Square root. */
export function sqrt(x: Tensor): Tensor {
  const out = unaryValue('sqrt', x);
  return record(out, 'sqrt', [x], (g) => [g.div(out.mul(2))]);
}

/** `|x|`; its gradient is `sign(x)` (0 at 0, as in PyTorch). */
export function abs(x: Tensor): Tensor {
  return record(unaryValue('abs', x), 'abs', [x], (g) => [g.mul(x.sign())]);
}

/** -1, 0 or 1; gradient 0 everywhere. */
export function sign(x: Tensor): Tensor {
  return record(unaryValue('sign', x), 'sign', [x], (g) => [g.zerosLike()]);
}

/**
 * Limit to `[min, max]` (either may be omitted). The gradient passes where `min ≤ x ≤ max`
 * (boundaries included, as in PyTorch).
 */
export function clamp(x: Tensor, min?: number, max?: number): Tensor {
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  if (typeof lo !== 'number' || Number.isNaN(lo)) throw new InvalidArgumentError('clamp: min', min, 'a number or undefined');
  if (typeof hi !== 'number' || Number.isNaN(hi) || hi < lo) throw new InvalidArgumentError('clamp: max', max, `a number ≥ min (${lo}) or undefined`);
  return record(unaryValue('clamp', x, lo, hi), 'clamp', [x], (g) => [g.mul(x.ge(lo).mul(x.le(hi)))]);
}

/** `max(x, 0)`; gradient 1 where x > 0 (0 at 0, as in PyTorch). */
export function relu(x: Tensor): Tensor {
  return record(unaryValue('relu', x), 'relu', [x], (g) => [g.mul(x.gt(0))]);
}

/** `x` where x > 0, else `slope · x`. Default slope 0.01 (PyTorch's `negative_slope`). */
export function leakyRelu(x: Tensor, slope = 0.01): Tensor {
  if (typeof slope !== 'number' || !Number.isFinite(slope)) throw new InvalidArgumentError('leakyRelu: slope', slope, 'a finite number');
  return record(unaryValue('leakyRelu', x, slope), 'leakyRelu', [x], (g) => [g.mul(x.gt(0).mul(1 - slope).add(slope))]);
}

/** `1 / (1 + e^-x)`, computed from whichever side does not overflow. */
export function sigmoid(x: Tensor): Tensor {
  const out = unaryValue('sigmoid', x);
  return record(out, 'sigmoid', [x], (g) => [g.mul(out).mul(sub(1, out))]);
}

/** Hyperbolic tangent. */
export function tanh(x: Tensor): Tensor {
  const out = unaryValue('tanh', x);
  return record(out, 'tanh', [x], (g) => [g.mul(sub(1, out.mul(out)))]);
}

/** `log(1 + e^x)` as `max(x, 0) + log1p(e^-|x|)` (no overflow for large x); gradient `sigmoid(x)`. */
export function softplus(x: Tensor): Tensor {
  return record(unaryValue('softplus', x), 'softplus', [x], (g) => [g.mul(sigmoid(x))]);
}
