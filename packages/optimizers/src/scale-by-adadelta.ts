import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

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
  return perParam(['nu', 'delta'], { rho: [rho, 0, 1, true], eps: [eps] }, ({ rho: r, eps: E }) => (g, [v0, d0], [v, d], o) => {
    for (let j = 0; j < g.length; j++) {
      v[j] = v0[j] * r + (1 - r) * g[j] * g[j];
      o[j] = (Math.sqrt(d0[j] + E) / Math.sqrt(v[j] + E)) * g[j];
      d[j] = d0[j] * r + (1 - r) * o[j] * o[j];
    }
  });
}
