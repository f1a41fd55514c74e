import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { named } from './named';
import { b1, beta, eps, KINGMA_BA, lr, maximize, weightDecay } from './params';
import { scaleByAdamax } from './scale-by-adamax';

/** The `adamax` definition (params spec + constructor); `adamax(options)` builds it. */
export const adamaxDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'adamax',
  meta: { description: 'Adam with the infinity norm', paper: KINGMA_BA },
  params: { lr: lr(2e-3), b1, b2: beta(0.999, 'decay of the infinity norm'), eps: eps(1e-8), weightDecay, maximize },
  create: (o) => named(o, scaleByAdamax(o)),
});

/**
 * Adamax (PyTorch 1.13 `torch.optim.Adamax`).
 *
 * ```text
 * g ← −g if maximize;  g ← g + λ·θ
 * m ← β1·m + (1 − β1)·g;   u ← max(β2·u, |g| + ε)
 * θ ← θ − α/(1 − β1^t) · m / u
 * ```
 * Defaults: lr 2e-3, b1 0.9, b2 0.999, eps 1e-8, weightDecay 0, maximize false.
 *
 * @example
 * const opt = adamax({ lr: 2e-3 });
 *
 * Paper: Kingma & Ba, ICLR 2015 (section 7).
 */
export const adamax = (options: InputOptions<typeof adamaxDefinition.params> = {}) => instantiate(adamaxDefinition, options);
