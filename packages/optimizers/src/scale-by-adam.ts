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
    // the update is the fused pass with θ = 0 (keep 0, l = 1/bc1) on copies of the moments
    return (g, [m0, v0, w0], [m, v, w], o) => {
      m.set(m0);
      v.set(v0);
      w?.set(w0);
      adamPass(o, g, m, v, w, h.b1, h.b2, 1, 0, 0, 1 / bc1, 1 / bc2, h.epsRoot, h.eps);
    };
  });
}

/**
 * @internal One Adam step over a parameter in place, also `adam()`'s fused step (arguments rather than
 * closure variables so V8 keeps them in registers). With x = sg·g + l2·θ:
 * `m ← b1·m + (1−b1)·x`, `v ← b2·v + (1−b2)·x²`, `v̂ ← max(v̂, v)` (w), `θ ← keep·θ + l·m / (√(v̂·a + r) + eps)`.
 */
export function adamPass(p: FloatArray, g: FloatArray, m: FloatArray, v: FloatArray, w: FloatArray | undefined, b1: number, b2: number, sg: number, l2: number, keep: number, l: number, a: number, r: number, eps: number): void {
  for (let j = 0; j < p.length; j++) {
    const th = p[j];
    const x = sg * g[j] + l2 * th;
    const mj = (m[j] = b1 * m[j] + (1 - b1) * x);
    let vj = (v[j] = b2 * v[j] + (1 - b2) * x * x);
    if (w) vj = w[j] = Math.max(w[j], vj);
    p[j] = keep * th + (l * mj) / (Math.sqrt(vj * a + r) + eps);
  }
}
