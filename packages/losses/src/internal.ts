/**
 * Shared machinery of the losses: input checks, reductions, class-index targets, weights, the
 * definition + plain-function pair, and `withGrad` for the one loss whose gradient PyTorch defines
 * differently from the derivative of its clamped value (binary cross-entropy).
 */
import {
  InvalidArgumentError,
  NonFiniteError,
  ShapeMismatchError,
  UndefinedResultError,
  defineLoss,
  resolveOptions,
  type Definition,
  type InputOptions,
  type ParamsSpec,
  type ResolvedOptions,
} from '@lab/core';
import { Tensor, tensor, withBackend } from '@lab/tensor';
import type { ClassTarget, TensorLoss, Weight } from './types';

/** The `reduction` option shared by every loss. */
export const reduction = {
  kind: 'enum',
  values: ['none', 'mean', 'sum'],
  default: 'mean',
  description: "'none' keeps the per-element losses, 'mean' averages, 'sum' adds them",
} as const;

/** A weight option given as numbers (a Tensor is also accepted by the plain functions). */
export const weightParam = (description: string) => ({ kind: 'numbers', min: 0, optional: true, description }) as const;

/** The values of `t`, checked finite (and against `ok`, when given). */
export function values(argument: string, t: Tensor, ok?: (v: number) => boolean, expected = ''): ArrayLike<number> {
  const d = t.data();
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) throw new NonFiniteError(argument, d[i], i);
    if (ok && !ok(d[i])) throw new InvalidArgumentError(`${argument}[${i}]`, d[i], expected);
  }
  return d;
}

/** `input` checked: a tensor with at least one element, all finite. */
export function checkInput(fn: string, input: unknown, ok?: (v: number) => boolean, expected?: string): Tensor {
  if (!(input instanceof Tensor)) throw new InvalidArgumentError(`${fn}: input`, input, 'a Tensor');
  if (input.size === 0) throw new InvalidArgumentError(`${fn}: input`, input.shape, 'a non-empty batch');
  values(`${fn}: input`, input, ok, expected);
  return input;
}

/** A target with exactly the input's shape and dtype, finite, its values passing `ok`. */
export function checkTarget(fn: string, input: Tensor, target: unknown, ok?: (v: number) => boolean, expected?: string): Tensor {
  if (!(target instanceof Tensor)) throw new InvalidArgumentError(`${fn}: target`, target, 'a Tensor');
  if (target.shape.length !== input.shape.length || target.shape.some((d, i) => d !== input.shape[i]))
    throw new ShapeMismatchError(fn, [input.shape, target.shape], 'differ (input and target need the same shape)');
  if (target.dtype !== input.dtype) throw new InvalidArgumentError(`${fn}: target`, target.dtype, `dtype ${input.dtype} like the input`);
  values(`${fn}: target`, target, ok, expected);
  return target;
}

/** Both checked; returns `[input, target]`. */
export function pair(fn: string, input: unknown, target: unknown, ok?: (v: number) => boolean, expected?: string): [Tensor, Tensor] {
  const x = checkInput(fn, input);
  return [x, checkTarget(fn, x, target, ok, expected)];
}

export const isSign = (v: number): boolean => v === 1 || v === -1;
export const SIGN = 'a label -1 or +1';
export const isUnit = (v: number): boolean => v >= 0 && v <= 1;

/** A tensor of `values` on `like`'s backend, in its dtype. */
export function constant(like: Tensor, data: ArrayLike<number>, shape: readonly number[]): Tensor {
  return withBackend(like.backend, () => tensor(data, { dtype: like.dtype, shape }));
}

/** Reduce per-element losses; `divisor` replaces the element count of 'mean'. */
export function reduce(loss: Tensor, how: string, divisor?: number): Tensor {
  if (how === 'none') return loss;
  if (how === 'sum') return loss.sum();
  if (divisor === undefined) return loss.mean();
  if (!(divisor > 0)) throw new UndefinedResultError(`weighted mean undefined: target weights sum to ${divisor}`);
  return loss.sum().div(divisor);
}

/**
 * A tensor with the values of `value` whose gradient with respect to `x` is `grad · upstream`
 * (element-wise): `x·G - stop(x·G) + stop(value)`. `x·G - stop(x·G)` is exactly 0, so the value is
 * `value` bit for bit. Used where PyTorch's backward formula is not the derivative of the clamped
 * forward value (binary cross-entropy at probabilities 0 and 1).
 */
export function withGrad(value: Tensor, x: Tensor, grad: Tensor): Tensor {
  const g = x.mul(grad);
  return g.sub(g.detach()).add(value);
}

/** A weight as a tensor of the input's dtype, finite and ≥ 0; `shape` given: it must be exactly that. */
export function weightTensor(fn: string, argument: string, w: Weight | undefined, input: Tensor, length?: number): Tensor | undefined {
  if (w === undefined) return undefined;
  let t: Tensor;
  if (w instanceof Tensor) t = w.dtype === input.dtype ? w.detach() : w.detach().to(input.dtype);
  else if (Array.isArray(w) || ArrayBuffer.isView(w)) t = constant(input, w as ArrayLike<number>, [(w as ArrayLike<number>).length]);
  else throw new InvalidArgumentError(`${fn}: ${argument}`, w, 'a Tensor or an array of numbers');
  if (length !== undefined ? t.rank !== 1 || t.size !== length : t.rank > input.rank || t.shape.some((d, i) => d !== 1 && d !== input.shape[input.rank - t.rank + i]))
    throw new ShapeMismatchError(`${fn}: ${argument}`, [t.shape, input.shape], length !== undefined ? `need ${length} class weights` : 'do not broadcast');
  values(`${fn}: ${argument}`, t, (v) => v >= 0, 'a weight >= 0');
  return t;
}

/** Class-index targets, validated: the index per position (0 where ignored) and the per-position weight. */
export interface ClassIndices {
  /** Target shape: the input's shape without the class axis 1. */
  readonly shape: number[];
  /** Class per position (0 at ignored positions, so it can be gathered). */
  readonly index: Int32Array;
  /** `weight[class]` (1 without weights), 0 at ignored positions. */
  readonly weight: Float64Array;
  /** 1 where the target counts, 0 where it equals `ignoreIndex`. */
  readonly keep: Float64Array;
  /** Sum of `weight`: the divisor of PyTorch's weighted mean. */
  readonly total: number;
  /** Number of classes. */
  readonly classes: number;
}

/** Class scores need an axis 1: input `[N, C]` or `[N, C, d1, ...]`. */
export function checkClassAxis(fn: string, input: Tensor): void {
  if (input.rank < 2) throw new ShapeMismatchError(fn, [input.shape], 'need input [N, C, ...] (classes on axis 1)');
}

/**
 * Read class-index targets for `input` of shape [N, C] or [N, C, d1, ...] (classes on axis 1):
 * the target has shape [N] or [N, d1, ...] and holds integers in [0, C), or `ignoreIndex`.
 */
export function classIndices(fn: string, input: Tensor, target: ClassTarget, classWeight?: Tensor, ignoreIndex?: number): ClassIndices {
  checkClassAxis(fn, input);
  const classes = input.shape[1];
  const shape = input.shape.filter((_, i) => i !== 1);
  const n = input.size / classes;
  let data: ArrayLike<number>;
  if (target instanceof Tensor) {
    if (target.rank !== shape.length || target.shape.some((d, i) => d !== shape[i]))
      throw new ShapeMismatchError(fn, [input.shape, target.shape], `need target [${shape}]`);
    data = target.data();
  } else if (target instanceof Int32Array || Array.isArray(target)) {
    if (target.length !== n) throw new ShapeMismatchError(fn, [input.shape, [target.length]], `need ${n} targets`);
    data = target;
  } else throw new InvalidArgumentError(`${fn}: target`, target, 'a Tensor, Int32Array or number[]');
  const cw = classWeight?.data();
  const index = new Int32Array(n);
  const weight = new Float64Array(n);
  const keep = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (v === ignoreIndex) continue;
    if (!Number.isInteger(v) || v < 0 || v >= classes)
      throw new InvalidArgumentError(`${fn}: target[${i}]`, v, `a class in [0, ${classes})`);
    index[i] = v;
    keep[i] = 1;
    total += weight[i] = cw ? cw[v] : 1;
  }
  return { shape, index, weight, keep, total, classes };
}

/** A checked input of shape `[N, C]` (scores per class). */
export function checkMatrix(fn: string, input: unknown): Tensor {
  const x = checkInput(fn, input);
  if (x.rank !== 2) throw new ShapeMismatchError(fn, [x.shape], 'need input [N, C]');
  return x;
}

/** A `[N, C]` mask: 0 at each row's target class, 1 elsewhere. */
export function otherClasses(x: Tensor, t: ClassIndices): Tensor {
  const mask = new Float64Array(x.size).fill(1);
  t.index.forEach((c, i) => (mask[i * t.classes + c] = 0));
  return constant(x, mask, x.shape);
}

/** `x[i, target[i], ...]`: each position's entry of its target class, shape of the target. */
export function pick(x: Tensor, t: ClassIndices): Tensor {
  return x.gather(1, t.index).squeeze(1);
}

/** A class weight reshaped to broadcast along axis 1 of `input` ([1, C, 1, ...]). */
export function alongClasses(w: Tensor, input: Tensor): Tensor {
  return w.reshape(input.shape.map((d, i) => (i === 1 ? d : 1)));
}

/** What the plain functions accept as options: the spec's input options, with tensors for weights. */
export type LossOptions<S extends ParamsSpec> = {
  [K in keyof InputOptions<S>]?: K extends 'weight' | 'posWeight' ? Weight : InputOptions<S>[K];
};

type Resolved<S extends ParamsSpec> = Omit<ResolvedOptions<S>, 'weight' | 'posWeight'> & { weight?: Weight; posWeight?: Weight };

/** A loss definition whose `create(options)` binds `impl` to the options. */
export function lossDefinition<const S extends ParamsSpec, T = Tensor>(
  name: string,
  description: string,
  paper: string,
  params: S,
  impl: (input: Tensor, target: T, options: Resolved<S>) => Tensor,
): Definition<'loss', S, TensorLoss> {
  return defineLoss({
    name,
    meta: { description, paper },
    params,
    create: (options: ResolvedOptions<S>): TensorLoss => ({ forward: (input, target) => impl(input, target as T, options as Resolved<S>) }),
  });
}

/**
 * The plain function of a definition: `fn(input, target, options)`. Options are validated against
 * the definition's spec (unknown keys and bad values are errors); `weight` / `posWeight` may be
 * tensors, which are checked by the loss itself.
 */
export function lossFunction<S extends ParamsSpec, T = Tensor>(def: Definition<'loss', S, TensorLoss>) {
  let defaults: ResolvedOptions<S> | undefined; // resolved once: a training loop calls with no options every step
  return (input: Tensor, target: T, options?: LossOptions<S>): Tensor => {
    if (options === undefined) return def.create((defaults ??= resolveOptions(def.params, {}, def.name))).forward(input, target as Tensor);
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(`${def.name}: options`, options, 'an object');
    const { weight, posWeight, ...rest } = options as Record<string, unknown>;
    const resolved = resolveOptions(def.params, rest, def.name) as Record<string, unknown>;
    if (weight !== undefined) resolved.weight = weight;
    if (posWeight !== undefined) resolved.posWeight = posWeight;
    return def.create(resolved as ResolvedOptions<S>).forward(input, target as Tensor);
  };
}
