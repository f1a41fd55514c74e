import { checkMatrix, classIndices, constant, lossDefinition, lossFunction, otherClasses, pick, reduce, reduction, weightParam, weightTensor } from './internal';
import type { ClassTarget } from './types';

const multiMarginParams = {
  p: { kind: 'integer', default: 1, min: 1, max: 2, description: 'exponent of each hinge (1 or 2)' },
  margin: { kind: 'number', default: 1, min: 0, description: 'the margin m' },
  weight: weightParam('a weight per class (length C)'),
  reduction,
} as const;

/**
 * Multiclass hinge loss of Weston & Watkins, as PyTorch's `MultiMarginLoss`: for scores `x` of
 * shape `[N, C]` and class-index targets `y` (`[N]`),
 * `ℓᵢ = w[yᵢ] · Σ_{j ≠ yᵢ} max(0, m − x[i, yᵢ] + x[i, j])^p / C` (PyTorch divides by C, not C − 1).
 *
 * Options: `p` (1 or 2, default 1), `margin` m (default 1), `weight` (per class, default all 1),
 * `reduction` (default `'mean'`: the average over N). Errors: a class index out of range.
 *
 * Reference: J. Weston & C. Watkins, "Support Vector Machines for Multi-Class Pattern Recognition",
 * ESANN 1999; PyTorch 1.13 `torch.nn.functional.multi_margin_loss`. See {@link crammerSingerLoss}
 * for the max-of-margins form.
 *
 * @example
 * multiMarginLoss(tensor([[3, 2.5, 0]]), [0]);   // (max(0, 1 − 3 + 2.5) + max(0, 1 − 3 + 0)) / 3 = 1/6
 */
export const multiMarginLossDefinition = /* @__PURE__ */ lossDefinition<typeof multiMarginParams, ClassTarget>(
  'multiMarginLoss',
  'Weston-Watkins multiclass hinge loss',
  'Weston & Watkins, ESANN 1999',
  multiMarginParams,
  (input, target, o) => {
    const fn = 'multiMarginLoss';
    const x = checkMatrix(fn, input);
    const classes = x.shape[1];
    const t = classIndices(fn, x, target, weightTensor(fn, 'weight', o.weight, x, classes));
    let h = x.sub(pick(x, t).unsqueeze(1)).add(o.margin).relu();
    if (o.p === 2) h = h.square();
    return reduce(h.mul(otherClasses(x, t)).sum(1).mul(constant(x, t.weight, t.shape)).div(classes), o.reduction);
  },
);

/** {@link multiMarginLossDefinition} as a function: `multiMarginLoss(scores, target, { p, margin, weight, reduction })`. */
export const multiMarginLoss = /* @__PURE__ */ lossFunction<(typeof multiMarginLossDefinition)['params'], ClassTarget>(multiMarginLossDefinition);
