import { InvalidArgumentError } from '@lab/core';
import { checkInteger, checkNumber, checkOptions, checkRange, checkRng } from './check';
import { sampleRegression, type RegressionSampling } from './regression';
import type { Rng } from '@lab/core';
import type { RegressionData } from './types';

/** Options of {@link makePolynomialRegression}. */
export interface PolynomialRegressionOptions {
  /** Number of points. Default `20`. */
  readonly nSamples?: number;
  /**
   * Coefficients in increasing powers, `[c0, c1, c2, ...]` for `f(x) = c0 + c1·x + c2·x² + ...`.
   * Default `[0, -1, 0, 1]`, the cubic `x³ − x`.
   */
  readonly coefficients?: readonly number[];
  /** Standard deviation σ of the Gaussian noise added to the targets. Default `0.2`. */
  readonly noise?: number;
  /** Interval the inputs are drawn from. Default `[-1.5, 1.5]`. */
  readonly xRange?: readonly [number, number];
  /** `'uniform'`: inputs drawn uniformly from `xRange`; `'grid'`: evenly spaced, both ends included. Default `'uniform'`. */
  readonly sampling?: RegressionSampling;
  /** Seed or generator. Default `0`. */
  readonly seed?: number | Rng;
}

/** Regression data from a polynomial, with its coefficients. */
export interface PolynomialRegressionData extends RegressionData {
  /** The coefficients of `f`, increasing powers. */
  readonly coefficients: readonly number[];
}

/**
 * Noisy polynomial regression, for the lecture's under-/over-fitting figures:
 *
 *     f(x) = Σ_k c_k x^k   (Horner's rule),   y = f(x) + ε,   ε ~ N(0, noise²)
 *
 * Draw order: all inputs (when `sampling: 'uniform'`), then the noise of each point in turn.
 *
 * @example
 * const data = makePolynomialRegression({ coefficients: [1, 0, -2], noise: 0.1, nSamples: 30, seed: 7 });
 * data.f(1); // -1
 */
export function makePolynomialRegression(options: PolynomialRegressionOptions = {}): PolynomialRegressionData {
  checkOptions('makePolynomialRegression', options, ['nSamples', 'coefficients', 'noise', 'xRange', 'sampling', 'seed']);
  const nSamples = checkInteger('nSamples', options.nSamples ?? 20, 1);
  const coefficients = options.coefficients ?? [0, -1, 0, 1];
  if (!Array.isArray(coefficients) || coefficients.length === 0 || !coefficients.every((c) => typeof c === 'number' && Number.isFinite(c)))
    throw new InvalidArgumentError('coefficients', coefficients, 'a non-empty array of finite numbers');
  const c = [...coefficients];
  const noise = checkNumber('noise', options.noise ?? 0.2, 0);
  const xRange = checkRange('xRange', options.xRange ?? [-1.5, 1.5]);
  const rng = checkRng(options.seed ?? 0);
  const f = (x: number): number => {
    let s = c[c.length - 1];
    for (let k = c.length - 2; k >= 0; k--) s = s * x + c[k];
    return s;
  };
  return { ...sampleRegression('polynomial', f, nSamples, xRange, options.sampling ?? 'uniform', noise, rng), coefficients: c };
}
