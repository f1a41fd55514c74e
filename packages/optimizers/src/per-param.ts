/** Internal builder of the per-parameter transformations (scaleByAdam, trace, ...). */
import type { FloatArray, GradientTransformation, Scalar } from './types';
import { fits, like, scalar, valueAt } from './util';

/** Computes one parameter's output `out` and new state arrays `next` from `g` and the old arrays. */
export type Kernel = (g: FloatArray, old: FloatArray[], next: FloatArray[], out: FloatArray) => void;

/**
 * A transformation whose state is `{ count, ...extra, [key]: one array per parameter }`.
 * `hyper` is validated here (`[value, min, max?, closed?]`) and evaluated at the update count;
 * `prepare(h, t, state)` (t = count + 1) returns the kernel, or `[kernel, extraState]`.
 */
export function perParam<S>(
  keys: readonly string[],
  hyper: Record<string, [Scalar, number?, number?, boolean?]>,
  prepare: (h: Record<string, number>, t: number, state: S) => Kernel | [Kernel, object],
  fill: Record<string, number> = {},
  extra: object = {},
): GradientTransformation<S> {
  for (const k in hyper) scalar(k, hyper[k][0], hyper[k][1], hyper[k][2], hyper[k][3]);
  return {
    init: (params) => ({ count: 0, ...extra, ...Object.fromEntries(keys.map((k) => [k, params.map((p) => like(p).fill(fill[k] ?? 0))])) }) as S,
    update(updates, state) {
      const s = state as Record<string, FloatArray[]> & { count: number };
      fits(updates, s[keys[0]], keys[0]);
      const h: Record<string, number> = {};
      for (const k in hyper) h[k] = valueAt(hyper[k][0], s.count, k);
      const r = prepare(h, s.count + 1, state);
      const [kernel, more] = Array.isArray(r) ? r : [r, {}];
      const next: Record<string, FloatArray[]> = Object.fromEntries(keys.map((k) => [k, []]));
      const updatesOut = updates.map((g, i) => {
        const out = like(g);
        kernel(
          g,
          keys.map((k) => s[k][i]),
          keys.map((k) => next[k][i] = like(g)),
          out,
        );
        return out;
      });
      return { updates: updatesOut, state: { ...state, ...more, count: s.count + 1, ...next } as S };
    },
  };
}
