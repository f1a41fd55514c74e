import type { FloatArray, GradientTransformation, Scalar } from './types';
import { fits, like, scalar, valueAt } from './util';

export interface ScaleByAdamOptions {
  /** Decay β1 of the first moment; default 0.9. */
  b1?: Scalar;
  /** Decay β2 of the second moment; default 0.999 (the lecture uses 0.99). */
  b2?: Scalar;
  /** ε added after the square root; default 1e-8. */
  eps?: Scalar;
  /** ε added inside the square root (the lecture's form); default 0. */
  epsRoot?: Scalar;
  /** AMSGrad: normalise by the running maximum of v; default false. */
  amsgrad?: boolean;
}

export interface AdamState {
  readonly count: number;
  /** First moment m. */
  readonly mu: FloatArray[];
  /** Second moment v. */
  readonly nu: FloatArray[];
  /** Running maximum of v (AMSGrad only). */
  readonly nuMax?: FloatArray[];
}

/**
 * Adam's direction, in PyTorch's operation order:
 * `m_t = β1·m + (1−β1)·g`, `v_t = β2·v + (1−β2)·g²`, `v̂ = max(v̂, v_t)` (AMSGrad), and
 * `u = m_t / (√v_t / √(1−β2^t) + ε) / (1−β1^t)`. With `epsRoot` the denominator is the lecture's
 * `√(v_t/(1−β2^t) + ε_root) + ε`.
 *
 * @example
 * const adam = chain(scaleByAdam({ b1: 0.9, b2: 0.999, eps: 1e-8 }), scaleByLearningRate(1e-3));
 */
export function scaleByAdam({ b1 = 0.9, b2 = 0.999, eps = 1e-8, epsRoot = 0, amsgrad = false }: ScaleByAdamOptions = {}): GradientTransformation<AdamState> {
  scalar('b1', b1, 0, 1);
  scalar('b2', b2, 0, 1);
  scalar('eps', eps);
  scalar('epsRoot', epsRoot);
  return {
    init: (params) => ({ count: 0, mu: params.map((p) => like(p)), nu: params.map((p) => like(p)), ...(amsgrad ? { nuMax: params.map((p) => like(p)) } : {}) }),
    update(updates, state) {
      const { count } = state;
      fits(updates, state.mu, 'mu');
      const B1 = valueAt(b1, count, 'b1');
      const B2 = valueAt(b2, count, 'b2');
      const E = valueAt(eps, count, 'eps');
      const R = valueAt(epsRoot, count, 'epsRoot');
      const t = count + 1;
      const bc1 = 1 - B1 ** t;
      const bc2 = 1 - B2 ** t;
      const sbc2 = Math.sqrt(bc2);
      const mu: FloatArray[] = [];
      const nu: FloatArray[] = [];
      const nuMax: FloatArray[] = [];
      const out = updates.map((g, i) => {
        const m = like(g);
        const v = like(g);
        const w = amsgrad ? like(g) : v;
        const o = like(g);
        const m0 = state.mu[i];
        const v0 = state.nu[i];
        const w0 = state.nuMax?.[i];
        for (let j = 0; j < g.length; j++) {
          m[j] = m0[j] * B1 + (1 - B1) * g[j];
          v[j] = v0[j] * B2 + (1 - B2) * g[j] * g[j];
          if (w0) w[j] = Math.max(w0[j], v[j]);
          const d = R ? Math.sqrt(w[j] / bc2 + R) + E : Math.sqrt(w[j]) / sbc2 + E;
          o[j] = m[j] / d / bc1;
        }
        mu.push(m);
        nu.push(v);
        nuMax.push(w);
        return o;
      });
      return { updates: out, state: { count: t, mu, nu, ...(amsgrad ? { nuMax } : {}) } };
    },
  };
}
