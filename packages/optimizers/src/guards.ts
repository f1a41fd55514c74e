import type { FloatArray, GradientTransformation } from './types';
import { assertFinite, firstNonFinite, fits, like } from './util';

/**
 * Refuse non-finite gradients: `update` throws NonFiniteError naming the first NaN/±Infinity
 * (`grads[i][j]`) before the inner transformation sees it. Every named optimizer is wrapped in it.
 * The state is the inner state.
 *
 * @example
 * const opt = requireFinite(chain(scaleByAdam(), scaleByLearningRate(1e-3)));
 */
export function requireFinite<S>(inner: GradientTransformation<S>): GradientTransformation<S> {
  return {
    init: (params, names) => inner.init(params, names),
    update(updates, state, params) {
      if (params) fits(updates, params, 'params');
      assertFinite(updates, 'grads');
      return inner.update(updates, state, params);
    },
  };
}

export interface SkipNonFiniteState<S> {
  readonly inner: S;
  /** How many updates were skipped so far. */
  readonly skipped: number;
}

/**
 * Skip steps whose gradients (or whose resulting updates) are not finite: the updates are zero,
 * the inner state is kept as it was, and `skipped` counts them. Never applies a NaN.
 *
 * @example
 * const opt = skipNonFinite(adam({ lr: 1e-3 }));
 */
export function skipNonFinite<S>(inner: GradientTransformation<S>): GradientTransformation<SkipNonFiniteState<S>> {
  return {
    init: (params, names) => ({ inner: inner.init(params, names), skipped: 0 }),
    update(updates, state, params) {
      const skip = () => ({ updates: updates.map((u) => like(u)), state: { inner: state.inner, skipped: state.skipped + 1 } });
      if (firstNonFinite(updates)) return skip();
      const r = inner.update(updates, state.inner, params);
      if (firstNonFinite(r.updates)) return skip();
      return { updates: r.updates as FloatArray[], state: { inner: r.state, skipped: state.skipped } };
    },
  };
}
