import { LengthMismatchError } from '@lab/core';
import type { FloatArray, GradientTransformation, NameMatcher } from './types';
import { nameMatcher } from './match';
import { like, positions } from './util';

export interface MaskedState<S> {
  readonly inner: S;
  /** Per parameter: `[1]` when the inner transformation applies to it, `[0]` otherwise. */
  readonly mask: Uint8Array[];
}

/**
 * Apply `inner` only to the parameters whose names match; the others' updates pass through
 * unchanged. The inner transformation sees empty arrays in place of the unselected parameters, so
 * its state keeps one entry per parameter (empty for the unselected ones).
 *
 * @example
 * // weight decay on weights only, not on biases
 * chain(masked(addDecayedWeights(1e-4), /weight$/), scaleByAdam(), scaleByLearningRate(1e-3));
 */
export function masked<S>(inner: GradientTransformation<S>, match: NameMatcher): GradientTransformation<MaskedState<S>> {
  const test = nameMatcher(match);
  const hide = (xs: readonly FloatArray[], on: boolean[]) => xs.map((x, i) => (on[i] ? x : like(x, 0)));
  return {
    init(params, names = positions(params.length)) {
      const on = names.map((n) => test(n));
      return { inner: inner.init(hide(params, on), names), mask: on.map((b) => Uint8Array.of(b ? 1 : 0)) };
    },
    update(updates, state, params) {
      if (updates.length !== state.mask.length) throw new LengthMismatchError('updates', updates.length, 'mask', state.mask.length);
      const on = state.mask.map((m) => m[0] === 1);
      const r = inner.update(hide(updates, on), state.inner, params && hide(params, on));
      return { updates: updates.map((u, i) => (on[i] ? r.updates[i] : u)), state: { inner: r.state, mask: state.mask } };
    },
  };
}
