import { InvalidArgumentError } from '@lab/core';
import { Tensor } from '@lab/tensor';
import type { NameMatcher, NamedTensor, ParameterMask, ParameterSource } from './types';

function matcher(argument: string, m: NameMatcher): (name: string) => boolean {
  if (typeof m === 'function') return m;
  if (m instanceof RegExp) return (n) => n.search(m) >= 0;
  if (Array.isArray(m)) return (n) => m.includes(n);
  if (typeof m === 'string') {
    const re = new RegExp(`^${m.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return (n) => re.test(n);
  }
  throw new InvalidArgumentError(argument, m, 'a glob, RegExp, list of names or predicate');
}

/**
 * The named parameters of `source` that pass the mask: `include` (default all) minus `exclude`
 * (default none). A module's `namedParameters()`, a list of `{ name, tensor }` (lab's `Parameter`),
 * a list of tensors (named "0", "1", ...) and a record name → tensor are all accepted.
 * Errors: a source that is none of these, an entry that is not a tensor, or a selection that is
 * empty (a mask that matches nothing is almost always a typo).
 *
 * @example
 * selectParameters(model, { exclude: '*bias' }).map((p) => p.name);   // ['fc1.weight', 'fc2.weight']
 */
export function selectParameters(source: ParameterSource, mask: ParameterMask = {}): NamedTensor[] {
  let list: Iterable<unknown>;
  if (source && typeof (source as { namedParameters?: unknown }).namedParameters === 'function')
    list = (source as { namedParameters(): Iterable<NamedTensor> }).namedParameters();
  else if (source && typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function') list = source as Iterable<unknown>;
  else if (source && typeof source === 'object') list = Object.entries(source).map(([name, tensor]) => ({ name, tensor }));
  else throw new InvalidArgumentError('params', source, 'a module, a list of parameters or a record of tensors');
  const all = Array.from(list, (p, i): NamedTensor => {
    const named = p instanceof Tensor ? { name: String(i), tensor: p } : (p as NamedTensor);
    if (!(named?.tensor instanceof Tensor)) throw new InvalidArgumentError(`params[${i}]`, p, 'a Tensor or { name, tensor }');
    return named;
  });
  const keep = mask.include === undefined ? () => true : matcher('include', mask.include);
  const drop = mask.exclude === undefined ? () => false : matcher('exclude', mask.exclude);
  const out = all.filter((p) => keep(p.name) && !drop(p.name));
  if (out.length === 0)
    throw new InvalidArgumentError('params', all.map((p) => p.name), 'a non-empty selection (after include/exclude)');
  return out;
}

/** Σ over the selected parameters of `term(θ)` summed over elements: one scalar tensor. */
function total(source: ParameterSource, mask: ParameterMask, term: (t: Tensor) => Tensor): Tensor {
  return selectParameters(source, mask)
    .map((p) => term(p.tensor).sum())
    .reduce((a, b) => a.add(b));
}

/** Options of {@link l2Penalty}. */
export interface L2Options extends ParameterMask {
  /** Include the factor ½: `½‖θ‖²` (gradient θ, PyTorch's weight decay) instead of `‖θ‖²` (gradient 2θ). Default false. */
  readonly half?: boolean;
}

/** Options of {@link elasticNetPenalty}. */
export interface ElasticNetOptions extends ParameterMask {
  /** ρ: the share of the L1 term, in [0, 1]. Default 0.5. */
  readonly l1Ratio?: number;
}

/**
 * The L1 penalty `ℓ₁(θ) = ‖θ‖₁ = Σ |θⱼ|` over the selected parameters (lasso; it drives weights to
 * exactly 0). Subgradient `sign(θ)` (0 at 0). A scalar tensor that back-propagates to the parameters.
 *
 * Options: `include`, `exclude` (name masks; default every parameter).
 *
 * Reference: R. Tibshirani, "Regression Shrinkage and Selection via the Lasso", JRSS B, 1996.
 *
 * @example
 * l1Penalty({ w: tensor([1, -2]), b: tensor([5]) }, { exclude: 'b' }).item();   // 3
 */
export function l1Penalty(params: ParameterSource, options: ParameterMask = {}): Tensor {
  return total(params, options, (t) => t.abs());
}

/**
 * The L2 penalty `ℓ₂(θ) = ‖θ‖₂² = Σ θⱼ²` over the selected parameters — WITHOUT ½ by default
 * (gradient 2θ); `half: true` gives `½‖θ‖₂²` (gradient θ, so `λ·½‖θ‖²` matches SGD weight decay λ).
 * Ridge regression / Tikhonov regularisation / weight decay.
 *
 * Options: `half` (default false), `include`, `exclude` (default every parameter).
 *
 * Reference: A. E. Hoerl & R. W. Kennard, "Ridge Regression", Technometrics, 1970.
 *
 * @example
 * l2Penalty({ w: tensor([1, -2]) }).item();                 // 5
 * l2Penalty({ w: tensor([1, -2]) }, { half: true }).item(); // 2.5
 */
export function l2Penalty(params: ParameterSource, options: L2Options = {}): Tensor {
  const { half = false } = options;
  if (typeof half !== 'boolean') throw new InvalidArgumentError('half', half, 'true or false');
  const sum = total(params, options, (t) => t.square());
  return half ? sum.mul(0.5) : sum;
}

/**
 * The elastic-net penalty in scikit-learn's form, `ρ‖θ‖₁ + ½(1 − ρ)‖θ‖₂²` (the L2 part INCLUDES ½),
 * over the selected parameters. `l1Ratio: 1` is {@link l1Penalty}; `l1Ratio: 0` is
 * `l2Penalty(…, { half: true })`.
 *
 * Options: `l1Ratio` ρ (default 0.5, in [0, 1]), `include`, `exclude`.
 *
 * Reference: H. Zou & T. Hastie, "Regularization and variable selection via the elastic net", JRSS B,
 * 2005; scikit-learn 1.2 `ElasticNet`.
 *
 * @example
 * elasticNetPenalty({ w: tensor([1, -2]) }, { l1Ratio: 0.5 }).item();   // 0.5·3 + 0.25·5 = 2.75
 */
export function elasticNetPenalty(params: ParameterSource, options: ElasticNetOptions = {}): Tensor {
  const { l1Ratio = 0.5 } = options;
  if (typeof l1Ratio !== 'number' || !(l1Ratio >= 0 && l1Ratio <= 1)) throw new InvalidArgumentError('l1Ratio', l1Ratio, 'a number in [0, 1]');
  return total(params, options, (t) => t.abs().mul(l1Ratio).add(t.square().mul((1 - l1Ratio) / 2)));
}
