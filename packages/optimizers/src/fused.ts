/**
 * Internal: fused in-place steps for the named optimizers. A named optimizer is a chain of small
 * transformations (each one pass over memory, each a new array); its fused `step` reads θ, g and the
 * state once and writes θ and the state in place, element by element, in the chain's operation order
 * (so it agrees with `update` + applying the updates within float32 rounding of the intermediates).
 * Each family has its own loop: a generic loop with a branch per link ran at ~60 % of the speed.
 */
import type { FloatArray, GradientTransformation, InPlaceTransformation, Scalar, StepKernels } from './types';
import { assertFinite, valueAt } from './util';

type Part = { readonly count: number } & Record<string, FloatArray[] | undefined>;

/** One step's pass over parameter `i`: update `p` and that parameter's state arrays in place from `g` (through `k` when it can). */
export type Pass = (p: FloatArray, g: FloatArray, i: number, k?: StepKernels) => unknown;

/** x·0 is 0 for finite x and NaN otherwise: a branch-free scan, faster than isFinite per element. */
function finite(xs: readonly FloatArray[]): boolean {
  let s = 0;
  for (const x of xs) for (let j = 0; j < x.length; j++) s += x[j] * 0;
  return s === 0;
}

/** The chain part whose state holds `key`. */
export const part = (parts: readonly Part[], key: string): FloatArray[] | undefined => parts.find((s) => key in s)?.[key];

/** What every fused step reads from the options: the sign, the (L2 or decoupled) weight decay and α. */
type Common = { readonly maximize?: boolean; readonly weightDecay: Scalar; readonly lr: Scalar };

/** What `prepare` gets: the chain parts' states, `h(scalar, name)` (a hyper-parameter at this update), and the common values. */
type Prepare = (parts: Part[], h: (s: Scalar, name: string) => number, first: boolean, sg: number, wd: number, lr: number) => Pass;

/**
 * `t` (a named optimizer's chain, built from options `o`) with an in-place `step`.
 * `prepare(parts, h, first, sg, wd, lr)` gets the chain parts' states, `h(scalar, name)` (a
 * hyper-parameter's value at this update), whether a momentum buffer takes its first step, the
 * gradient's sign (−1 when maximising), the weight decay and the learning rate at this update, and
 * returns the pass. Attach it only where finite gradients give finite updates (eps > 0, not centred):
 * the step checks the gradients (NonFiniteError before anything is written, as `update` does), not
 * the updates.
 */
export function withStep<S>(t: GradientTransformation<S>, o: Common, prepare: Prepare): InPlaceTransformation<S> {
  return {
    ...t,
    step(params, grads, state, k) {
      if (!(k?.finite?.(grads) ?? finite(grads))) assertFinite(grads, 'grads');
      const parts = state as unknown as Part[];
      const h = (s: Scalar, name: string) => valueAt(s, parts[0].count, name);
      const pass = prepare(parts, h, parts.some((s) => 'trace' in s && !s.count), o.maximize ? -1 : 1, h(o.weightDecay, 'weightDecay'), h(o.lr, 'lr'));
      params.forEach((p, i) => pass(p, grads[i], i, k));
      return parts.map((s) => ({ ...s, count: s.count + 1 })) as S;
    },
  };
}
