import { Tensor } from '@lab/tensor';
import { alongClasses, checkClassAxis, checkInput, checkTarget, constant, isUnit, lossDefinition, lossFunction, reduce, weightTensor } from './internal';
import { classParams, nllParts } from './nll';
import type { ClassTarget } from './types';

const crossEntropyParams = {
  ...classParams,
  labelSmoothing: { kind: 'number', default: 0, min: 0, max: 1, description: 'share of the uniform distribution mixed into the targets' },
} as const;

/**
 * Cross-entropy of logits, computed stably through `log_softmax(input)` (no overflow for huge
 * logits). Input `[N, C]` or `[N, C, d1, ...]` (classes on axis 1). Two kinds of target, as PyTorch:
 *
 * - class indices (`[N]` / `[N, d1, ...]`, integers in `[0, C)` or `ignoreIndex`):
 *   `ℓᵢ = −w[yᵢ] · log softmax(xᵢ)[yᵢ]`; with label smoothing ε,
 *   `ℓᵢ = (1 − ε)·(that) + (ε / C)·Σ_c −w[c] · log softmax(xᵢ)[c]` (0 where ignored).
 *   `'mean'` divides by `Σ w[yᵢ]` over non-ignored targets (PyTorch's weighted mean; their count
 *   without weights).
 * - class probabilities (a Tensor of the input's shape, values in [0, 1]):
 *   `ℓᵢ = −Σ_c w[c] · t'ᵢc · log softmax(xᵢ)[c]` with `t' = (1 − ε)·t + ε / C`; `'mean'` divides by
 *   the number of positions (N·d1·…), whatever the weights.
 *
 * Options: `weight` (per class, default all 1), `ignoreIndex` (default -100, class indices only),
 * `labelSmoothing` ε (default 0, in [0, 1]), `reduction` (default `'mean'`).
 * Errors: empty batch; target shape that does not fit (ShapeMismatchError); class index out of
 * range or probability outside [0, 1] (InvalidArgumentError); every target ignored under `'mean'`
 * (UndefinedResultError, where PyTorch returns NaN).
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.cross_entropy`; label smoothing: C. Szegedy et al.,
 * "Rethinking the Inception Architecture for Computer Vision", CVPR 2016.
 *
 * @example
 * const logits = tensor([[2, 0, -1], [0.5, 0.5, 3]], { requiresGrad: true });
 * const loss = crossEntropy(logits, [0, 2], { labelSmoothing: 0.1 });
 * loss.backward();   // logits.grad = (softmax(logits) − smoothed one-hot targets) / 2
 */
export const crossEntropyDefinition = /* @__PURE__ */ lossDefinition<typeof crossEntropyParams, ClassTarget>(
  'crossEntropy',
  'Cross-entropy of logits',
  'PyTorch cross_entropy; Szegedy et al., CVPR 2016',
  crossEntropyParams,
  (input, target, o) => {
    const fn = 'crossEntropy';
    const x = checkInput(fn, input);
    checkClassAxis(fn, x);
    const logp = x.logSoftmax(1);
    const eps = o.labelSmoothing;
    const classes = x.shape[1];
    if (target instanceof Tensor && target.rank === x.rank) {
      let t = checkTarget(fn, x, target, isUnit, 'a probability in [0, 1]');
      if (eps > 0) t = t.mul(1 - eps).add(eps / classes);
      const w = weightTensor(fn, 'weight', o.weight, x, classes);
      return reduce(logp.mul(w ? t.mul(alongClasses(w, x)) : t).sum(1).neg(), o.reduction, x.size / classes);
    }
    const { loss, t, w } = nllParts(fn, logp, x, target, o.weight, o.ignoreIndex);
    if (eps === 0) return reduce(loss, o.reduction, t.total);
    const smooth = (w ? logp.mul(alongClasses(w, x)) : logp).sum(1).neg().mul(constant(x, t.keep, t.shape));
    return reduce(loss.mul(1 - eps).add(smooth.mul(eps / classes)), o.reduction, t.total);
  },
);

/**
 * {@link crossEntropyDefinition} as a function:
 * `crossEntropy(logits, target, { weight, ignoreIndex, labelSmoothing, reduction })`.
 */
export const crossEntropy = /* @__PURE__ */ lossFunction<(typeof crossEntropyDefinition)['params'], ClassTarget>(crossEntropyDefinition);
