import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

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
 * `u = m_t / (√v̂ / √(1−β2^t) + ε) / (1−β1^t)`. With `epsRoot` the denominator is the lecture's
 * `√(v̂/(1−β2^t) + ε_root) + ε`.
 *
 * @example
 * const adam = chain(scaleByAdam({ b1: 0.9, b2: 0.999, eps: 1e-8 }), scaleByLearningRate(1e-3));
 */
export function scaleByAdam({ b1 = 0.9, b2 = 0.999, eps = 1e-8, epsRoot = 0, amsgrad = false }: ScaleByAdamOptions = {}): GradientTransformation<AdamState> {
  return perParam(amsgrad ? ['mu', 'nu', 'nuMax'] : ['mu', 'nu'], { b1: [b1, 0, 1], b2: [b2, 0, 1], eps: [eps], epsRoot: [epsRoot] }, (h, t) => {
    const bc1 = 1 - h.b1 ** t;
    const bc2 = 1 - h.b2 ** t;
    const sbc2 = Math.sqrt(bc2);
    return (g, [m0, v0, w0], [m, v, w = v], o) => {
      for (let j = 0; j < g.length; j++) {
        m[j] = m0[j] * h.b1 + (1 - h.b1) * g[j];
        v[j] = v0[j] * h.b2 + (1 - h.b2) * g[j] * g[j];
        if (w0) w[j] = Math.max(w0[j], v[j]);
        o[j] = m[j] / (h.epsRoot ? Math.sqrt(w[j] / bc2 + h.epsRoot) + h.eps : Math.sqrt(w[j]) / sbc2 + h.eps) / bc1;
      }
    };
  });
}
