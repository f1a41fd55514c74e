import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { named } from './named';
import { b1, b2, eps, lr, weightDecay } from './params';
import { scaleByRadam } from './scale-by-radam';

/** The `radam` definition (params spec + constructor); `radam(options)` builds it. */
export const radamDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'radam',
  meta: { description: 'Adam with a rectified step', paper: 'Liu et al., ICLR 2020' },
  params: { lr: lr(1e-3), b1, b2, eps: eps(1e-8), weightDecay },
  create: (o) => named(o, scaleByRadam(o)),
});

/**
 * RAdam (PyTorch 1.13 `torch.optim.RAdam`).
 *
 * ```text
 * g ← g + λ·θ
 * m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  m̂ = m/(1 − β1^t)
 * ρ_∞ = 2/(1 − β2) − 1;   ρ_t = ρ_∞ − 2t·β2^t/(1 − β2^t)
 * if ρ_t > 5:  r = √((ρ_t−4)(ρ_t−2)ρ_∞ / ((ρ_∞−4)(ρ_∞−2)ρ_t));  θ ← θ − α·m̂·r·√(1 − β2^t)/(√v + ε)
 * else:        θ ← θ − α·m̂
 * ```
 * Defaults: lr 1e-3, b1 0.9, b2 0.999, eps 1e-8, weightDecay 0.
 *
 * @example
 * const opt = radam({ lr: 1e-3 });
 *
 * Paper: Liu, Jiang, He, Chen, Liu, Gao & Han, ICLR 2020.
 */
export const radam = (options: InputOptions<typeof radamDefinition.params> = {}) => instantiate(radamDefinition, options);
