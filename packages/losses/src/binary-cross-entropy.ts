import { noGrad } from '@lab/tensor';
import { checkInput, checkTarget, isUnit, lossDefinition, lossFunction, reduce, reduction, weightParam, weightTensor, withGrad } from './internal';

/** PyTorch's EPSILON in the gradient's denominator: the float32 value nearest 1e-12. */
const EPSILON = Math.fround(1e-12);

/**
 * Binary cross-entropy of probabilities `p ∈ [0, 1]` against targets `y ∈ [0, 1]`:
 * `ℓ = −w · (y · max(log p, −100) + (1 − y) · max(log(1 − p), −100))`.
 *
 * The logs are clamped at −100 as in PyTorch, so `p` of exactly 0 or 1 gives a finite loss (100 per
 * wrong certain prediction). The gradient is PyTorch's `w · (p − y) / max(p (1 − p), ε)` (ε = float32(1e-12), as PyTorch), finite
 * at 0 and 1 too (it is not the derivative of the clamped value; no gradient flows to the target).
 * Prefer {@link bceWithLogits} on logits: it is exact where this one clamps.
 *
 * Options: `weight` (broadcast to the input's shape, default none), `reduction` (default `'mean'`).
 * Errors: input or target outside [0, 1] (InvalidArgumentError), shapes that differ.
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.binary_cross_entropy`.
 *
 * @example
 * binaryCrossEntropy(tensor([0.9, 0.2, 1]), tensor([1, 0, 0]), { reduction: 'none' });
 * // [0.105..., 0.223..., 100]
 */
export const binaryCrossEntropyDefinition = /* @__PURE__ */ lossDefinition(
  'binaryCrossEntropy',
  'Binary cross-entropy of probabilities',
  'PyTorch binary_cross_entropy',
  { weight: weightParam('a weight broadcast to the input'), reduction },
  (input, target, o) => {
    const fn = 'binaryCrossEntropy';
    const p = checkInput(fn, input, isUnit, 'a probability in [0, 1]');
    const y = checkTarget(fn, p, target, isUnit, 'a target in [0, 1]');
    const w = weightTensor(fn, 'weight', o.weight, p);
    const [value, grad] = noGrad(() => {
      const v = y.mul(p.log().clamp(-100)).add(y.neg().add(1).mul(p.neg().add(1).log().clamp(-100))).neg();
      const g = p.sub(y).div(p.mul(p.neg().add(1)).clamp(EPSILON));
      return w ? [v.mul(w), g.mul(w)] : [v, g];
    });
    return reduce(withGrad(value, p, grad), o.reduction);
  },
);

/** {@link binaryCrossEntropyDefinition} as a function: `binaryCrossEntropy(probs, target, { weight, reduction })`. */
export const binaryCrossEntropy = /* @__PURE__ */ lossFunction(binaryCrossEntropyDefinition);
