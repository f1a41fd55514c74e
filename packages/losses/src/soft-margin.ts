import { SIGN, isSign, lossDefinition, lossFunction, pair, reduce, reduction } from './internal';

/**
 * Soft margin loss (logistic loss on ±1 labels): `ℓ = log(1 + e^(−y·f))`, computed as
 * `softplus(−y·f)` so it never overflows. Gradient `−y·σ(−y·f)`.
 *
 * Options: `reduction` (default `'mean'` over all elements). Labels must be −1 or +1.
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.soft_margin_loss`.
 *
 * @example
 * softMarginLoss(tensor([0, 1000, -1000]), tensor([1, 1, 1]), { reduction: 'none' });   // [0.693..., 0, 1000]
 */
export const softMarginLossDefinition = /* @__PURE__ */ lossDefinition(
  'softMarginLoss',
  'Soft margin (logistic) loss',
  'PyTorch soft_margin_loss',
  { reduction },
  (input, target, o) => {
    const [f, y] = pair('softMarginLoss', input, target, isSign, SIGN);
    return reduce(y.mul(f).neg().softplus(), o.reduction);
  },
);

/** {@link softMarginLossDefinition} as a function: `softMarginLoss(scores, labels, { reduction })`. */
export const softMarginLoss = /* @__PURE__ */ lossFunction(softMarginLossDefinition);
