import { LengthMismatchError } from '@lab/core';
import type { FloatArray } from './types';
import { assertFinite, fits } from './util';

/**
 * `θ + u` for every parameter, as new arrays (the inputs are not modified). Non-finite updates
 * are refused with NonFiniteError rather than written into the parameters.
 *
 * @example
 * const { updates, state: next } = opt.update(grads, state, params);
 * params = applyUpdates(params, updates);
 */
export function applyUpdates<T extends FloatArray>(params: readonly T[], updates: readonly FloatArray[]): T[] {
  if (updates?.length !== params.length) throw new LengthMismatchError('updates', updates?.length, 'params', params.length);
  fits(updates, params, 'params');
  assertFinite(updates, 'updates');
  return params.map((p, i) => {
    const out = p.slice() as T;
    const u = updates[i];
    for (let j = 0; j < out.length; j++) out[j] += u[j];
    return out;
  });
}
