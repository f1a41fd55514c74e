import type { Tensor } from '@lab/tensor';
import { checkInput, classIndices, constant, lossDefinition, lossFunction, pick, reduce, reduction, weightParam, weightTensor } from './internal';
import type { ClassTarget, Weight } from './types';

/** @internal NLL on log-probabilities, shared with cross-entropy: per-position loss and its weighted-mean divisor. */
export function nllParts(fn: string, logp: Tensor, input: Tensor, target: ClassTarget, weight: Weight | undefined, ignoreIndex: number) {
  const w = weightTensor(fn, 'weight', weight, input, input.shape[1]);
  const t = classIndices(fn, input, target, w, ignoreIndex);
  const loss = pick(logp, t).mul(constant(input, t.weight, t.shape)).neg();
  return { loss, t, w };
}

export const classParams = {
  weight: weightParam('a weight per class (length C)'),
  ignoreIndex: { kind: 'integer', default: -100, description: 'a target value that is ignored' },
  reduction,
} as const;

/**
 * Negative log-likelihood of class-index targets, given log-probabilities:
 * `ℓᵢ = −w[yᵢ] · input[i, yᵢ]`. Input `[N, C]` or `[N, C, d1, ...]` (classes on axis 1), target
 * `[N]` or `[N, d1, ...]` of integers in `[0, C)` (or `ignoreIndex`).
 *
 * Options: `weight` (per class, default all 1), `ignoreIndex` (default -100), `reduction`
 * (default `'mean'`, PyTorch's weighted mean: `Σ ℓᵢ / Σ w[yᵢ]` over non-ignored targets; an error
 * when that sum is 0, e.g. every target ignored, where PyTorch returns NaN).
 * Errors: a target out of range → InvalidArgumentError; a target shape that does not fit →
 * ShapeMismatchError. Feed it `input.logSoftmax(1)`, or use {@link crossEntropy} on logits.
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.nll_loss`.
 *
 * @example
 * const logp = tensor([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25]]).log();
 * nllLoss(logp, [1, 0]);   // −(ln 0.7 + ln 0.5) / 2 = 0.525
 */
export const nllLossDefinition = /* @__PURE__ */ lossDefinition<typeof classParams, ClassTarget>(
  'nllLoss',
  'Negative log-likelihood',
  'PyTorch nll_loss',
  classParams,
  (input, target, o) => {
    const x = checkInput('nllLoss', input);
    const { loss, t } = nllParts('nllLoss', x, x, target, o.weight, o.ignoreIndex);
    return reduce(loss, o.reduction, t.total);
  },
);

/** {@link nllLossDefinition} as a function: `nllLoss(logProbs, target, { weight, ignoreIndex, reduction })`. */
export const nllLoss = /* @__PURE__ */ lossFunction<(typeof nllLossDefinition)['params'], ClassTarget>(nllLossDefinition);
