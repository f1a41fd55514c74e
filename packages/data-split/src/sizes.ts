import type { Fold, Rng } from '@lab/core';
import { fail, sum } from './internal';

/**
 * Train and test set sizes. Counts and fractions are separate options, so `1` (one sample) and
 * `1.0` (all samples) can never be confused: `testSize: 3` is three samples, `testFraction: 0.25`
 * a quarter of them. Give at most one of each pair.
 */
export interface SizeOptions {
  /** Test set size as a count, 1 <= testSize < nSamples. */
  testSize?: number;
  /** Test set size as a fraction in (0, 1): `nTest = ceil(testFraction * nSamples)`. */
  testFraction?: number;
  /** Train set size as a count, 1 <= trainSize < nSamples. */
  trainSize?: number;
  /** Train set size as a fraction in (0, 1): `nTrain = floor(trainFraction * nSamples)`. */
  trainFraction?: number;
}

export const count = (what: string) => ({ kind: 'integer', min: 1, optional: true, description: `${what} set size (count)` }) as const;
export const fraction = (what: string) =>
  ({ kind: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, optional: true, description: `${what} set size (fraction)` }) as const;

/** Params spec of the four size options, with `extra` params (a function, so unused specs tree-shake). */
export const sizeParams = <const T extends object>(extra: T) => ({
  testSize: count('test'),
  testFraction: fraction('test'),
  trainSize: count('train'),
  trainFraction: fraction('train'),
  ...extra,
});

/**
 * `[nTrain, nTest]` for n samples by scikit-learn's rule (`_validate_shuffle_split`): a test
 * fraction rounds up, a train fraction down (in float64, so `0.07 * 100` gives 8); a missing size is
 * the complement; with no size given the test fraction is `defaultTest`.
 * Errors: a count and a fraction for the same set, a count >= n, fractions summing over 1, sizes
 * summing over n, or an empty training set.
 */
export function sizes(n: number, o: SizeOptions, defaultTest: number): [number, number] {
  const { testFraction: tf = 0, trainFraction: rf = 0 } = o;
  const get = (set: 'test' | 'train', round: (x: number) => number) => {
    const c = o[`${set}Size`];
    const f = o[`${set}Fraction`];
    if (c! >= n || (c && f)) fail(`${set}Size`, c, `< nSamples (${n}), without ${set}Fraction`);
    return c ?? (f && round(f * n));
  };
  let test = get('test', Math.ceil);
  let train = get('train', Math.floor);
  if (tf + rf > 1) fail('trainFraction', rf, `<= 1 - testFraction`);
  if (test === undefined && train === undefined) test = Math.ceil(defaultTest * n);
  test ??= n - train!;
  train ??= n - test;
  return train + test > n || !train ? fail('trainSize', train, `>= 1 and <= ${n - test}, the samples left by the test set`) : [train, test];
}

/**
 * The multivariate hypergeometric's approximate mode (scikit-learn's `_approximate_mode`): `draws`
 * shared out in proportion to `counts`, floored, the rest going to the largest remainders, ties
 * broken by `rng`. Each share is within one of `counts[i] * draws / sum(counts)`.
 */
export function approximateMode(counts: number[], draws: number, rng: Rng): number[] {
  const total = sum(counts);
  const exact = counts.map((c) => (c / total) * draws);
  const out = exact.map(Math.floor);
  const rest = exact.map((x, i) => x - out[i]);
  let need = draws - sum(out);
  for (const v of [...new Set(rest)].sort((a, b) => b - a))
    for (const i of rng.shuffle(rest.flatMap((r, i) => (r === v ? [i] : []))))
      if (need > 0) {
        out[i]++;
        need--;
      }
  return out;
}

/**
 * One stratified random train/test split (scikit-learn's StratifiedShuffleSplit step): each class
 * gives `approximateMode` shares of its samples to train and test. Returned in shuffled order.
 * Errors: a class with fewer than 2 members, or fewer train or test samples than classes.
 */
export function stratifiedDraw(codes: Int32Array, counts: number[], nTrain: number, nTest: number, rng: Rng): Fold {
  const m = counts.length;
  if (Math.min(...counts) < 2) fail('y', counts, 'class sizes >= 2');
  if (Math.min(nTrain, nTest) < m) fail('trainSize and testSize', [nTrain, nTest], `>= ${m}, the number of classes`);
  const byClass: number[][] = counts.map(() => []);
  codes.forEach((c, i) => byClass[c].push(i));
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(counts.map((c, i) => c - nI[i]), nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((idx, c) => {
    rng.shuffle(idx).forEach((s, j) => (j < nI[c] ? train : j < nI[c] + tI[c] ? test : []).push(s));
  });
  return { train: rng.shuffle(Int32Array.from(train)), test: rng.shuffle(Int32Array.from(test)) };
}
