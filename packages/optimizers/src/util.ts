/** Internal helpers shared by the transformations (not exported from the package). */
import { checkParam, InvalidArgumentError, LengthMismatchError, NonFiniteError } from '@lab/core';
import type { FloatArray, Scalar, ScheduleParam } from '@lab/core';

/** The value of a number-or-schedule hyper-parameter at update `step` (0-based); a schedule must give a finite number. */
export function valueAt(s: Scalar, step: number, name = 'hyper-parameter'): number {
  const v = typeof s === 'function' ? s(step) : s;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new NonFiniteError(`${name} at step ${step}`, v);
  return v;
}

/** Validate a number-or-schedule option: `min` inclusive, `max` exclusive unless `closed`. */
export function scalar(name: string, v: unknown, min = 0, max?: number, closed = false): Scalar {
  // core's checker honours `exclusiveMax` for every numeric kind; its ScheduleParam type does not list it yet
  return checkParam(name, { kind: 'number-or-schedule', min, max, exclusiveMax: !closed, description: '' } as ScheduleParam, v) as Scalar;
}

/** A new zero-filled array of the same type as `a`. */
export const like = (a: FloatArray, n = a.length): FloatArray => new (a.constructor as Float64ArrayConstructor)(n);

/** Zero arrays shaped like `xs`, filled with `fill`. */
export const zerosLike = (xs: readonly FloatArray[], fill = 0): FloatArray[] => xs.map((x) => like(x).fill(fill));

/** Check that `updates` fit a per-parameter list (count and lengths). */
export function fits(updates: readonly FloatArray[], ref: readonly { length: number }[], what: string): void {
  if (!Array.isArray(updates)) throw new InvalidArgumentError('updates', updates, 'an array of Float32Array or Float64Array');
  if (updates.length !== ref.length) throw new LengthMismatchError('updates', updates.length, what, ref.length);
  for (let i = 0; i < ref.length; i++) {
    const u = updates[i];
    if (!(u instanceof Float64Array || u instanceof Float32Array)) throw new InvalidArgumentError(`updates[${i}]`, u, 'a Float32Array or Float64Array');
    if (u.length !== ref[i].length) throw new LengthMismatchError(`updates[${i}]`, u.length, `${what}[${i}]`, ref[i].length);
  }
}

/** `params` is required by this transformation. */
export function needParams(params: readonly FloatArray[] | undefined, updates: readonly FloatArray[], who: string): readonly FloatArray[] {
  if (!params) throw new InvalidArgumentError(`${who}: params`, params, 'the parameters');
  fits(params, updates, 'updates');
  return params;
}

/** Index of the first non-finite entry of the arrays, as [array, index], or undefined. */
export function firstNonFinite(xs: readonly FloatArray[]): [number, number] | undefined {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    for (let j = 0; j < x.length; j++) if (!Number.isFinite(x[j])) return [i, j];
  }
  return undefined;
}

/** Throw NonFiniteError naming the first NaN/Infinity in `xs`. */
export function assertFinite(xs: readonly FloatArray[], name: string): void {
  const at = firstNonFinite(xs);
  if (at) throw new NonFiniteError(`${name}[${at[0]}]`, xs[at[0]][at[1]], at[1]);
}

/** Default parameter names: positions "0", "1", ... */
export const positions = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));
