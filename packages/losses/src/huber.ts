import { lossDefinition, lossFunction, pair, reduce, reduction } from './internal';

/**
 * Huber loss with threshold `delta` (δ): for `z = |f − y|`,
 * `ℓ = ½ z²` where `z < δ`, and `δ (z − ½ δ)` elsewhere — quadratic near 0, linear (robust to
 * outliers) beyond δ. Computed as `½ c² + δ (z − c)` with `c = min(z, δ)`, which never overflows
 * and has gradient `f − y` inside and `δ·sign(f − y)` outside.
 *
 * Options: `delta` (default 1, > 0), `reduction` (default `'mean'`).
 *
 * Reference: P. J. Huber, "Robust Estimation of a Location Parameter", Ann. Math. Statist., 1964;
 * PyTorch 1.13 `torch.nn.functional.huber_loss`.
 *
 * @example
 * huberLoss(tensor([0, 0]), tensor([0.5, 3]), { delta: 1, reduction: 'none' });   // [0.125, 2.5]
 */
export const huberLossDefinition = /* @__PURE__ */ lossDefinition(
  'huberLoss',
  'Huber loss',
  'Huber, Ann. Math. Statist. 1964',
  {
    delta: { kind: 'number', default: 1, min: 0, exclusiveMin: true, description: 'where the loss turns linear' },
    reduction,
  },
  (input, target, o) => {
    const [f, y] = pair('huberLoss', input, target);
    const z = f.sub(y).abs();
    const c = z.minimum(o.delta);
    return reduce(c.square().mul(0.5).add(z.sub(c).mul(o.delta)), o.reduction);
  },
);

/** {@link huberLossDefinition} as a function: `huberLoss(input, target, { delta, reduction })`. */
export const huberLoss = /* @__PURE__ */ lossFunction(huberLossDefinition);
