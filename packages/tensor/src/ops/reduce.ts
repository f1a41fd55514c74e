/**
 * Reductions over axes (with `keepDims`), and the numerically stable log-sum-exp family.
 */
import { InvalidArgumentError } from '@lab/core';
import { noGrad, record } from '../autograd';
import { normAxes, normAxis, sizeOf } from '../shape';
import { Tensor, fromStorage } from '../tensor';
import type { ReduceOp } from '../types';
import { where } from './elementwise';
import { alias } from './shape-ops';

/** The shape with reduced axes kept as size 1. */
function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

function reduceValue(op: ReduceOp, x: Tensor, axes: readonly number[], keepDims: boolean): Tensor {
  const kept = keptShape(x.shape, axes);
  const shape = keepDims ? kept : x.shape.filter((_, i) => !axes.includes(i));
  if (axes.length === 0) return alias(x);
  if (op !== 'sum' && axes.some((a) => x.shape[a] === 0))
    throw new InvalidArgumentError(`${op}: axis`, axes, 'axes of non-zero size (the reduction of an empty axis is undefined)');
  return fromStorage(x.backend.reduce(op, x.view(), axes), shape, x.dtype, x.backend);
}

/** The gradient of a reduced output, viewed with the input's shape (broadcast along reduced axes). */
function spread(g: Tensor, shape: readonly number[], axes: readonly number[]): Tensor {
  return g.reshape(keptShape(shape, axes)).expand(shape);
}

/** Sum over `axis` (all axes when omitted); `keepDims` keeps reduced axes as size 1. */
export function sum(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const axes = normAxes('sum: axis', axis, x.rank);
  return record(reduceValue('sum', x, axes, keepDims), 'sum', [x], (g) => [spread(g, x.shape, axes)]);
}

/** Mean over `axis` (all axes when omitted). */
export function mean(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const axes = normAxes('mean: axis', axis, x.rank);
  const n = sizeOf(axes.map((a) => x.shape[a]));
  return sum(x, axes, keepDims).div(n);
}

function extreme(op: 'max' | 'min', x: Tensor, axis: number | readonly number[] | undefined, keepDims: boolean): Tensor {
  const axes = normAxes(`${op}: axis`, axis, x.rank);
  const out = reduceValue(op, x, axes, keepDims);
  // Ties share the gradient equally (PyTorch's amax/amin convention).
  return record(out, op, [x], (g) => {
    const hit = x.eq(spread(out, x.shape, axes));
    const count = hit.sum(axes, true);
    return [spread(g, x.shape, axes).mul(hit).div(count)];
  });
}

/** Maximum over `axis` (all axes when omitted). */
export function max(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  return extreme('max', x, axis, keepDims);
}

/** Minimum over `axis` (all axes when omitted). */
export function min(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  return extreme('min', x, axis, keepDims);
}

function argExtreme(op: 'argmax' | 'argmin', x: Tensor, axis: number | undefined, keepDims: boolean): Tensor {
  if (axis === undefined) return reduceValue(op, x.reshape([x.size]), [0], false);
  return reduceValue(op, x, [normAxis(`${op}: axis`, axis, x.rank)], keepDims);
}

/**
 * Index of the (first) maximum along `axis`, or in the flattened tensor when `axis` is omitted.
 * Indices are returned as values of the input's dtype; the result has no gradient.
 */
export function argmax(x: Tensor, axis?: number, keepDims = false): Tensor {
  return argExtreme('argmax', x, axis, keepDims);
}

/** Index of the (first) minimum along `axis`; see `argmax`. */
export function argmin(x: Tensor, axis?: number, keepDims = false): Tensor {
  return argExtreme('argmin', x, axis, keepDims);
}

/**
 * The max-shifted pieces of the log-sum-exp family, reduced axes kept: `z = x - m` and
 * `s = Σ exp(z)`, with `m = max(x)` (0 where the max is ±∞, so all -∞ rows stay -∞ instead of NaN).
 */
function shifted(x: Tensor, axes: readonly number[]): { m: Tensor; z: Tensor; s: Tensor } {
  return noGrad(() => {
    const max = x.max(axes, true);
    const m = where(max.abs().lt(Infinity), max, 0);
    const z = x.sub(m);
    return { m, z, s: z.exp().sum(axes, true) };
  });
}

/**
 * `log(Σ exp(x))` over `axis` (all axes when omitted), computed as `m + log(Σ exp(x - m))` with
 * `m = max(x)`, so it neither overflows nor underflows. Gradient: `softmax(x)`.
 */
export function logSumExp(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const axes = normAxes('logSumExp: axis', axis, x.rank);
  const { m, s } = shifted(x, axes);
  const keep = noGrad(() => s.log().add(m));
  const out = keepDims ? keep : keep.reshape(x.shape.filter((_, i) => !axes.includes(i)));
  return record(alias(out), 'logSumExp', [x], (g) => [spread(g, x.shape, axes).mul(x.sub(keep).exp())]);
}

/** `exp(x - logSumExp(x))` along `axis` (default the last). Backward: `y · (g - Σ g·y)`. */
export function softmax(x: Tensor, axis = -1): Tensor {
  const a = normAxis('softmax: axis', axis, x.rank);
  const { z, s } = shifted(x, [a]);
  const y = noGrad(() => z.exp().div(s));
  return record(y, 'softmax', [x], (g) => [y.mul(g.sub(g.mul(y).sum(a, true)))]);
}

/** `x - logSumExp(x)` along `axis` (default the last). Backward: `g - softmax(x) · Σ g`. */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const a = normAxis('logSoftmax: axis', axis, x.rank);
  const { z, s } = shifted(x, [a]);
  const y = noGrad(() => z.sub(s.log()));
  return record(y, 'logSoftmax', [x], (g) => [g.sub(y.exp().mul(g.sum(a, true)))]);
}
