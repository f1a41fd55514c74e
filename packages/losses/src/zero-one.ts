import { ShapeMismatchError } from '@lab/core';
import { Tensor, noGrad } from '@lab/tensor';
import { checkInput, checkTarget, classIndices, constant, lossDefinition, lossFunction, reduce, reduction } from './internal';
import type { ClassTarget } from './types';

/**
 * 0-1 loss, for evaluation: `ℓ = 1` where the prediction is wrong, else 0. With the default
 * `'mean'` reduction it is the error rate (scikit-learn's `zero_one_loss`); `'sum'` counts errors.
 *
 * - `input` of shape `[N, C]` (scores) with class-index targets `[N]`: the prediction is the
 *   arg-max class (the first one on ties);
 * - `input` of the target's shape: the input holds predicted labels, compared for equality.
 *
 * It has no useful gradient (it is piecewise constant: the derivative is 0 wherever it exists), so
 * the result is not connected to the graph (`requiresGrad` false, `backward()` throws): train with
 * a surrogate such as {@link crossEntropy} or {@link hingeLoss} and report this one.
 *
 * Options: `reduction` (default `'mean'`).
 *
 * Reference: the lecture's 0-1 loss; scikit-learn 1.2 `sklearn.metrics.zero_one_loss`.
 *
 * @example
 * zeroOneLoss(tensor([[2, 1], [0, 3], [5, 4]]), [0, 0, 0]);   // 1/3 (the second prediction is wrong)
 * zeroOneLoss(tensor([1, -1, 1]), tensor([1, 1, 1]), { reduction: 'sum' });   // 1
 */
export const zeroOneLossDefinition = /* @__PURE__ */ lossDefinition<{ readonly reduction: typeof reduction }, ClassTarget>(
  'zeroOneLoss',
  '0-1 loss (error rate), for evaluation: no useful gradient',
  'scikit-learn zero_one_loss',
  { reduction },
  (input, target, o) =>
    noGrad(() => {
      const fn = 'zeroOneLoss';
      const x = checkInput(fn, input);
      if (target instanceof Tensor && target.rank === x.rank) return reduce(x.eq(checkTarget(fn, x, target)).neg().add(1), o.reduction);
      if (x.rank !== 2) throw new ShapeMismatchError(fn, [x.shape], 'need input [N, C] or the target shape');
      const t = classIndices(fn, x, target);
      return reduce(x.argmax(1).eq(constant(x, t.index, t.shape)).neg().add(1), o.reduction);
    }),
);

/** {@link zeroOneLossDefinition} as a function: `zeroOneLoss(input, target, { reduction })`. */
export const zeroOneLoss = /* @__PURE__ */ lossFunction<(typeof zeroOneLossDefinition)['params'], ClassTarget>(zeroOneLossDefinition);
