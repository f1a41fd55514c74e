import { lossDefinition, lossFunction, pair, reduce, reduction } from './internal';

/**
 * The lecture's quadratic (squared) loss `ℓ(y, f) = ½ (y − f)²` per element, then reduced. The ½
 * makes the gradient the plain residual: `∂ℓ/∂f = f − y`. It is {@link mseLoss} halved.
 *
 * Options: `reduction` (default `'mean'`, so the result is the empirical risk
 * `R_emp = (1/n) Σ ½ (yᵢ − f(xᵢ))²`).
 *
 * Reference: the lecture's loss functions (squared loss); Hastie, Tibshirani & Friedman,
 * "The Elements of Statistical Learning", 2nd ed., 2009, §2.4.
 *
 * @example
 * const f = tensor([1, 2, 3], { requiresGrad: true });
 * quadraticLoss(f, tensor([1, 2, 5]), { reduction: 'sum' });   // ½·4 = 2; f.grad after backward: [0, 0, -2]
 */
export const quadraticLossDefinition = /* @__PURE__ */ lossDefinition(
  'quadraticLoss',
  'Quadratic loss (y-f)^2/2',
  'Hastie et al., The Elements of Statistical Learning, 2009',
  { reduction },
  (input, target, o) => {
    const [f, y] = pair('quadraticLoss', input, target);
    return reduce(f.sub(y).square().mul(0.5), o.reduction);
  },
);

/** {@link quadraticLossDefinition} as a function: `quadraticLoss(input, target, { reduction })`. */
export const quadraticLoss = /* @__PURE__ */ lossFunction(quadraticLossDefinition);
