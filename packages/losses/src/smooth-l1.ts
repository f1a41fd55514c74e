import { lossDefinition, lossFunction, pair, reduce, reduction } from './internal';

/**
 * Smooth L1 loss with threshold `beta` (β): for `z = |f − y|`, `ℓ = ½ z² / β` where `z < β`, and
 * `z − ½ β` elsewhere. It is {@link huberLoss} divided by β (so its linear part has slope 1);
 * `beta: 0` gives {@link l1Loss}.
 *
 * Options: `beta` (default 1, ≥ 0), `reduction` (default `'mean'`).
 *
 * Reference: R. Girshick, "Fast R-CNN", ICCV 2015; PyTorch 1.13 `torch.nn.functional.smooth_l1_loss`.
 *
 * @example
 * smoothL1Loss(tensor([0, 0]), tensor([0.5, 3]), { reduction: 'none' });   // [0.125, 2.5]
 */
export const smoothL1LossDefinition = /* @__PURE__ */ lossDefinition(
  'smoothL1Loss',
  'Smooth L1 loss',
  'Girshick, Fast R-CNN, ICCV 2015',
  {
    beta: { kind: 'number', default: 1, min: 0, description: 'where the loss turns linear (0: L1)' },
    reduction,
  },
  (input, target, o) => {
    const [f, y] = pair('smoothL1Loss', input, target);
    const z = f.sub(y).abs();
    if (o.beta === 0) return reduce(z, o.reduction);
    // c = min(z, β): ½c²/β + (z − c) is ½z²/β below β and z − ½β above, with no inf/NaN branch.
    const c = z.minimum(o.beta);
    return reduce(c.square().mul(0.5 / o.beta).add(z.sub(c)), o.reduction);
  },
);

/** {@link smoothL1LossDefinition} as a function: `smoothL1Loss(input, target, { beta, reduction })`. */
export const smoothL1Loss = /* @__PURE__ */ lossFunction(smoothL1LossDefinition);
