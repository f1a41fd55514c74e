import { where } from '@lab/tensor';
import { checkInput, checkTarget, lossDefinition, lossFunction, reduce } from './internal';

/**
 * Kullback–Leibler divergence `KL(t ‖ q)` with `input = log q` (log-probabilities) and target `t`
 * (probabilities, or log-probabilities with `logTarget: true`), pointwise:
 * `ℓ = t · (log t − input)` (0 where t = 0), or `e^t · (t − input)` with `logTarget`.
 * Gradient with respect to the input: `−t` (or `−e^t`).
 *
 * Options: `logTarget` (default false), `reduction` (default `'mean'` as PyTorch: the average over
 * ALL elements, which is not the KL divergence; `'batchmean'` divides the sum by the batch size
 * `input.shape[0]` and gives the true per-sample KL; `'sum'`, `'none'`).
 * Errors: a negative probability target.
 *
 * Reference: S. Kullback & R. A. Leibler, "On Information and Sufficiency", Ann. Math. Statist.,
 * 1951; PyTorch 1.13 `torch.nn.functional.kl_div`.
 *
 * @example
 * const logq = tensor([[0.5, 0.5]]).log();
 * klDiv(logq, tensor([[0.9, 0.1]]), { reduction: 'batchmean' });   // 0.9 ln 1.8 + 0.1 ln 0.2 = 0.368...
 */
export const klDivDefinition = /* @__PURE__ */ lossDefinition(
  'klDiv',
  'Kullback-Leibler divergence',
  'Kullback & Leibler, Ann. Math. Statist. 1951',
  {
    logTarget: { kind: 'boolean', default: false, description: 'the target holds log-probabilities' },
    reduction: {
      kind: 'enum',
      values: ['none', 'mean', 'sum', 'batchmean'],
      default: 'mean',
      description: "'batchmean' is the true KL; 'mean' averages all elements",
    },
  },
  (input, target, o) => {
    const fn = 'klDiv';
    const x = checkInput(fn, input);
    const t = checkTarget(fn, x, target, o.logTarget ? undefined : (v) => v >= 0, 'a probability >= 0');
    // t·log t with 0 at t = 0 (log of 1 there, so no 0·(−∞) and no NaN in a target's gradient).
    const loss = o.logTarget ? t.exp().mul(t.sub(x)) : t.mul(where(t.gt(0), t, 1).log()).sub(t.mul(x));
    return o.reduction === 'batchmean' ? reduce(loss, 'mean', x.rank === 0 ? 1 : x.shape[0]) : reduce(loss, o.reduction);
  },
);

/** {@link klDivDefinition} as a function: `klDiv(logProbs, target, { logTarget, reduction })`. */
export const klDiv = /* @__PURE__ */ lossFunction(klDivDefinition);
