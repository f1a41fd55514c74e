import type { FloatArray, GradientTransformation, Scalar } from './types';
import { fits, like, scalar, valueAt } from './util';

export interface ScaleByAdaDeltaOptions {
  /** Decay ρ of both running means; default 0.9. */
  rho?: Scalar;
  /** ε inside both square roots; default 1e-6. */
  eps?: Scalar;
}

export interface AdaDeltaState {
  readonly count: number;
  /** Running mean of g². */
  readonly nu: FloatArray[];
  /** Running mean of Δ². */
  readonly delta: FloatArray[];
}

/**
 * AdaDelta's unit-correcting step: `v_t = ρ·v + (1−ρ)·g²`,
 * `Δ = √(d + ε) / √(v_t + ε) · g`, `d_t = ρ·d + (1−ρ)·Δ²`; the output is `Δ`.
 *
 * @example
 * const adadelta = chain(scaleByAdaDelta({ rho: 0.9 }), scaleByLearningRate(1));
 */
export function scaleByAdaDelta({ rho = 0.9, eps = 1e-6 }: ScaleByAdaDeltaOptions = {}): GradientTransformation<AdaDeltaState> {
  scalar('rho', rho, 0, 1, true);
  scalar('eps', eps);
  return {
    init: (params) => ({ count: 0, nu: params.map((p) => like(p)), delta: params.map((p) => like(p)) }),
    update(updates, state) {
      const { count } = state;
      fits(updates, state.nu, 'nu');
      const r = valueAt(rho, count, 'rho');
      const E = valueAt(eps, count, 'eps');
      const nu: FloatArray[] = [];
      const delta: FloatArray[] = [];
      const out = updates.map((g, i) => {
        const v = like(g);
        const d = like(g);
        const o = like(g);
        for (let j = 0; j < g.length; j++) {
          v[j] = state.nu[i][j] * r + (1 - r) * g[j] * g[j];
          o[j] = (Math.sqrt(state.delta[i][j] + E) / Math.sqrt(v[j] + E)) * g[j];
          d[j] = state.delta[i][j] * r + (1 - r) * o[j] * o[j];
        }
        nu.push(v);
        delta.push(d);
        return o;
      });
      return { updates: out, state: { count: count + 1, nu, delta } };
    },
  };
}
