import type { Tensor } from '@lab/tensor';
import { checkInput, checkTarget, isSign, lossDefinition, lossFunction, reduce, reduction } from './internal';

const hingeParams = {
  margin: { kind: 'number', default: 1, min: 0, description: 'the margin m' },
  labels: {
    kind: 'enum',
    values: ['plusMinusOne', 'zeroOne'],
    default: 'plusMinusOne',
    description: "target labels: -1/+1, or 0/1 mapped to -1/+1",
  },
  reduction,
} as const;

/** max(0, m − y·f) per element, with the label encoding checked. */
function margins(fn: string, input: unknown, target: unknown, o: { margin: number; labels: string }): Tensor {
  const f = checkInput(fn, input);
  const zeroOne = o.labels === 'zeroOne';
  const expected = zeroOne ? 'a label 0 or 1' : "a label -1 or 1 (or use labels: 'zeroOne')";
  let y = checkTarget(fn, f, target, zeroOne ? (v) => v === 0 || v === 1 : isSign, expected);
  if (zeroOne) y = y.mul(2).sub(1);
  return y.mul(f).neg().add(o.margin).relu();
}

/**
 * Binary hinge loss (the SVM loss) of scores `f` against labels `y ∈ {−1, +1}`:
 * `ℓ = max(0, m − y·f)`. Its (sub)gradient is `−y` where `y·f < m`, else 0.
 *
 * Labels must be −1 or +1: 0/1 labels are an error unless `labels: 'zeroOne'` asks to map
 * 0 → −1, 1 → +1. Options: `margin` m (default 1), `labels` (default `'plusMinusOne'`),
 * `reduction` (default `'mean'`, which is scikit-learn's `hinge_loss` for binary labels).
 *
 * Reference: C. Cortes & V. Vapnik, "Support-vector networks", Machine Learning 20, 1995;
 * scikit-learn 1.2 `sklearn.metrics.hinge_loss` (binary case).
 *
 * @example
 * hingeLoss(tensor([2, 0.5, -1]), tensor([1, 1, 1]), { reduction: 'none' });   // [0, 0.5, 2]
 * hingeLoss(tensor([2, -1]), tensor([1, 0]), { labels: 'zeroOne' });           // 0
 */
export const hingeLossDefinition = /* @__PURE__ */ lossDefinition(
  'hingeLoss',
  'Binary hinge loss',
  'Cortes & Vapnik, Machine Learning 1995',
  hingeParams,
  (input, target, o) => reduce(margins('hingeLoss', input, target, o), o.reduction),
);

/** {@link hingeLossDefinition} as a function: `hingeLoss(scores, labels, { margin, labels, reduction })`. */
export const hingeLoss = /* @__PURE__ */ lossFunction(hingeLossDefinition);

/**
 * Squared hinge loss `ℓ = max(0, m − y·f)²` with labels `y ∈ {−1, +1}` (the loss of the L2-SVM,
 * scikit-learn's `LinearSVC(loss='squared_hinge')`): differentiable, gradient `−2y·max(0, m − y·f)`.
 *
 * Options as {@link hingeLoss}: `margin` (default 1), `labels` (default `'plusMinusOne'`; 0/1 labels
 * are an error unless `'zeroOne'`), `reduction` (default `'mean'`).
 *
 * Reference: scikit-learn 1.2 `LinearSVC` (squared_hinge); C.-J. Hsieh et al., "A dual coordinate
 * descent method for large-scale linear SVM", ICML 2008.
 *
 * @example
 * squaredHingeLoss(tensor([2, 0.5, -1]), tensor([1, 1, 1]), { reduction: 'none' });   // [0, 0.25, 4]
 */
export const squaredHingeLossDefinition = /* @__PURE__ */ lossDefinition(
  'squaredHingeLoss',
  'Squared hinge loss',
  'Hsieh et al., ICML 2008',
  hingeParams,
  (input, target, o) => reduce(margins('squaredHingeLoss', input, target, o).square(), o.reduction),
);

/** {@link squaredHingeLossDefinition} as a function: `squaredHingeLoss(scores, labels, options)`. */
export const squaredHingeLoss = /* @__PURE__ */ lossFunction(squaredHingeLossDefinition);
