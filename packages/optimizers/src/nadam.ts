import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { named } from './named';
import { b1, b2, eps, lr, num, weightDecay } from './params';
import { scaleByNadam } from './scale-by-nadam';

/** The `nadam` definition (params spec + constructor); `nadam(options)` builds it. */
export const nadamDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'nadam',
  meta: { description: 'Adam with Nesterov momentum', paper: 'Dozat, ICLR 2016' },
  params: {
    lr: lr(2e-3),
    b1,
    b2,
    eps: eps(1e-8),
    weightDecay,
    momentumDecay: num(4e-3, 'momentum decay'),
  },
  create: (o) => named(o, scaleByNadam(o)),
});

/**
 * NAdam (PyTorch 1.13 `torch.optim.NAdam`).
 *
 * ```text
 * g ← g + λ·θ
 * μ_t = β1·(1 − ½·0.96^(t·ψ));   μ_{t+1} likewise
 * m ← β1·m + (1 − β1)·g;   v ← β2·v + (1 − β2)·g²;   d = √(v/(1 − β2^t)) + ε
 * θ ← θ − α·(1 − μ_t)/(1 − Π_{i≤t} μ_i) · g/d − α·μ_{t+1}/(1 − Π_{i≤t+1} μ_i) · m/d
 * ```
 * Defaults: lr 2e-3, b1 0.9, b2 0.999, eps 1e-8, weightDecay 0, momentumDecay 4e-3.
 *
 * @example
 * const opt = nadam({ lr: 2e-3 });
 *
 * Paper: Dozat, ICLR 2016 workshop.
 */
export const nadam = (options: InputOptions<typeof nadamDefinition.params> = {}) => instantiate(nadamDefinition, options);
