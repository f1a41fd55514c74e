import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions, Scalar } from '@lab/core';
import { addDecayedWeights } from './weight-decay';
import { epsForm, head, named } from './named';
import { beta, eps, epsInsideSqrt, lr, maximize, weightDecay } from './params';
import { scale, scaleByLearningRate } from './scale';
import { adamPass, scaleByAdam } from './scale-by-adam';
import { part, withStep } from './fused';

const PAPER = 'Kingma & Ba, ICLR 2015';

/** The Adam family's chain: L2 (adam, amsgrad) or decoupled (adamw) weight decay. */
export function adamChain(
  o: { lr: Scalar; b1: Scalar; b2: Scalar; eps: Scalar; weightDecay: Scalar; maximize: boolean; epsInsideSqrt: boolean },
  amsgrad: boolean,
  decoupled = false,
) {
  const direction = scaleByAdam({ b1: o.b1, b2: o.b2, amsgrad, ...epsForm(o.eps, o.epsInsideSqrt) });
  const t = decoupled
    ? named(...(o.maximize ? [scale(-1)] : []), direction, addDecayedWeights(o.weightDecay), scaleByLearningRate(o.lr))
    : named(...head(o), direction, scaleByLearningRate(o.lr));
  // Fused in-place step (the Optimizer facade uses it): θ, g, m, v (and v̂) read and written once.
  // eps = 0 (0/0 is possible) or a schedule: the plain path, which checks the updates.
  const e = o.eps as number;
  const inside = o.epsInsideSqrt;
  return e > 0
    ? withStep(t, (parts, h) => {
        const [b1, b2, lr, wd] = [h(o.b1, 'b1'), h(o.b2, 'b2'), h(o.lr, 'lr'), h(o.weightDecay, 'weightDecay')];
        const n = parts[0].count + 1;
        const [sg, l2, keep, l, a, r, eps] = [o.maximize ? -1 : 1, decoupled ? 0 : wd, decoupled ? 1 - lr * wd : 1, -lr / (1 - b1 ** n), 1 / (1 - b2 ** n), inside ? e : 0, inside ? 0 : e];
        const [M, V, W] = [part(parts, 'mu')!, part(parts, 'nu')!, part(parts, 'nuMax')];
        return (p, g, i) => adamPass(p, g, M[i], V[i], W?.[i], b1, b2, sg, l2, keep, l, a, r, eps);
      })
    : t;
}

const AMSGRAD = { kind: 'boolean', default: false, description: 'AMSGrad: normalise by the running maximum of v' } as const;

/* @__NO_SIDE_EFFECTS__ */
function adamSpec<W>(wd: W) {
  return {
    lr: lr(1e-3),
    b1: beta(0.9, 'the first moment'),
    b2: beta(0.999, "the second moment (the lecture uses 0.99)"),
    eps: eps(1e-8),
    weightDecay: wd,
    maximize,
    epsInsideSqrt,
  } as const;
}

/** The `adam` definition (params spec + constructor); `adam(options)` builds it. */
export const adamDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'adam',
  meta: { description: 'Adam: bias-corrected first and second moment estimates (PyTorch Adam)', paper: PAPER },
  params: { ...adamSpec(weightDecay()), amsgrad: AMSGRAD },
  create: (o) => adamChain(o, o.amsgrad),
});

/**
 * Adam (PyTorch 1.13 `torch.optim.Adam`).
 *
 * ```text
 * g ← −g if maximize;  g ← g + λ·θ                    (L2 weight decay λ)
 * m ← β1·m + (1 − β1)·g;   v ← β2·v + (1 − β2)·g²
 * v̂ ← max(v̂, v) if amsgrad else v
 * θ ← θ − α/(1 − β1^t) · m / (√v̂ / √(1 − β2^t) + ε)
 * lecture (epsInsideSqrt):  θ ← θ − α · m̂ / √(v̂/(1 − β2^t) + ε)
 * ```
 * Defaults: lr 1e-3, b1 0.9, b2 0.999, eps 1e-8, weightDecay 0, amsgrad false, maximize false,
 * epsInsideSqrt false. The lecture's Adam is `{ ...LECTURE.adam }` = β2 0.99 with ε inside the root.
 *
 * @example
 * const opt = adam({ lr: 1e-3 });
 * let state = opt.init(params);
 * const r = opt.update(grads, state, params);
 * params = applyUpdates(params, r.updates);
 *
 * Paper: Kingma & Ba, ICLR 2015.
 */
export const adam = (options: InputOptions<typeof adamDefinition.params> = {}) => instantiate(adamDefinition, options);

/** The `amsgrad` definition: Adam with the running maximum of v. */
export const amsgradDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'amsgrad',
  meta: { description: 'AMSGrad: Adam with the running maximum of v', paper: 'Reddi, Kale & Kumar, ICLR 2018' },
  params: adamSpec(weightDecay()),
  create: (o) => adamChain(o, true),
});

/**
 * AMSGrad (PyTorch 1.13 `torch.optim.Adam(amsgrad=True)`): Adam with `v̂ ← max(v̂, v)` so the
 * effective step size never grows.
 *
 * ```text
 * m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  v̂ ← max(v̂, v)
 * θ ← θ − α/(1 − β1^t) · m / (√v̂ / √(1 − β2^t) + ε)
 * ```
 * Defaults: as `adam` (lr 1e-3, b1 0.9, b2 0.999, eps 1e-8, weightDecay 0).
 *
 * @example
 * const opt = amsgrad({ lr: 1e-3 });
 *
 * Paper: Reddi, Kale & Kumar, ICLR 2018.
 */
export const amsgrad = (options: InputOptions<typeof amsgradDefinition.params> = {}) => instantiate(amsgradDefinition, options);

/** The `adamw` definition (params spec + constructor); `adamw(options)` builds it. */
export const adamwDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'adamw',
  meta: { description: 'AdamW: Adam with decoupled weight decay (PyTorch AdamW)', paper: 'Loshchilov & Hutter, ICLR 2019' },
  params: {
    ...adamSpec({ kind: 'number-or-schedule', default: 0.01, min: 0, description: 'decoupled weight decay: theta -= lr * weightDecay * theta' } as const),
    amsgrad: AMSGRAD,
  },
  create: (o) => adamChain(o, o.amsgrad, true),
});

/**
 * AdamW (PyTorch 1.13 `torch.optim.AdamW`): the weight decay is applied to θ directly, not added
 * to the gradient, so Adam's normalisation does not rescale it.
 *
 * ```text
 * θ ← θ − α·λ·θ
 * m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  v̂ ← max(v̂, v) if amsgrad else v
 * θ ← θ − α/(1 − β1^t) · m / (√v̂ / √(1 − β2^t) + ε)
 * ```
 * Defaults: lr 1e-3, b1 0.9, b2 0.999, eps 1e-8, weightDecay 0.01, amsgrad false, maximize false.
 *
 * @example
 * const opt = adamw({ lr: 1e-3, weightDecay: 0.05 });
 *
 * Paper: Loshchilov & Hutter, ICLR 2019.
 */
export const adamw = (options: InputOptions<typeof adamwDefinition.params> = {}) => instantiate(adamwDefinition, options);
