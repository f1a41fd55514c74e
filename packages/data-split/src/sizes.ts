import type { Fold, Rng, SplitInput } from '@lab/core';
import { boolParam, countParam, encode, fail, range, samples, seedParam, sum } from './internal';

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

/** An optional fraction in (0, 1) (a set size). */
export const fractionParam = (what: string) => ({ kind: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, optional: true, description: `${what} fraction` }) as const;

/** Params of a holdout: `shuffle`, `stratify` and `seed`. */
export const holdoutParams = {
  shuffle: /* @__PURE__ */ boolParam(true, 'shuffle first'),
  stratify: /* @__PURE__ */ boolParam(false, 'keep class proportions'),
  seed: seedParam,
} as const;

/** Params spec of the four size options, with `extra` params. */
export const sizeParams = <const T extends object>(extra: T) => ({
  testSize: countParam('test'),
  testFraction: fractionParam('test'),
  trainSize: countParam('train'),
  trainFraction: fractionParam('train'),
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
  const get = (set: 'test' | 'train', round: (x: number) => number) => {
    const c = o[`${set}Size`];
    const f = o[`${set}Fraction`];
    if (c! >= n || (c && f)) fail(`${set}Size`, c, `< ${n} (nSamples), without ${set}Fraction`);
    return c ?? (f && round(f * n));
  };
  let test = get('test', Math.ceil);
  let train = get('train', Math.floor);
  if ((o.testFraction ?? 0) + (o.trainFraction ?? 0) > 1) fail('trainFraction', o.trainFraction, '<= 1 - testFraction');
  test ??= train === undefined ? Math.ceil(defaultTest * n) : n - train;
  train ??= n - test;
  return train + test > n || !train ? fail('trainSize', train, `in [1, ${n - test}]`) : [train, test];
}

/**
 * The multivariate hypergeometric's approximate mode (scikit-learn's `_approximate_mode`): `draws`
 * shared out in proportion to `counts`, floored, the rest going to the largest remainders, ties
 * broken by a random order from `rng` (scikit-learn draws among equal remainders likewise). Each share is within one of `counts[i] * draws / sum(counts)`.
 */
export function approximateMode(counts: number[], draws: number, rng: Rng): number[] {
  const total = sum(counts);
  const exact = counts.map((c) => (c / total) * draws);
  const out = exact.map(Math.floor);
  const rest = exact.map((x, i) => x - out[i]);
  const tie = rng.permutation(counts.length);
  [...out.keys()]
    .sort((a, b) => rest[b] - rest[a] || tie[a] - tie[b])
    .slice(0, draws - sum(out))
    .forEach((i) => out[i]++);
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
  if (Math.min(nTrain, nTest) < m) fail('trainSize and testSize', [nTrain, nTest], `>= ${m} (classes)`);
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

/** What {@link holdout} reads: the sizes, `shuffle` and `stratify`. */
export interface HoldoutOptions extends SizeOptions {
  shuffle?: boolean;
  stratify?: boolean;
}

/**
 * One train/test split of `input` by {@link sizes} (default test fraction `defaultTest`): without
 * `shuffle` the first nTrain samples train and the next nTest test; with it, the same cut of a
 * permutation drawn from `rng` (train and test are views of it, in random order); with
 * `stratify` (needs `shuffle`), {@link stratifiedDraw} on `input.y`.
 */
export function holdout(input: SplitInput, o: HoldoutOptions, rng: Rng, defaultTest: number): Fold {
  const n = samples(input);
  const [nTrain, nTest] = sizes(n, o, defaultTest);
  if (o.stratify) {
    if (!o.shuffle) fail('stratify', true, 'false without shuffle');
    const { codes, counts } = encode(input, 'y');
    return stratifiedDraw(codes, counts, nTrain, nTest, rng);
  }
  const p = o.shuffle ? rng.permutation(n) : range(0, n);
  return { train: p.subarray(0, nTrain), test: p.subarray(nTrain, nTrain + nTest) };
}
