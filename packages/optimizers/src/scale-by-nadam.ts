import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

export interface ScaleByNadamOptions {
  /** Decay β1 of the first moment; default 0.9. */
  b1?: Scalar;
  /** Decay β2 of the second moment; default 0.999. */
  b2?: Scalar;
  /** ε added after the square root; default 1e-8. */
  eps?: Scalar;
  /** Momentum decay ψ of the μ_t schedule; default 0.004. */
  momentumDecay?: Scalar;
}

export interface NadamState {
  readonly count: number;
  /** Product μ_1···μ_t. */
  readonly muProduct: number;
  readonly mu: FloatArray[];
  readonly nu: FloatArray[];
}

/**
 * NAdam's direction (Dozat 2016, PyTorch's form): `μ_t = β1·(1 − ½·0.96^(tψ))`,
 * `m_t = β1·m + (1−β1)·g`, `v_t = β2·v + (1−β2)·g²`, `d = √(v_t/(1−β2^t)) + ε`,
 * output `(1−μ_t)/(1−Πμ_{1..t})·g/d + μ_{t+1}/(1−Πμ_{1..t+1})·m_t/d`.
 * The product Πμ is kept in float64 (PyTorch 1.13 keeps it in a tensor of the default dtype, so it
 * matches when that is float64).
 *
 * @example
 * const nadam = chain(scaleByNadam(), scaleByLearningRate(0.002));
 */
export function scaleByNadam({ b1 = 0.9, b2 = 0.999, eps = 1e-8, momentumDecay = 0.004 }: ScaleByNadamOptions = {}): GradientTransformation<NadamState> {
  return perParam<NadamState>(
    ['mu', 'nu'],
    { b1: [b1, 0, 1], b2: [b2, 0, 1], eps: [eps], momentumDecay: [momentumDecay] },
    ({ b1: B1, b2: B2, eps: E, momentumDecay: md }, t, state) => {
      const bc2 = 1 - B2 ** t;
      const muT = B1 * (1 - 0.5 * 0.96 ** (t * md));
      const muNext = B1 * (1 - 0.5 * 0.96 ** ((t + 1) * md));
      const muProduct = state.muProduct * muT;
      const c1 = (1 - muT) / (1 - muProduct);
      const c2 = muNext / (1 - muProduct * muT * muNext);
      return [
        (g, [m0, v0], [m, v], o) => {
          for (let j = 0; j < g.length; j++) {
            m[j] = m0[j] * B1 + (1 - B1) * g[j];
            v[j] = v0[j] * B2 + (1 - B2) * g[j] * g[j];
            const d = Math.sqrt(v[j] / bc2) + E;
            o[j] = c1 * (g[j] / d) + c2 * (m[j] / d);
          }
        },
        { muProduct },
      ];
    },
    {},
    { muProduct: 1 },
  );
}
