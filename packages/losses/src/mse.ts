import { lossDefinition, lossFunction, pair, reduce, reduction } from './internal';

/**
 * Mean squared error as in PyTorch (no ½): `ℓ(f, y) = (f − y)²` per element, then reduced.
 *
 * Options: `reduction` (default `'mean'`: the average over all elements). Input and target must
 * have the same shape and dtype (nothing is broadcast). Gradient: `2(f − y) / n` for `'mean'`.
 * For the lecture's ½(y − f)² use {@link quadraticLoss}.
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.mse_loss`.
 *
 * @example
 * const f = tensor([1, 2, 3], { requiresGrad: true });
 * const loss = mseLoss(f, tensor([1, 2, 5]));   // (0 + 0 + 4) / 3 = 1.333...
 * loss.backward();                              // f.grad = [0, 0, -4/3]
 */
export const mseLossDefinition = /* @__PURE__ */ lossDefinition(
  'mseLoss',
  'Mean squared error (f-y)^2',
  'PyTorch mse_loss',
  { reduction },
  (input, target, o) => {
    const [f, y] = pair('mseLoss', input, target);
    return reduce(f.sub(y).square(), o.reduction);
  },
);

/** {@link mseLossDefinition} as a function: `mseLoss(input, target, { reduction })`. */
export const mseLoss = /* @__PURE__ */ lossFunction(mseLossDefinition);
