import type { FloatArray, GradientTransformation, Scalar } from './types';
import { fits, like, needParams, scalar, valueAt } from './util';
import type { CountState } from './scale';

/**
 * Add `λ·θ` to the updates. Where it sits in a chain decides what it is:
 * - first (before any scaling) it is **L2 regularisation** — the gradient of `λ/2·‖θ‖²`, which an
 *   adaptive method then rescales (PyTorch's `weight_decay` of SGD, Adam, RMSprop, ...);
 * - after the direction and before `scaleByLearningRate` it is **decoupled weight decay**
 *   (Loshchilov & Hutter 2019, AdamW): `θ ← θ − α·(u + λ·θ)`, never rescaled.
 *
 * @example
 * const adamL2 = chain(addDecayedWeights(1e-2), scaleByAdam(), scaleByLearningRate(1e-3));
 * const adamW = chain(scaleByAdam(), addDecayedWeights(1e-2), scaleByLearningRate(1e-3));
 */
export function addDecayedWeights(weightDecay: Scalar): GradientTransformation<CountState> {
  scalar('weightDecay', weightDecay);
  return {
    init: () => ({ count: 0 }),
    update(updates, { count }, params) {
      const wd = valueAt(weightDecay, count, 'weightDecay');
      const state = { count: count + 1 };
      if (wd === 0) return { updates: updates as FloatArray[], state };
      const p = needParams(params, updates, 'addDecayedWeights');
      fits(updates, p, 'params');
      return {
        updates: updates.map((u, i) => {
          const o = like(u);
          for (let j = 0; j < u.length; j++) o[j] = u[j] + wd * p[i][j];
          return o;
        }),
        state,
      };
    },
  };
}
