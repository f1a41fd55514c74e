import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

export interface ScaleByAdamaxOptions {
  /** Decay β1 of the first moment; default 0.9. */
  b1?: Scalar;
  /** Decay β2 of the infinity norm; default 0.999. */
  b2?: Scalar;
  /** ε added to |g| before the maximum; default 1e-8. */
  eps?: Scalar;
}

export interface AdamaxState {
  readonly count: number;
  /** First moment m. */
  readonly mu: FloatArray[];
  /** Exponentially weighted infinity norm u. */
  readonly nuInf: FloatArray[];
}

/**
 * Adamax's direction (PyTorch's form): `m_t = β1·m + (1−β1)·g`, `u_t = max(β2·u, |g| + ε)`,
 * output `m_t / u_t / (1 − β1^t)`.
 *
 * @example
 * const adamax = chain(scaleByAdamax(), scaleByLearningRate(0.002));
 */
export function scaleByAdamax({ b1 = 0.9, b2 = 0.999, eps = 1e-8 }: ScaleByAdamaxOptions = {}): GradientTransformation<AdamaxState> {
  return perParam(['mu', 'nuInf'], { b1: [b1, 0, 1], b2: [b2, 0, 1], eps: [eps] }, ({ b1: B1, b2: B2, eps: E }, t) => {
    const bc1 = 1 - B1 ** t;
    return (g, [m0, u0], [m, u], o) => {
      for (let j = 0; j < g.length; j++) {
        m[j] = m0[j] * B1 + (1 - B1) * g[j];
        u[j] = Math.max(u0[j] * B2, Math.abs(g[j]) + E);
        o[j] = m[j] / u[j] / bc1;
      }
    };
  });
}
