import { where } from '@lab/tensor';
import { SIGN, isSign, lossDefinition, lossFunction, pair, reduce, reduction } from './internal';

/**
 * Hinge embedding loss, for inputs that are distances: `ℓ = x` where `y = 1`, and
 * `max(0, m − x)` where `y = −1` (pull similar pairs together, push dissimilar ones beyond m).
 *
 * Options: `margin` m (default 1), `reduction` (default `'mean'`). Labels must be −1 or +1.
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.hinge_embedding_loss`; R. Hadsell, S. Chopra &
 * Y. LeCun, "Dimensionality Reduction by Learning an Invariant Mapping", CVPR 2006.
 *
 * @example
 * hingeEmbeddingLoss(tensor([0.3, 0.4, 2]), tensor([1, -1, -1]), { reduction: 'none' });   // [0.3, 0.6, 0]
 */
export const hingeEmbeddingLossDefinition = /* @__PURE__ */ lossDefinition(
  'hingeEmbeddingLoss',
  'Hinge embedding loss',
  'Hadsell, Chopra & LeCun, CVPR 2006',
  {
    margin: { kind: 'number', default: 1, description: 'the margin m for dissimilar pairs' },
    reduction,
  },
  (input, target, o) => {
    const [x, y] = pair('hingeEmbeddingLoss', input, target, isSign, SIGN);
    return reduce(where(y.gt(0), x, x.neg().add(o.margin).relu()), o.reduction);
  },
);

/** {@link hingeEmbeddingLossDefinition} as a function: `hingeEmbeddingLoss(distances, labels, { margin, reduction })`. */
export const hingeEmbeddingLoss = /* @__PURE__ */ lossFunction(hingeEmbeddingLossDefinition);
