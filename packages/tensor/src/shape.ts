import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import type { Shape } from './types';

/** Number of elements of a shape. */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Row-major strides of a shape. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** True when the strides are the row-major strides of the shape (size-1 axes may have any stride). */
export function isContiguous(shape: Shape, strides: Shape): boolean {
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && strides[i] !== s) return false;
    s *= shape[i];
  }
  return true;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** NumPy broadcasting: align shapes on the right; each pair of sizes must be equal or one of them 1. */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new ShapeMismatchError(op, [a, b], 'cannot be broadcast together');
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Check a user-given shape: non-negative integers. */
export function checkShape(argument: string, shape: unknown): number[] {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0))
    throw new InvalidArgumentError(argument, shape, 'an array of non-negative integers');
  return shape.slice();
}

/** Normalise a possibly negative axis for a tensor of rank `rank`. */
export function normAxis(argument: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank)
    throw new InvalidArgumentError(argument, axis, `an integer axis in [${-rank}, ${rank - 1}]`);
  return axis < 0 ? axis + rank : axis;
}

/** Normalise an axis argument (undefined = all axes) to a sorted list of unique axes. */
export function normAxes(argument: string, axis: number | readonly number[] | undefined, rank: number): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  if (!Array.isArray(list)) throw new InvalidArgumentError(argument, axis, 'an axis or a list of axes');
  const out = list.map((a) => normAxis(argument, a, rank)).sort((x, y) => x - y);
  for (let i = 1; i < out.length; i++) if (out[i] === out[i - 1]) throw new InvalidArgumentError(argument, axis, 'distinct axes');
  return out;
}

/** Format a shape for messages. */
export function fmt(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}
