import { defineOptimizer, instantiate } from '@lab/core';
import type { InputOptions, Scalar } from '@lab/core';
import { addDecayedWeights } from './weight-decay';
import { epsForm, named } from './named';
import { b1, b2, eps, epsInsideSqrt, flag, KINGMA_BA, lr, maximize, num, weightDecay } from './params';
import { adamPass, scaleByAdam } from './scale-by-adam';
import { part, withStep } from './fused';


/** The Adam family's chain: L2 (adam, amsgrad) or decoupled (adamw) weight decay. */
export function adamChain(
  o: { lr: Scalar; b1: Scalar; b2: Scalar; eps: Scalar; weightDecay: Scalar; maximize: boolean; epsInsideSqrt: boolean },
  amsgrad: boolean,
  decoupled = false,
) {
  const e = epsForm(o.eps as number, o.epsInsideSqrt);
  const direction = scaleByAdam({ ...o, amsgrad, ...e });
  const t = decoupled ? named({ ...o, weightDecay: 0 }, direction, addDecayedWeights(o.weightDecay)) : named(o, direction);
  // Fused in-place step (the Optimizer facade uses it): θ, g, m, v (and v̂) read and written once.
  // eps = 0 (0/0 is possible) or a schedule: the plain path, which checks the updates.
  return (o.eps as number) > 0
    ? withStep(t, o, (parts, h, _, sg, wd, lr) => {
        const [b1, b2, n] = [h(o.b1, 'b1'), h(o.b2, 'b2'), parts[0].count + 1];
        const [M, V, W] = [part(parts, 'mu')!, part(parts, 'nu')!, part(parts, 'nuMax')];
        const s = [b1, b2, sg, decoupled ? 0 : wd, decoupled ? 1 - lr * wd : 1, -lr / (1 - b1 ** n), 1 / (1 - b2 ** n), e.epsRoot, e.eps] as const;
        return (p, g, i, k) => k?.adam?.(p, g, M, V, W, i, ...s) || adamPass(p, g, M[i], V[i], W?.[i], ...s);
      })
    : t;
}

const AMSGRAD = /* @__PURE__ */ flag('use the running max of v');

/* @__NO_SIDE_EFFECTS__ */
function adamSpec<W>(wd: W) {
  return {
    lr: lr(1e-3),
    b1,
    b2,
    eps: eps(1e-8),
    weightDecay: wd,
    maximize,
    epsInsideSqrt,
  } as const;
}

/** The `adam` definition (params spec + constructor); `adam(options)` builds it. */
export const adamDefinition = /* @__PURE__ */ defineOptimizer({
  name: 'adam',
  meta: { description: 'adaptive moment estimation', paper: KINGMA_BA },
  params: { ...adamSpec(weightDecay), amsgrad: AMSGRAD },
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
  meta: { description: 'Adam with the running max of v', paper: 'Reddi et al., ICLR 2018' },
  params: adamSpec(weightDecay),
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
  meta: { description: 'Adam with decoupled weight decay', paper: 'Loshchilov & Hutter, ICLR 2019' },
  params: {
    ...adamSpec(num(0.01, 'decoupled weight decay')),
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
