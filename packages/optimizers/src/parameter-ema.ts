import type { FloatArray, GradientTransformation, Scalar } from './types';
import { like, needParams, scalar, valueAt } from './util';

export interface ParameterEmaState<S> {
  readonly inner: S;
  readonly count: number;
  /** The exponential moving average of the parameters after each update. */
  readonly ema: FloatArray[];
}

/**
 * Keep an exponential moving average of the parameters (Polyak averaging, "EMA weights"):
 * `ē ← δ·ē + (1−δ)·(θ + u)` after each update `u` of the inner transformation, starting from
 * `ē_0 = θ_0`. The updates pass through unchanged; read the average from `state.ema`.
 * `update` needs the parameters.
 *
 * @example
 * const opt = parameterEma(adam({ lr: 1e-3 }), { decay: 0.999 });
 */
export function parameterEma<S>(inner: GradientTransformation<S>, { decay }: { decay: Scalar }): GradientTransformation<ParameterEmaState<S>> {
  scalar('decay', decay, 0, 1, true);
  return {
    init: (params, names) => ({ inner: inner.init(params, names), count: 0, ema: params.map((p) => p.slice()) }),
    update(updates, state, params) {
      const p = needParams(params, updates, 'parameterEma');
      const d = valueAt(decay, state.count, 'decay');
      const r = inner.update(updates, state.inner, params);
      const ema = r.updates.map((u, i) => {
        const e = like(u);
        for (let j = 0; j < u.length; j++) e[j] = d * state.ema[i][j] + (1 - d) * (p[i][j] + u[j]);
        return e;
      });
      return { updates: r.updates as FloatArray[], state: { inner: r.state, count: state.count + 1, ema } };
    },
  };
}
