import { checkInput, checkTarget, isUnit, lossDefinition, lossFunction, reduce, reduction, weightParam, weightTensor } from './internal';

/**
 * Binary cross-entropy of logits `x` (sigmoid folded in) against targets `y ∈ [0, 1]`, with an
 * optional weight `pw` on the positive term:
 * `ℓ = w · ((1 − y) · x + (1 + (pw − 1) · y) · softplus(−x))`, which equals
 * `−w · (pw · y · log σ(x) + (1 − y) · log(1 − σ(x)))` but never overflows (`softplus` is
 * `max(x, 0) + log1p(e^−|x|)`): finite for logits of ±1000 and beyond. Gradient
 * `w · ((1 + (pw − 1) y) σ(x) − pw · y)` (= `σ(x) − y` without weights).
 *
 * Options: `posWeight` (broadcast over the input from the last axis, e.g. one per class, default
 * none = 1), `weight` (broadcast to the input, default none), `reduction` (default `'mean'`).
 *
 * Reference: PyTorch 1.13 `torch.nn.functional.binary_cross_entropy_with_logits`.
 *
 * @example
 * bceWithLogits(tensor([1000, -1000, 0]), tensor([1, 1, 0.5]), { reduction: 'none' });   // [0, 1000, 0.693...]
 */
export const bceWithLogitsDefinition = /* @__PURE__ */ lossDefinition(
  'bceWithLogits',
  'Binary cross-entropy of logits',
  'PyTorch binary_cross_entropy_with_logits',
  {
    weight: weightParam('a weight broadcast to the input'),
    posWeight: weightParam('a weight of positives, broadcast to the input'),
    reduction,
  },
  (input, target, o) => {
    const fn = 'bceWithLogits';
    const x = checkInput(fn, input);
    const y = checkTarget(fn, x, target, isUnit, 'a target in [0, 1]');
    const w = weightTensor(fn, 'weight', o.weight, x);
    const pw = weightTensor(fn, 'posWeight', o.posWeight, x);
    const positive = pw ? pw.sub(1).mul(y).add(1) : 1;
    const loss = y.neg().add(1).mul(x).add(x.neg().softplus().mul(positive));
    return reduce(w ? loss.mul(w) : loss, o.reduction);
  },
);

/** {@link bceWithLogitsDefinition} as a function: `bceWithLogits(logits, target, { weight, posWeight, reduction })`. */
export const bceWithLogits = /* @__PURE__ */ lossFunction(bceWithLogitsDefinition);
