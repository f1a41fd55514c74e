import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { head, named } from './named';
import { eps, lr, maximize, weightDecay } from './params';
import { scaleByLearningRate } from './scale';
import { scaleByAdaDelta } from './scale-by-adadelta';

/** The `adadelta` definition (params spec + constructor); `adadelta(options)` builds it. */
export const adadeltaDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'adadelta',
  meta: {
    description: 'AdaDelta: unit-corrected steps from running means of g^2 and step^2 (PyTorch Adadelta)',
    paper: 'Zeiler, arXiv:1212.5701, 2012',
  },
  params: {
    lr: lr(1),
    rho: { kind: 'number-or-schedule', default: 0.9, min: 0, max: 1, description: 'decay rho of the running means' },
    eps: eps(1e-6),
    weightDecay: weightDecay(),
    maximize,
  },
  create: (o) => named(...head(o), scaleByAdaDelta({ rho: o.rho, eps: o.eps }), scaleByLearningRate(o.lr)),
});

/**
 * AdaDelta (PyTorch 1.13 `torch.optim.Adadelta`).
 *
 * ```text
 * g ← −g if maximize;  g ← g + λ·θ
 * v ← ρ·v + (1 − ρ)·g²
 * Δ = √(d + ε) / √(v + ε) · g
 * d ← ρ·d + (1 − ρ)·Δ²
 * θ ← θ − α·Δ
 * ```
 * Defaults: lr 1, rho 0.9, eps 1e-6, weightDecay 0, maximize false.
 *
 * @example
 * const opt = adadelta();
 *
 * Paper: Zeiler, arXiv:1212.5701 (2012).
 */
export const adadelta = (options: InputOptions<typeof adadeltaDefinition.params> = {}) => instantiate(adadeltaDefinition, options);
