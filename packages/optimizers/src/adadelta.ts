import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { named } from './named';
import { beta, eps, lr, maximize, weightDecay } from './params';
import { scaleByAdaDelta } from './scale-by-adadelta';

/** The `adadelta` definition (params spec + constructor); `adadelta(options)` builds it. */
export const adadeltaDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'adadelta',
  meta: {
    description: 'unit-corrected steps',
    paper: 'Zeiler 2012',
  },
  params: {
    lr: lr(1),
    rho: beta(0.9, 'decay of the running means'),
    eps: eps(1e-6),
    weightDecay,
    maximize,
  },
  create: (o) => named(o, scaleByAdaDelta(o)),
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
