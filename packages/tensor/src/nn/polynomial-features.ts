import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import type { Tensor } from '../tensor';
import { concat } from '../ops/shape-ops';
import { Module } from './module';

/** Options of `PolynomialFeatures` (scikit-learn's names and defaults). */
export interface PolynomialFeaturesOptions {
  /** Include the constant column of ones. Default true. */
  readonly includeBias?: boolean;
  /** Only products of distinct features (no powers like x0²). Default false. */
  readonly interactionOnly?: boolean;
}

/**
 * All monomials of the input features up to `degree`, in scikit-learn's order
 * (`[1, x0, x1, x0², x0·x1, x1², ...]` for degree 2): maps `[n, d]` to `[n, outFeatures]`. Differentiable
 * (built from tensor ops), parameter-free; for the polynomial-regression demos.
 *
 * @example
 * new PolynomialFeatures(2).forward(tensor([[2, 3]])).toArray(); // [[1, 2, 3, 4, 6, 9]]
 */
export class PolynomialFeatures extends Module {
  readonly includeBias: boolean;
  readonly interactionOnly: boolean;

  constructor(
    readonly degree = 2,
    options: PolynomialFeaturesOptions = {},
  ) {
    super();
    if (!Number.isInteger(degree) || degree < 0) throw new InvalidArgumentError('degree', degree, 'a non-negative integer');
    this.includeBias = options.includeBias ?? true;
    this.interactionOnly = options.interactionOnly ?? false;
  }

  /** The exponent combinations (feature index lists) for `d` input features, in output order. */
  combinations(d: number): number[][] {
    const out: number[][] = this.includeBias ? [[]] : [];
    let level: number[][] = [[]];
    for (let deg = 1; deg <= this.degree; deg++) {
      const next: number[][] = [];
      for (const c of level) {
        const start = c.length === 0 ? 0 : c[c.length - 1] + (this.interactionOnly ? 1 : 0);
        for (let j = start; j < d; j++) next.push([...c, j]);
      }
      out.push(...next);
      level = next;
    }
    return out;
  }

  /** Number of output columns for `d` input features. */
  outFeatures(d: number): number {
    return this.combinations(d).length;
  }

  forward(x: Tensor): Tensor {
    if (x.rank !== 2) throw new ShapeMismatchError('PolynomialFeatures', [x.shape], 'must be 2-D [samples, features]');
    const [n, d] = x.shape;
    const combos = this.combinations(d);
    if (combos.length === 0) throw new InvalidArgumentError('degree', this.degree, 'a degree that yields at least one column (or includeBias)');
    const columns = Array.from({ length: d }, (_, j) => x.slice([0, j], [n, 1]));
    return concat(
      combos.map((c) => (c.length === 0 ? x.slice([0, 0], [n, 1]).zerosLike().add(1) : c.slice(1).reduce((acc, j) => acc.mul(columns[j]), columns[c[0]]))),
      1,
    );
  }
}
