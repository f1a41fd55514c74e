import { defineOptimizer, instantiate, InvalidArgumentError } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { guarded, head } from './named';
import { flag, LR, maximize, num, weightDecay } from './params';
import { scaleByLearningRate } from './scale';
import { trace } from './trace';
import { part, withStep } from './fused';
import type { FloatArray } from './types';

/**
 * @internal One SGD step over a parameter in place, `sgd()`'s fused step. With x = k·(sg·g + l2·θ):
 * without a buffer `θ ← θ + l·x`; with one `b ← x` (first step) or `μ·b + c·x`, `θ ← θ + l·(x + μ·b if nesterov, else b)`.
 */
export function sgdPass(p: FloatArray, g: FloatArray, b: FloatArray | undefined, k: number, l: number, sg: number, l2: number, mu: number, c: number, first: boolean, nesterov: boolean): void {
  for (let j = 0; j < p.length; j++) {
    const th = p[j];
    const x = k * (sg * g[j] + l2 * th);
    if (!b) p[j] = th + l * x;
    else {
      const bj = (b[j] = first ? x : mu * b[j] + c * x);
      p[j] = th + l * (nesterov ? x + mu * bj : bj);
    }
  }
}

/** The `sgd` definition (params spec + constructor); `sgd(options)` builds it. */
export const sgdDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'sgd',
  meta: {
    description: 'stochastic gradient descent',
    paper: 'Robbins & Monro 1951; Polyak 1964; Sutskever 2013',
  },
  params: {
    lr: { kind: 'number-or-schedule', min: 0, log: true, description: LR },
    momentum: num(0, 'momentum factor'),
    dampening: num(0, 'dampening of the momentum'),
    weightDecay,
    nesterov: flag('Nesterov momentum'),
    maximize,
    lrInsideMomentum: flag("lecture's form: lr inside the momentum"),
  },
  create(o) {
    if (o.nesterov && (o.momentum === 0 || o.dampening !== 0))
      throw new InvalidArgumentError('sgd.nesterov', true, 'used with momentum > 0 and dampening = 0');
    const momentum = o.momentum === 0 ? [] : [trace({ ...o, decay: o.momentum })];
    const step = scaleByLearningRate(o.lr);
    const t = guarded(...head(o), ...(o.lrInsideMomentum ? [step, ...momentum] : [...momentum, step]));
    // Fused in-place step: θ, g and the momentum buffer (g, or −α·g with lrInsideMomentum) read and written once.
    return withStep(t, o, (parts, h, first, sg, l2, lr) => {
      const inside = o.lrInsideMomentum;
      const [k, l, mu, c, B] = [inside ? -lr : 1, inside ? 1 : -lr, h(o.momentum, 'momentum'), 1 - h(o.dampening, 'dampening'), part(parts, 'trace')];
      return (p, g, i, K) => K?.sgd?.(p, g, B, i, k, l, sg, l2, mu, c, first, o.nesterov) || sgdPass(p, g, B?.[i], k, l, sg, l2, mu, c, first, o.nesterov);
    });
  },
});

/**
 * Stochastic gradient descent (PyTorch 1.13 `torch.optim.SGD`).
 *
 * ```text
 * g ← −g if maximize;  g ← g + λ·θ                    (weightDecay λ)
 * if μ ≠ 0:  b ← g (first step),  else b ← μ·b + (1 − τ)·g
 *            g ← g + μ·b if nesterov, else b
 * θ ← θ − α·g
 * ```
 * `lrInsideMomentum: true` is the lecture's form `v ← μ·v + α·g, θ ← θ − v`: identical while α is
 * constant, different once α follows a schedule. With `nesterov`, PyTorch's iterate θ is the
 * lecture's look-ahead point `θ + μ·v` (the gradient is taken there).
 *
 * Defaults: lr required, momentum 0, dampening 0, weightDecay 0, nesterov false, maximize false,
 * lrInsideMomentum false.
 *
 * @example
 * const opt = sgd({ lr: 0.1, momentum: 0.9, nesterov: true });
 * let state = opt.init(params);
 * ({ updates, state } = opt.update(grads, state, params));
 *
 * Paper: Robbins & Monro (1951); Polyak (1964); Sutskever, Martens, Dahl & Hinton, "On the importance
 * of initialization and momentum in deep learning", ICML 2013.
 */
export const sgd = (options: InputOptions<typeof sgdDefinition.params>) => instantiate(sgdDefinition, options);
