import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

export interface ScaleByRmsOptions {
  /** Decay ρ of the running mean of g²; default 0.99 (PyTorch's `alpha`). */
  decay?: Scalar;
  /** ε added after the square root; default 1e-8. */
  eps?: Scalar;
  /** ε added inside the square root (the lecture's form); default 0. */
  epsRoot?: Scalar;
  /** Centred RMSprop: divide by the estimated standard deviation `√(E[g²] − E[g]²)`; default false. */
  centered?: boolean;
}

export interface RmsState {
  readonly count: number;
  /** Running mean of g². */
  readonly nu: FloatArray[];
  /** Running mean of g (centred only). */
  readonly mu?: FloatArray[];
}

/**
 * RMSprop's scaling, in PyTorch's operation order: `v_t = ρ·v + (1−ρ)·g²`,
 * (centred: `m_t = ρ·m + (1−ρ)·g`, `v ← v_t − m_t²`), `u = g / (√(v + ε_root) + ε)`.
 *
 * @example
 * const rmsprop = chain(scaleByRms({ decay: 0.99 }), scaleByLearningRate(0.01));
 */
export function scaleByRms({ decay = 0.99, eps = 1e-8, epsRoot = 0, centered = false }: ScaleByRmsOptions = {}): GradientTransformation<RmsState> {
  return perParam(centered ? ['nu', 'mu'] : ['nu'], { decay: [decay], eps: [eps], epsRoot: [epsRoot] }, ({ decay: a, eps: E, epsRoot: R }) => (g, [v0, m0], [v, m], o) => {
    for (let j = 0; j < g.length; j++) {
      v[j] = v0[j] * a + (1 - a) * g[j] * g[j];
      let s = v[j];
      if (m0) {
        m[j] = m0[j] * a + (1 - a) * g[j];
        s += -1 * m[j] * m[j];
      }
      o[j] = g[j] / (Math.sqrt(R ? s + R : s) + E);
    }
  });
}
