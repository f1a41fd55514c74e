import { defineOptimizer, instantiate, InvalidArgumentError } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { head, named } from './named';
import { LR_DESCRIPTION, maximize, weightDecay } from './params';
import { scaleByLearningRate } from './scale';
import { trace } from './trace';
import { part, withStep } from './fused';

/** The `sgd` definition (params spec + constructor); `sgd(options)` builds it. */
export const sgdDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'sgd',
  meta: {
    description: 'SGD with momentum, dampening, Nesterov and weight decay (PyTorch SGD)',
    paper: 'Robbins & Monro 1951; Polyak 1964; Sutskever et al., ICML 2013',
  },
  params: {
    lr: { kind: 'number-or-schedule', min: 0, log: true, description: LR_DESCRIPTION },
    momentum: { kind: 'number-or-schedule', default: 0, min: 0, description: 'momentum factor' },
    dampening: { kind: 'number-or-schedule', default: 0, min: 0, description: 'dampening of new gradients in the momentum buffer' },
    weightDecay: weightDecay(),
    nesterov: { kind: 'boolean', default: false, description: 'Nesterov momentum (PyTorch form g + momentum * buffer)' },
    maximize,
    lrInsideMomentum: {
      kind: 'boolean',
      default: false,
      description: "the lecture's form v = mu*v + lr*g, theta -= v; equals PyTorch's while lr is constant",
    },
  },
  create(o) {
    if (o.nesterov && (o.momentum === 0 || o.dampening !== 0))
      throw new InvalidArgumentError('sgd.nesterov', true, 'used with momentum > 0 and dampening = 0', 'sgd.nesterov needs momentum > 0 and dampening = 0');
    const momentum = o.momentum === 0 ? [] : [trace({ decay: o.momentum, dampening: o.dampening, nesterov: o.nesterov })];
    const step = scaleByLearningRate(o.lr);
    const t = named(...head(o), ...(o.lrInsideMomentum ? [step, ...momentum] : [...momentum, step]));
    // Fused in-place step: θ, g and the momentum buffer (g, or −α·g with lrInsideMomentum) read and written once.
    return withStep(t, (parts, h, first) => {
      const lr = h(o.lr, 'lr');
      const inside = o.lrInsideMomentum;
      const [sg, l2, k, l, mu, c, B] = [o.maximize ? -1 : 1, h(o.weightDecay, 'weightDecay'), inside ? -lr : 1, inside ? 1 : -lr, h(o.momentum, 'momentum'), 1 - h(o.dampening, 'dampening'), part(parts, 'trace')];
      return (p, g, i) => {
        const b = B?.[i];
        for (let j = 0; j < p.length; j++) {
          const th = p[j];
          const x = k * (sg * g[j] + l2 * th);
          if (!b) p[j] = th + l * x;
          else {
            const bj = (b[j] = first ? x : mu * b[j] + c * x);
            p[j] = th + l * (o.nesterov ? x + mu * bj : bj);
          }
        }
      };
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
