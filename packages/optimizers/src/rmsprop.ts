import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { epsForm, head, named } from './named';
import { eps, epsInsideSqrt, lr, maximize, weightDecay } from './params';
import { scaleByLearningRate } from './scale';
import { scaleByRms } from './scale-by-rms';
import { trace } from './trace';
import { part, withStep } from './fused';

/** The `rmsprop` definition (params spec + constructor); `rmsprop(options)` builds it. */
export const rmspropDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'rmsprop',
  meta: {
    description: 'RMSprop: steps scaled by a running RMS of the gradient (PyTorch RMSprop)',
    paper: 'Hinton, Srivastava & Swersky, lecture 6e, 2012; Graves 2013',
  },
  params: {
    lr: lr(0.01),
    alpha: { kind: 'number-or-schedule', default: 0.99, min: 0, max: 1, description: 'smoothing constant of the running mean of g^2' },
    eps: eps(1e-8),
    weightDecay: weightDecay(),
    momentum: { kind: 'number-or-schedule', default: 0, min: 0, description: 'momentum factor' },
    centered: { kind: 'boolean', default: false, description: 'divide by the estimated standard deviation sqrt(E[g^2] - E[g]^2)' },
    maximize,
    epsInsideSqrt,
  },
  create(o) {
    const t = named(
      ...head(o),
      scaleByRms({ decay: o.alpha, centered: o.centered, ...epsForm(o.eps, o.epsInsideSqrt) }),
      ...(o.momentum === 0 ? [] : [trace({ decay: o.momentum })]),
      scaleByLearningRate(o.lr),
    );
    // Fused in-place step: θ, g, v and the momentum buffer read and written once. Centred (v − m² can
    // round below 0), eps = 0 (0/0) or an eps schedule: the plain path, which checks the updates.
    const e = o.eps as number;
    const inside = o.epsInsideSqrt;
    return e > 0 && !o.centered
      ? withStep(t, (parts, h, first) => {
          const [sg, l2, a, l, mu, r, eps, V, B] = [o.maximize ? -1 : 1, h(o.weightDecay, 'weightDecay'), h(o.alpha, 'alpha'), -h(o.lr, 'lr'), h(o.momentum, 'momentum'), inside ? e : 0, inside ? 0 : e, part(parts, 'nu')!, part(parts, 'trace')];
          return (p, g, i) => {
            const [v, b] = [V[i], B?.[i]];
            for (let j = 0; j < p.length; j++) {
              const th = p[j];
              const x = sg * g[j] + l2 * th;
              let d = x / (Math.sqrt((v[j] = a * v[j] + (1 - a) * x * x) + r) + eps);
              if (b) d = b[j] = first ? d : mu * b[j] + d;
              p[j] = th + l * d;
            }
          };
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
