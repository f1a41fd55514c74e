import { LengthMismatchError } from '@lab/core';
import type { FloatArray, GradientTransformation, Scalar } from '@lab/core';
import { valueAt } from '@lab/optimizers';

export interface ScaleByLionOptions {
  /** Interpolation β1 between the momentum and the new gradient for the sign; default 0.9. */
  b1?: Scalar;
  /** Decay β2 of the momentum; default 0.99. */
  b2?: Scalar;
}

export interface LionState {
  readonly count: number;
  /** The momentum m, one array per parameter (the per-parameter state convention). */
  readonly mu: FloatArray[];
}

const zerosLike = (x: FloatArray): FloatArray => new (x.constructor as Float64ArrayConstructor)(x.length);

/**
 * Lion's direction: `u = sign(β1·m + (1 − β1)·g)`, then `m ← β2·m + (1 − β2)·g`.
 *
 * @example
 * const lion = chain(scaleByLion({ b1: 0.9, b2: 0.99 }), scaleByLearningRate(1e-4));
 */
export function scaleByLion({ b1 = 0.9, b2 = 0.99 }: ScaleByLionOptions = {}): GradientTransformation<LionState> {
  return {
    init: (params) => ({ count: 0, mu: params.map(zerosLike) }),
    update(updates, state) {
      if (updates.length !== state.mu.length) throw new LengthMismatchError('updates', updates.length, 'state.mu', state.mu.length);
      const B1 = valueAt(b1, state.count, 'lion.b1');
      const B2 = valueAt(b2, state.count, 'lion.b2');
      const mu: FloatArray[] = [];
      const out = updates.map((g, i) => {
        const m0 = state.mu[i];
        if (g.length !== m0.length) throw new LengthMismatchError(`updates[${i}]`, g.length, `state.mu[${i}]`, m0.length);
        const m = zerosLike(g);
        const u = zerosLike(g);
        for (let j = 0; j < g.length; j++) {
          u[j] = Math.sign(B1 * m0[j] + (1 - B1) * g[j]);
          m[j] = B2 * m0[j] + (1 - B2) * g[j];
        }
        mu.push(m);
        return u;
      });
      return { updates: out, state: { count: state.count + 1, mu } };
    },
  };
}
