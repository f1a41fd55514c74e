import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { epsForm, named } from './named';
import { beta, eps, epsInsideSqrt, flag, lr, maximize, num, weightDecay } from './params';
import { scaleByRms } from './scale-by-rms';
import { trace } from './trace';
import { part, withStep } from './fused';
import type { FloatArray } from './types';

/**
 * @internal One (non-centred) RMSprop step over a parameter in place, `rmsprop()`'s fused step. With
 * x = sg·g + l2·θ: `v ← a·v + (1−a)·x²`, `d = x / (√(v + r) + eps)`, with a buffer `d ← b ← d` (first step)
 * or `μ·b + d`, then `θ ← θ + l·d`.
 */
export function rmspropPass(p: FloatArray, g: FloatArray, v: FloatArray, b: FloatArray | undefined, a: number, l: number, sg: number, l2: number, mu: number, r: number, eps: number, first: boolean): void {
  for (let j = 0; j < p.length; j++) {
    const th = p[j];
    const x = sg * g[j] + l2 * th;
    let d = x / (Math.sqrt((v[j] = a * v[j] + (1 - a) * x * x) + r) + eps);
    if (b) d = b[j] = first ? d : mu * b[j] + d;
    p[j] = th + l * d;
  }
}

/** The `rmsprop` definition (params spec + constructor); `rmsprop(options)` builds it. */
export const rmspropDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'rmsprop',
  meta: {
    description: 'scaled by a running RMS of g',
    paper: 'Hinton 2012; Graves 2013',
  },
  params: {
    lr: lr(0.01),
    alpha: beta(0.99, 'decay of the mean of g^2'),
    eps: eps(1e-8),
    weightDecay,
    momentum: num(0, 'momentum factor'),
    centered: flag('divide by the std of g'),
    maximize,
    epsInsideSqrt,
  },
  create(o) {
    const e = epsForm(o.eps as number, o.epsInsideSqrt);
    const t = named(o, scaleByRms({ ...o, decay: o.alpha, ...e }), ...(o.momentum === 0 ? [] : [trace({ decay: o.momentum })]));
    // Fused in-place step: θ, g, v and the momentum buffer read and written once. Centred (v − m² can
    // round below 0), eps = 0 (0/0) or an eps schedule: the plain path, which checks the updates.
    return (o.eps as number) > 0 && !o.centered
      ? withStep(t, o, (parts, h, first, sg, l2, lr) => {
          const [a, l, mu, r, eps, V, B] = [h(o.alpha, 'alpha'), -lr, h(o.momentum, 'momentum'), e.epsRoot, e.eps, part(parts, 'nu')!, part(parts, 'trace')];
          return (p, g, i, k) => k?.rmsprop?.(p, g, V, B, i, a, l, sg, l2, mu, r, eps, first) || rmspropPass(p, g, V[i], B?.[i], a, l, sg, l2, mu, r, eps, first);
        })
      : t;
  },
});

/**
 * RMSprop (PyTorch 1.13 `torch.optim.RMSprop`).
 *
 * ```text
 * g ← −g if maximize;  g ← g + λ·θ
 * v ← ρ·v + (1 − ρ)·g²
 * centered: m ← ρ·m + (1 − ρ)·g;  v̄ = v − m²,  else v̄ = v
 * d = √v̄ + ε                                         lecture (epsInsideSqrt): √(v̄ + ε)
 * μ > 0: b ← μ·b + g/d;  θ ← θ − α·b      else θ ← θ − α·g/d
 * ```
 * Defaults: lr 0.01, alpha 0.99, eps 1e-8, weightDecay 0, momentum 0, centered false,
 * maximize false, epsInsideSqrt false.
 *
 * @example
 * const opt = rmsprop({ lr: 1e-3, momentum: 0.9 });
 *
 * Paper: Hinton, Srivastava & Swersky, Coursera NN lecture 6e (2012); Graves, "Generating Sequences
 * With Recurrent Neural Networks", 2013 (centred form).
 */
export const rmsprop = (options: InputOptions<typeof rmspropDefinition.params> = {}) => instantiate(rmspropDefinition, options);
