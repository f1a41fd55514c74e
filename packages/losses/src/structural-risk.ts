import { InvalidArgumentError } from '@lab/core';
import { Tensor } from '@lab/tensor';
import { elasticNetPenalty, l1Penalty, l2Penalty } from './regularizers';
import type { ParameterMask, ParameterSource } from './types';

/** A penalty by name, or your own `(params, mask) => scalar tensor`. */
export type Penalty = 'l1' | 'l2' | 'elasticNet' | ((params: ParameterSource, mask: ParameterMask) => Tensor);

/** Options of {@link structuralRisk}. */
export interface StructuralRiskOptions extends ParameterMask {
  /** λ ≥ 0, the weight of the penalty. Required. */
  readonly lambda: number;
  /** The penalty ℓp(θ). Default `'l2'` (‖θ‖₂², no ½ unless `half`). */
  readonly penalty?: Penalty;
  /** For `'l2'`: use ½‖θ‖₂². Default false. */
  readonly half?: boolean;
  /** For `'elasticNet'`: ρ, the share of L1. Default 0.5. */
  readonly l1Ratio?: number;
}

/**
 * The lecture's structural risk: `R_stru(θ) = R_emp(θ) + λ·ℓp(θ)`, the empirical risk (a reduced
 * loss, one element) plus λ times a penalty on the selected parameters. Back-propagating it gives
 * the loss's gradients plus λ times the penalty's.
 *
 * Options: `lambda` (required, ≥ 0), `penalty` (`'l1'` = ‖θ‖₁, `'l2'` = ‖θ‖₂² (default; `half: true`
 * for ½‖θ‖₂²), `'elasticNet'` = ρ‖θ‖₁ + ½(1 − ρ)‖θ‖₂² with `l1Ratio` ρ, or a function),
 * `include` / `exclude` (parameter name masks, default every parameter; e.g. `exclude: '*bias'`).
 *
 * Reference: V. Vapnik, "The Nature of Statistical Learning Theory", Springer, 1995 (structural risk
 * minimisation).
 *
 * @example
 * const risk = structuralRisk(crossEntropy(model.forward(x), y), model, { lambda: 1e-4, penalty: 'l2', exclude: '*bias' });
 * risk.backward();
 */
export function structuralRisk(loss: Tensor, params: ParameterSource, options: StructuralRiskOptions): Tensor {
  if (!(loss instanceof Tensor) || loss.size !== 1)
    throw new InvalidArgumentError('loss', loss instanceof Tensor ? loss.shape : loss, 'a one-element tensor (a reduced loss)');
  const { lambda, penalty = 'l2', half, l1Ratio, include, exclude } = options ?? ({} as StructuralRiskOptions);
  if (typeof lambda !== 'number' || !(lambda >= 0) || lambda === Infinity) throw new InvalidArgumentError('lambda', lambda, 'a finite number >= 0');
  const mask = { include, exclude };
  let term: Tensor;
  if (penalty === 'l1') term = l1Penalty(params, mask);
  else if (penalty === 'l2') term = l2Penalty(params, { ...mask, half });
  else if (penalty === 'elasticNet') term = elasticNetPenalty(params, { ...mask, l1Ratio });
  else if (typeof penalty === 'function') term = penalty(params, mask);
  else throw new InvalidArgumentError('penalty', penalty, "'l1', 'l2', 'elasticNet' or a function");
  if (!(term instanceof Tensor) || term.size !== 1) throw new InvalidArgumentError('penalty', term, 'a one-element tensor');
  return loss.add(term.mul(lambda).reshape(loss.shape));
}
