import { where } from '@lab/tensor';
import { ShapeMismatchError } from '@lab/core';
import { checkMatrix, classIndices, lossDefinition, lossFunction, otherClasses, pick, reduce, reduction } from './internal';
import type { ClassTarget } from './types';

const crammerSingerParams = {
  margin: { kind: 'number', default: 1, min: 0, description: 'the margin m' },
  reduction,
} as const;

/**
 * Multiclass hinge loss of Crammer & Singer, as scikit-learn's `hinge_loss` for more than two
 * classes: for scores `x` (`[N, C]`, C ≥ 2) and class-index targets `y` (`[N]`),
 * `ℓᵢ = max(0, m − (x[i, yᵢ] − max_{j ≠ yᵢ} x[i, j]))` — only the best wrong class counts
 * (contrast {@link multiMarginLoss}, which sums over every wrong class). The subgradient is −1 on
 * the target score and +1 on the best wrong score (shared between ties) where the margin is violated.
 *
 * Options: `margin` m (default 1, scikit-learn's fixed value), `reduction` (default `'mean'`,
 * scikit-learn's average). Targets are class indices 0..C−1 (scikit-learn's `labels=range(C)`).
 *
 * Reference: K. Crammer & Y. Singer, "On the Algorithmic Implementation of Multiclass Kernel-based
 * Vector Machines", JMLR 2, 2001; scikit-learn 1.2 `sklearn.metrics.hinge_loss`.
 *
 * @example
 * crammerSingerLoss(tensor([[3, 2.5, 0], [0, 1, 4]]), [0, 1]);   // (0.5 + 4) / 2 = 2.25
 */
export const crammerSingerLossDefinition = /* @__PURE__ */ lossDefinition<typeof crammerSingerParams, ClassTarget>(
  'crammerSingerLoss',
  'Crammer-Singer multiclass hinge loss',
  'Crammer & Singer, JMLR 2001',
  crammerSingerParams,
  (input, target, o) => {
    const fn = 'crammerSingerLoss';
    const x = checkMatrix(fn, input);
    if (x.shape[1] < 2) throw new ShapeMismatchError(fn, [x.shape], 'need 2 or more classes');
    const t = classIndices(fn, x, target);
    const rival = where(otherClasses(x, t), x, -Infinity).max(1);
    return reduce(rival.sub(pick(x, t)).add(o.margin).relu(), o.reduction);
  },
);

/** {@link crammerSingerLossDefinition} as a function: `crammerSingerLoss(scores, target, { margin, reduction })`. */
export const crammerSingerLoss = /* @__PURE__ */ lossFunction<(typeof crammerSingerLossDefinition)['params'], ClassTarget>(crammerSingerLossDefinition);
