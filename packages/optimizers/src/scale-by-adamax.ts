import type { FloatArray, GradientTransformation, Scalar } from './types';
import { fits, like, scalar, valueAt } from './util';

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
  scalar('b1', b1, 0, 1);
  scalar('b2', b2, 0, 1);
  scalar('eps', eps);
  return {
    init: (params) => ({ count: 0, mu: params.map((p) => like(p)), nuInf: params.map((p) => like(p)) }),
    update(updates, state) {
      const { count } = state;
      fits(updates, state.mu, 'mu');
      const B1 = valueAt(b1, count, 'b1');
      const B2 = valueAt(b2, count, 'b2');
      const E = valueAt(eps, count, 'eps');
      const bc1 = 1 - B1 ** (count + 1);
      const mu: FloatArray[] = [];
      const nuInf: FloatArray[] = [];
      const out = updates.map((g, i) => {
        const m = like(g);
        const u = like(g);
        const o = like(g);
        for (let j = 0; j < g.length; j++) {
          m[j] = state.mu[i][j] * B1 + (1 - B1) * g[j];
          u[j] = Math.max(state.nuInf[i][j] * B2, Math.abs(g[j]) + E);
          o[j] = m[j] / u[j] / bc1;
        }
        mu.push(m);
        nuInf.push(u);
        return o;
      });
      return { updates: out, state: { count: count + 1, mu, nuInf } };
    },
  };
}
