import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

export interface ScaleByRssOptions {
  /** Initial value of the accumulator G_0; default 0. */
  initialAccumulator?: number;
  /** ε added after the square root; default 1e-10. */
  eps?: Scalar;
  /** ε added inside the square root (the lecture's form); default 0. */
  epsRoot?: Scalar;
}

export interface RssState {
  readonly count: number;
  /** Sum of squared gradients G. */
  readonly sum: FloatArray[];
}

/**
 * AdaGrad's scaling by the root of the sum of squares: `G_t = G_{t−1} + g²`,
 * `u = g / (√(G_t + ε_root) + ε)`.
 *
 * @example
 * const adagrad = chain(scaleByRss({ eps: 1e-10 }), scaleByLearningRate(0.01));
 */
export function scaleByRss({ initialAccumulator = 0, eps = 1e-10, epsRoot = 0 }: ScaleByRssOptions = {}): GradientTransformation<RssState> {
  return perParam(
    ['sum'],
    { initialAccumulator: [initialAccumulator], eps: [eps], epsRoot: [epsRoot] },
    (h) => (g, [s0], [s], o) => {
      for (let j = 0; j < g.length; j++) {
        s[j] = s0[j] + g[j] * g[j];
        o[j] = g[j] / (Math.sqrt(s[j] + h.epsRoot) + h.eps);
      }
    },
    { sum: initialAccumulator },
  );
}
