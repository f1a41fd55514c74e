import type { FloatArray, GradientTransformation, Scalar } from './types';
import { perParam } from './per-param';

export interface TraceOptions {
  /** Momentum μ (or a schedule). */
  decay: Scalar;
  /** Dampening τ of new gradients in the buffer; default 0. */
  dampening?: Scalar;
  /** Nesterov momentum, PyTorch's form `g + μ·b`; default false. */
  nesterov?: boolean;
}

export interface TraceState {
  readonly count: number;
  /** The momentum buffer b, one per parameter. */
  readonly trace: FloatArray[];
}

/**
 * Momentum (heavy ball), PyTorch's buffer: `b_1 = g_1`, then `b_t = μ·b_{t−1} + (1 − τ)·g_t`;
 * the output is `b_t`, or `g_t + μ·b_t` with `nesterov`.
 *
 * Placed before `scaleByLearningRate` it is PyTorch's SGD (the learning rate outside the buffer);
 * placed after it, the buffer holds `α·g` — the lecture's `v_t = μ·v_{t−1} + α·g_t`. The two agree
 * while α is constant and differ when it changes.
 *
 * @example
 * const sgdMomentum = chain(trace({ decay: 0.9 }), scaleByLearningRate(0.01));
 */
export function trace({ decay, dampening = 0, nesterov = false }: TraceOptions): GradientTransformation<TraceState> {
  return perParam(['trace'], { decay: [decay], dampening: [dampening] }, ({ decay: mu, dampening: damp }, t) => (g, [b0], [b], o) => {
    for (let j = 0; j < g.length; j++) {
      b[j] = t === 1 ? g[j] : b0[j] * mu + (1 - damp) * g[j];
      o[j] = nesterov ? g[j] + mu * b[j] : b[j];
    }
  });
}
