import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions } from '@lab/core';
import { epsForm, named } from './named';
import { eps, epsInsideSqrt, lr, maximize, num, weightDecay } from './params';
import { scaleByRss } from './scale-by-rss';
import { valueAt } from './util';

/** The `adagrad` definition (params spec + constructor); `adagrad(options)` builds it. */
export const adagradDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'adagrad',
  meta: {
    description: 'scaled by the root sum of g^2',
    paper: 'Duchi et al. 2011',
  },
  params: {
    lr: lr(0.01),
    lrDecay: num(0, 'learning-rate decay'),
    weightDecay,
    initialAccumulator: { kind: 'number', default: 0, min: 0, description: 'initial sum of g^2' },
    eps: eps(1e-10),
    maximize,
    epsInsideSqrt,
  },
  create: (o) => named({ ...o, lr: (t) => valueAt(o.lr, t, 'lr') / (1 + t * valueAt(o.lrDecay, t, 'lrDecay')) }, scaleByRss({ ...o, ...epsForm(o.eps, o.epsInsideSqrt) })),
});

/**
 * AdaGrad (PyTorch 1.13 `torch.optim.Adagrad`).
 *
 * ```text
 * g ← −g if maximize;  g ← g + λ·θ
 * α_t = α / (1 + (t − 1)·η)                          (lrDecay η, t from 1)
 * G ← G + g²                                         (G_0 = initialAccumulator)
 * θ ← θ − α_t · g / (√G + ε)                         lecture (epsInsideSqrt): g / √(G + ε)
 * ```
 * Defaults: lr 0.01, lrDecay 0, weightDecay 0, initialAccumulator 0, eps 1e-10, maximize false,
 * epsInsideSqrt false.
 *
 * @example
 * const opt = adagrad({ lr: 0.1 });
 *
 * Paper: Duchi, Hazan & Singer, JMLR 12 (2011).
 */
export const adagrad = (options: InputOptions<typeof adagradDefinition.params> = {}) => instantiate(adagradDefinition, options);
