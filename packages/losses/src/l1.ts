import { lossDefinition, lossFunction, pair, reduce, reduction } from './internal';

/**
 * Absolute error (MAE with the default reduction): `ℓ(f, y) = |f − y|` per element, then reduced.
 *
 * Options: `reduction` (default `'mean'`). Gradient `sign(f − y)`, 0 where `f = y` (as PyTorch).
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.l1_loss`.
 *
 * @example
 * l1Loss(tensor([1, 2, 3]), tensor([1, 0, 6]));   // (0 + 2 + 3) / 3 = 1.666...
 */
export const l1LossDefinition = /* @__PURE__ */ lossDefinition(
  'l1Loss',
  'Absolute error |f-y|',
  'PyTorch l1_loss',
  { reduction },
  (input, target, o) => {
    const [f, y] = pair('l1Loss', input, target);
    return reduce(f.sub(y).abs(), o.reduction);
  },
);

/** {@link l1LossDefinition} as a function: `l1Loss(input, target, { reduction })` (alias `maeLoss`). */
export const l1Loss = /* @__PURE__ */ lossFunction(l1LossDefinition);

/** The mean absolute error: {@link l1Loss} (its default reduction is the mean). */
export const maeLoss = l1Loss;
