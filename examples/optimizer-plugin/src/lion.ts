import { defineOptimizer, instantiate, InvalidArgumentError } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { addDecayedWeights, chain, requireFinite, scaleByLearningRate } from '@lab/optimizers';
import { scaleByLion } from './scale-by-lion';

const below1 = (name: string, v: unknown) => {
  if (typeof v === 'number' && v >= 1) throw new InvalidArgumentError(name, v, 'a number >= 0 and < 1, or a schedule');
};

/** The `lion` definition: params spec + constructor, for a registry. `lion(options)` builds it. */
export const lionDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'lion',
  meta: {
    description: 'Lion: sign of an interpolated momentum, with decoupled weight decay',
    paper: 'Chen et al., "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023',
  },
  params: {
    lr: { kind: 'number-or-schedule', default: 1e-4, min: 0, log: true, description: 'learning rate (3-10x smaller than AdamW)' },
    b1: { kind: 'number-or-schedule', default: 0.9, min: 0, max: 1, description: 'interpolation between momentum and gradient for the sign' },
    b2: { kind: 'number-or-schedule', default: 0.99, min: 0, max: 1, description: 'decay rate of the momentum' },
    weightDecay: { kind: 'number-or-schedule', default: 0, min: 0, description: 'decoupled weight decay: theta -= lr * weightDecay * theta' },
  },
  create(o) {
    below1('lion.b1', o.b1);
    below1('lion.b2', o.b2);
    return requireFinite(chain(scaleByLion({ b1: o.b1, b2: o.b2 }), addDecayedWeights(o.weightDecay), scaleByLearningRate(o.lr)));
  },
});

/**
 * Lion, EvoLved Sign Momentum (Chen et al. 2023).
 *
 * ```text
 * c = β1·m + (1 − β1)·g
 * θ ← θ − α·(sign(c) + λ·θ)
 * m ← β2·m + (1 − β2)·g
 * ```
 * Every coordinate moves by ±α per step, so Lion wants a learning rate 3-10x smaller than AdamW's
 * and a weight decay 3-10x larger. Defaults: lr 1e-4, b1 0.9, b2 0.99, weightDecay 0.
 *
 * @example
 * const opt = lion({ lr: 3e-4, weightDecay: 0.1 });
 * const registry = createRegistry().use(optimizersPlugin).use(lionPlugin);
 * const same = registry.build('optimizer', { type: 'lion', lr: 3e-4, weightDecay: 0.1 });
 *
 * Paper: Chen, Liang, Huang, Real, Wang, Liu, Pham, Dong, Luong, Hsieh, Lu & Le, "Symbolic Discovery
 * of Optimization Algorithms", NeurIPS 2023 (arXiv:2302.06675).
 */
export const lion = (options: InputOptions<typeof lionDefinition.params> = {}) => instantiate(lionDefinition, options);
