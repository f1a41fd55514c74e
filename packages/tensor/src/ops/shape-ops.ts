/**
 * Shape ops. reshape (of a contiguous tensor), transpose, slice, expand, squeeze and unsqueeze are
 * views: new metadata over the same storage. concat and stack copy into one new buffer.
 */
import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import { record } from '../autograd';
import { broadcastShapes, contiguousStrides, fmt, normAxis, sameShape, sizeOf } from '../shape';
import { Tensor, fromStorage } from '../tensor';
import type { DType, Shape } from '../types';
import { checkPair, expandView } from './util';

/** @internal A new tensor object over the same storage and layout (not recorded). */
export function alias(x: Tensor): Tensor {
  return new Tensor(x.storage, x.shape, x.dtype, x.backend, x.strides, x.offset);
}

function viewOf(x: Tensor, shape: Shape, strides: Shape, offset = x.offset): Tensor {
  return new Tensor(x.storage, shape, x.dtype, x.backend, strides, offset);
}

/** This tensor when contiguous (or a copy when `force`), else a contiguous copy. Gradient: identity. */
export function contiguous(x: Tensor, force = false): Tensor {
  if (!force && x.isContiguous) return x;
  const out = fromStorage(x.backend.copy(x.view()), x.shape, x.dtype, x.backend);
  return record(out, 'contiguous', [x], (g) => [g]);
}

/** Convert to `dtype`; the gradient is converted back. */
export function cast(x: Tensor, dtype: DType): Tensor {
  if (dtype !== 'float32' && dtype !== 'float64') throw new InvalidArgumentError('to: dtype', dtype, "'float32' or 'float64'");
  if (dtype === x.dtype) return x;
  const out = fromStorage(x.backend.copy(x.view(), dtype), x.shape, dtype, x.backend);
  return record(out, 'cast', [x], (g) => [g.to(x.dtype)]);
}

/** Same values with a new shape; one entry may be -1 (inferred). A view for contiguous tensors. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < -1) || shape.filter((d) => d === -1).length > 1)
    throw new InvalidArgumentError('reshape: shape', shape, 'non-negative integers with at most one -1');
  const known = sizeOf(shape.filter((d) => d !== -1));
  const target = shape.map((d) => (d === -1 ? (known === 0 ? 0 : x.size / known) : d));
  if (sizeOf(target) !== x.size || !target.every(Number.isInteger)) throw new ShapeMismatchError('reshape', [x.shape, shape], `do not have the same number of elements`);
  const base = contiguous(x);
  const out = viewOf(base, target, contiguousStrides(target));
  return record(out, 'reshape', [base], (g) => [g.reshape(base.shape)]);
}

function checkPerm(x: Tensor, perm: readonly number[]): number[] {
  const p = Array.isArray(perm) ? perm.map((a) => (Number.isInteger(a) && a < 0 ? a + x.rank : a)) : [];
  const ok = p.length === x.rank && p.every((a) => Number.isInteger(a) && a >= 0 && a < x.rank) && new Set(p).size === p.length;
  if (!ok) throw new InvalidArgumentError('transpose: perm', perm, `a permutation of the ${x.rank} axes of a tensor of shape ${fmt(x.shape)}`);
  return p;
}

/** Permute axes (reverse them when `perm` is omitted). A view. */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const p = perm === undefined ? x.shape.map((_, i) => x.rank - 1 - i) : checkPerm(x, perm);
  const inverse = new Array<number>(p.length);
  p.forEach((a, i) => (inverse[a] = i));
  const out = viewOf(x, p.map((a) => x.shape[a]), p.map((a) => x.strides[a]));
  return record(out, 'transpose', [x], (g) => [g.transpose(inverse)]);
}

/** Swap axes `a` and `b`. A view. */
export function swapAxes(x: Tensor, a: number, b: number): Tensor {
  const i = normAxis('swapAxes: a', a, x.rank);
  const j = normAxis('swapAxes: b', b, x.rank);
  const perm = x.shape.map((_, k) => (k === i ? j : k === j ? i : k));
  return transpose(x, perm);
}

/** Broadcast to `shape` by NumPy rules (the result must have `shape`). A view with stride 0. */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) throw new InvalidArgumentError('expand: shape', shape, 'an array of non-negative integers');
  if (shape.length < x.rank || !sameShape(broadcastShapes('expand', x.shape, shape), shape))
    throw new ShapeMismatchError('expand', [x.shape, shape], 'do not broadcast: the first cannot be expanded to the second');
  if (sameShape(shape, x.shape)) return x;
  const v = expandView(x, shape);
  return record(viewOf(x, shape, v.strides), 'expand', [x], (g) => [g]);
}

/** @internal Sum a (broadcast) gradient down to `shape`: the adjoint of broadcasting. */
export function sumTo(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  return g.sum(axes, true).reshape(shape);
}

/**
 * The block starting at `begin` with `size` entries per axis (-1 = to the end; `size` omitted = to
 * the end of every axis). Negative `begin` counts from the end. A view.
 */
export function slice(x: Tensor, begin: readonly number[], size?: readonly number[]): Tensor {
  if (!Array.isArray(begin) || begin.length > x.rank || begin.some((b) => !Number.isInteger(b)))
    throw new InvalidArgumentError('slice: begin', begin, `at most ${x.rank} integers`);
  if (size !== undefined && (!Array.isArray(size) || size.length > x.rank || size.some((s) => !Number.isInteger(s) || s < -1)))
    throw new InvalidArgumentError('slice: size', size, `at most ${x.rank} integers ≥ -1`);
  const start = x.shape.map((d, i) => {
    const b = begin[i] ?? 0;
    return b < 0 ? b + d : b;
  });
  const len = x.shape.map((d, i) => {
    const s = size?.[i] ?? -1;
    return s === -1 ? d - start[i] : s;
  });
  for (let i = 0; i < x.rank; i++)
    if (start[i] < 0 || len[i] < 0 || start[i] + len[i] > x.shape[i])
      throw new ShapeMismatchError('slice', [x.shape, len], `: the block at [${start.join(', ')}] of size [${len.join(', ')}] is out of bounds`);
  let offset = x.offset;
  for (let i = 0; i < x.rank; i++) offset += start[i] * x.strides[i];
  const out = viewOf(x, len, x.strides, offset);
  return record(out, 'slice', [x], (g) => [padInto(g, x.shape, start)]);
}

/** Zeros of `shape` with `g` written at `start` (the adjoint of slice). */
function padInto(g: Tensor, shape: Shape, start: readonly number[]): Tensor {
  const out = g.backend.full(sizeOf(shape), 0, g.dtype);
  const strides = contiguousStrides(shape);
  let offset = 0;
  for (let i = 0; i < shape.length; i++) offset += start[i] * strides[i];
  g.backend.assign({ storage: out, dtype: g.dtype, shape: g.shape, strides, offset }, g.view());
  return fromStorage(out, shape, g.dtype, g.backend);
}

/** Remove size-1 axes (only `axis`, which must have size 1, when given). */
export function squeeze(x: Tensor, axis?: number): Tensor {
  if (axis === undefined) return reshape(x, x.shape.filter((d) => d !== 1));
  const a = normAxis('squeeze: axis', axis, x.rank);
  if (x.shape[a] !== 1) throw new InvalidArgumentError('squeeze: axis', axis, `an axis of size 1 (shape ${fmt(x.shape)})`);
  return reshape(x, x.shape.filter((_, i) => i !== a));
}

/** Insert a size-1 axis at `axis` (in `[-rank-1, rank]`). */
export function unsqueeze(x: Tensor, axis: number): Tensor {
  const a = normAxis('unsqueeze: axis', axis, x.rank + 1);
  const shape = x.shape.slice();
  shape.splice(a, 0, 1);
  return reshape(x, shape);
}

/** Join tensors along an existing `axis` (all other sizes must match). */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0 || !tensors.every((t) => t instanceof Tensor))
    throw new InvalidArgumentError('concat: tensors', tensors, 'a non-empty array of tensors');
  const first = tensors[0];
  const a = normAxis('concat: axis', axis, first.rank);
  for (const t of tensors) {
    checkPair('concat', first, t, 'tensors');
    if (t.rank !== first.rank || t.shape.some((d, i) => i !== a && d !== first.shape[i]))
      throw new ShapeMismatchError('concat', [first.shape, t.shape], `must match on every axis except ${a}`);
  }
  const shape = first.shape.slice();
  shape[a] = tensors.reduce((s, t) => s + t.shape[a], 0);
  const strides = contiguousStrides(shape);
  const storage = first.backend.full(sizeOf(shape), 0, first.dtype);
  const starts: number[] = [];
  let at = 0;
  for (const t of tensors) {
    starts.push(at);
    if (t.size > 0) first.backend.assign({ storage, dtype: t.dtype, shape: t.shape, strides, offset: at * strides[a] }, t.view());
    at += t.shape[a];
  }
  const out = fromStorage(storage, shape, first.dtype, first.backend);
  return record(out, 'concat', tensors, (g) =>
    tensors.map((t, i) => {
      const begin = shape.map(() => 0);
      begin[a] = starts[i];
      return g.slice(begin, t.shape);
    }),
  );
}

/** Stack same-shaped tensors along a new `axis`. */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0 || !tensors.every((t) => t instanceof Tensor))
    throw new InvalidArgumentError('stack: tensors', tensors, 'a non-empty array of tensors');
  for (const t of tensors)
    if (!sameShape(t.shape, tensors[0].shape)) throw new ShapeMismatchError('stack', [tensors[0].shape, t.shape], 'must be equal');
  return concat(
    tensors.map((t) => unsqueeze(t, axis)),
    axis,
  );
}
