import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

export interface ScaleByRadamOptions {
  /** Decay β1 of the first moment; default 0.9. */
  b1?: Scalar;
  /** Decay β2 of the second moment; default 0.999. */
  b2?: Scalar;
  /** ε added after the square root; default 1e-8. */
  eps?: Scalar;
}

export interface RadamState {
  readonly count: number;
  readonly mu: FloatArray[];
  readonly nu: FloatArray[];
}

/**
 * RAdam's rectified direction (Liu et al. 2020, PyTorch's form): `m̂ = m_t/(1−β1^t)`,
 * `ρ_∞ = 2/(1−β2) − 1`, `ρ_t = ρ_∞ − 2t·β2^t/(1−β2^t)`; if `ρ_t > 5` the output is
 * `m̂ · √(1−β2^t)/(√v_t + ε) · r_t` with `r_t = √((ρ_t−4)(ρ_t−2)ρ_∞ / ((ρ_∞−4)(ρ_∞−2)ρ_t))`,
 * otherwise plain momentum `m̂`.
 *
 * @example
 * const radam = chain(scaleByRadam(), scaleByLearningRate(1e-3));
 */
export function scaleByRadam({ b1 = 0.9, b2 = 0.999, eps = 1e-8 }: ScaleByRadamOptions = {}): GradientTransformation<RadamState> {
  return perParam(['mu', 'nu'], { b1: [b1, 0, 1], b2: [b2, 0, 1], eps: [eps] }, ({ b1: B1, b2: B2, eps: E }, t) => {
    const bc1 = 1 - B1 ** t;
    const bc2 = 1 - B2 ** t;
    const rhoInf = 2 / (1 - B2) - 1;
    const rho = rhoInf - (2 * t * B2 ** t) / bc2;
    const rect = rho > 5 ? Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho)) : 0;
    const sbc2 = Math.sqrt(bc2);
    return (g, [m0, v0], [m, v], o) => {
      for (let j = 0; j < g.length; j++) {
        m[j] = m0[j] * B1 + (1 - B1) * g[j];
        v[j] = v0[j] * B2 + (1 - B2) * g[j] * g[j];
        const mHat = m[j] / bc1;
        o[j] = rect ? mHat * (sbc2 / (Math.sqrt(v[j]) + E)) * rect : mHat;
      }
    };
  });
}
