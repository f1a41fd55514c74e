/**
 * Internal: fused in-place steps for the named optimizers. A named optimizer is a chain of small
 * transformations (each one pass over memory, each a new array); its fused `step` reads θ, g and the
 * state once and writes θ and the state in place, element by element, in the chain's operation order
 * (so it agrees with `update` + applying the updates within float32 rounding of the intermediates).
 */
import type { FloatArray, GradientTransformation, InPlaceTransformation, Scalar } from './types';
import { assertFinite, valueAt } from './util';

type Part = { readonly count: number } & Record<string, FloatArray[] | undefined>;

/**
 * The settings of the one fused kernel, positional (kept short for the bundle):
 * `[sg, l2, keep, l, b1, b2, a, r, e, k, μ, c, nesterov, m, v, w, b]`. Per element, with x = sg·g + l2·θ:
 * ```text
 * adaptive (v):  v ← b2·v + (1 − b2)·x²;  v̂ ← max(v̂, v) (w);  m ← b1·m + (1 − b1)·x (m);  x ← (m or x) / (√(v̂·a + r) + e)
 * x ← k·x;  momentum (b):  b ← x on its first step, else μ·b + c·x;  x ← x + μ·b if nesterov, else b
 * θ ← keep·θ + l·x
 * ```
 * m, v, w, b are the per-parameter state arrays (first and second moment, AMSGrad maximum, momentum buffer).
 */
export type Kernel = [
  sg: number,
  l2: number,
  keep: number,
  l: number,
  b1?: number,
  b2?: number,
  a?: number,
  r?: number,
  e?: number,
  k?: number,
  mu?: number,
  c?: number,
  nesterov?: boolean,
  m?: FloatArray[],
  v?: FloatArray[],
  w?: FloatArray[],
  b?: FloatArray[],
];

function run([sg, l2, keep, l, b1 = 0, b2 = 0, a = 1, r = 0, e = 0, k = 1, mu = 0, c = 1, nesterov, M, V, W, B]: Kernel, first: boolean, p: FloatArray, g: FloatArray, i: number): void {
  const m = M?.[i];
  const v = V?.[i];
  const w = W?.[i];
  const b = B?.[i];
  for (let j = 0; j < p.length; j++) {
    const th = p[j];
    let x = sg * g[j] + l2 * th;
    if (v) {
      let vj = (v[j] = b2 * v[j] + (1 - b2) * x * x);
      if (w) vj = w[j] = Math.max(w[j], vj);
      if (m) x = m[j] = b1 * m[j] + (1 - b1) * x;
      x /= Math.sqrt(vj * a + r) + e;
    }
    x *= k;
    if (b) {
      const bj = (b[j] = first ? x : mu * b[j] + c * x);
      x = nesterov ? x + mu * bj : bj;
    }
    p[j] = keep * th + l * x;
  }
}

/** The chain part whose state holds `key`. */
export const part = (parts: readonly Part[], key: string): FloatArray[] | undefined => parts.find((s) => key in s)?.[key];

/**
 * `t` (a named optimizer's chain) with an in-place `step`. `settings(parts, h)` gets the chain parts'
 * states and `h(scalar, name)`, a hyper-parameter's value at this update, and returns the kernel's
 * settings. Attach it only where finite gradients give finite updates (eps > 0, not centred): the
 * step checks the gradients (NonFiniteError before anything is written, as `update` does), not the updates.
 */
export function withStep<S>(t: GradientTransformation<S>, settings: (parts: Part[], h: (s: Scalar, name: string) => number) => Kernel): InPlaceTransformation<S> {
  return {
    ...t,
    step(params, grads, state) {
      assertFinite(grads, 'grads');
      const parts = state as unknown as Part[];
      const q = settings(parts, (s, name) => valueAt(s, parts[0].count, name));
      const first = parts.some((s) => 'trace' in s && !s.count);
      params.forEach((p, i) => run(q, first, p, grads[i], i));
      return parts.map((s) => ({ ...s, count: s.count + 1 })) as S;
    },
  };
}
