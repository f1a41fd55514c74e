/**
 * The bias–variance decomposition by simulation: fit the same model to many training sets drawn
 * from the same source, then at each x of a grid
 *   bias²(x) = (ḡ(x) − f(x))²,   variance(x) = mean_k (g_k(x) − ḡ(x))²,
 * averaged over the grid; the expected test error is bias² + variance + σ².
 */
import { fitPolynomial, predict, type Penalty } from './polyfit';

export interface Sampler {
  (k: number): { x: ArrayLike<number>; y: ArrayLike<number> };
}

export interface Decomposition {
  readonly bias2: number;
  readonly variance: number;
  readonly noise: number;
  readonly total: number;
  /** The fits on the grid, one row per training set. */
  readonly fits: number[][];
  readonly mean: number[];
}

export function decompose(sample: Sampler, sets: number, f: (x: number) => number, grid: readonly number[], noise: number, degree: number, penalty: Penalty, lambda: number): Decomposition {
  const fits: number[][] = [];
  for (let k = 0; k < sets; k++) {
    const { x, y } = sample(k);
    const w = fitPolynomial(x, y, degree, { penalty, lambda, sweeps: 400 });
    fits.push(grid.map((g) => predict(w, g)));
  }
  const mean = grid.map((_, j) => fits.reduce((a, r) => a + r[j], 0) / sets);
  let bias2 = 0;
  let variance = 0;
  grid.forEach((g, j) => {
    bias2 += (mean[j] - f(g)) ** 2;
    variance += fits.reduce((a, r) => a + (r[j] - mean[j]) ** 2, 0) / sets;
  });
  bias2 /= grid.length;
  variance /= grid.length;
  return { bias2, variance, noise: noise * noise, total: bias2 + variance + noise * noise, fits, mean };
}
