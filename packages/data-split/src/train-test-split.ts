import type { Fold, LabelArray, SplitInput } from '@lab/core';
import { countParam, def, factory, fail, resolve, rngOf, rounds, samples } from './internal';
import type { SeedOption } from './internal';
import { fractionParam, holdout, holdoutParams, sizeParams } from './sizes';
import type { SizeOptions } from './sizes';

/** Options of {@link trainTestSplit}: sizes (count or fraction), `shuffle`, `stratify`, `seed`. */
export interface TrainTestSplitOptions extends SizeOptions, SeedOption {
  /** Shuffle before splitting (default true); false takes the first nTrain samples, then nTest. */
  shuffle?: boolean;
  /** Keep the class proportions of `input.y` (default false; needs `shuffle`). */
  stratify?: boolean;
}

/**
 * Holdout train/test split as a splitter with one fold (for cross-validation code and the
 * registry); {@link trainTestSplit} is the same split as a plain function.
 *
 * Rule (scikit-learn's `train_test_split`): sizes from {@link SizeOptions}, `testFraction: 0.25`
 * when none is given; without shuffle the first nTrain samples train and the next nTest test; with
 * shuffle, a lab-Rng permutation gives train (its first nTrain) and test (the next nTest), in that
 * random order; with `stratify`, the split of {@link stratifiedShuffleSplitSplitter}.
 * Defaults: `shuffle: true`, `stratify: false`, `seed: 0`.
 *
 * Reference: scikit-learn 1.2 `train_test_split`.
 *
 * @example
 * const registry = createRegistry().use(dataSplitPlugin);
 * const [fold] = registry.build('splitter', { type: 'trainTestSplit', testSize: 2, shuffle: false }).split({ nSamples: 10 });
 * // fold.train = [0..7], fold.test = [8, 9]
 */
export const trainTestSplitSplitter = /* @__PURE__ */ def(
  'trainTestSplit',
  'One holdout train/test split',
  /* @__PURE__ */ sizeParams(holdoutParams),
  (o, input) => rounds(1, o, (rng) => [holdout(input, o, rng, 0.25)]),
  () => 1,
  'train_test_split',
);

const toInput = (data: number | SplitInput): SplitInput => (typeof data === 'number' ? { nSamples: data } : data);

/**
 * Split `data` (a sample count, or a {@link SplitInput} with `y` for `stratify`) into train and
 * test index arrays. See {@link trainTestSplitSplitter} for the rule and defaults.
 *
 * @example
 * trainTestSplit(10, { testSize: 3, shuffle: false }); // { train: [0..6], test: [7, 8, 9] }
 * trainTestSplit(100, { testFraction: 0.2, seed: 42 }); // 80 / 20, shuffled
 * trainTestSplit({ nSamples: 6, y: [0, 0, 0, 1, 1, 1] }, { testSize: 2, stratify: true }); // one of each class in test
 */
export const trainTestSplit = (data: number | SplitInput, options?: TrainTestSplitOptions): Fold => [...factory(trainTestSplitSplitter)(options).split(toInput(data))][0];

const valParams = {
  testSize: /* @__PURE__ */ countParam('test'),
  testFraction: /* @__PURE__ */ fractionParam('test'),
  valSize: /* @__PURE__ */ countParam('validation'),
  valFraction: /* @__PURE__ */ fractionParam('validation'),
  ...holdoutParams,
};

/** Options of {@link trainValTestSplit}: test and validation sizes as counts or fractions of all samples. */
export interface TrainValTestSplitOptions extends Omit<TrainTestSplitOptions, 'trainSize' | 'trainFraction'> {
  /** Validation set size as a count. */
  valSize?: number;
  /** Validation set size as a fraction of all samples, `nVal = ceil(valFraction * nSamples)`. */
  valFraction?: number;
}

/** The three index sets of {@link trainValTestSplit}. */
export interface TrainValTest {
  readonly train: Int32Array;
  readonly val: Int32Array;
  readonly test: Int32Array;
}

/**
 * Split into train, validation and test sets: first the test set is held out of all samples, then
 * the validation set out of the rest, both sizes counted against all samples (`testSize` /
 * `testFraction`, `valSize` / `valFraction`, each defaulting to a fraction of 0.2, so 60/20/20);
 * train is what remains. `shuffle` (default true), `stratify` (default false) and `seed` (default 0)
 * as in {@link trainTestSplit}. Not a splitter (a fold has two sets, this makes three).
 * Errors: the size errors of {@link sizes}, or a validation set that leaves no training sample.
 *
 * @example
 * const { train, val, test } = trainValTestSplit(10, { shuffle: false }); // 6 / 2 / 2
 */
export function trainValTestSplit(data: number | SplitInput, options?: TrainValTestSplitOptions): TrainValTest {
  const input = toInput(data);
  const n = samples(input);
  const o = resolve(valParams, options, 'trainValTestSplit');
  const rng = rngOf(o);
  const outer = holdout(input, o, rng, 0.2);
  const kept = outer.train;
  const nVal = o.valSize ?? Math.ceil((o.valFraction ?? 0.2) * n);
  if (nVal >= kept.length || (o.valSize && o.valFraction)) fail('valSize', nVal, `< ${kept.length} (left by the test set), without valFraction`);
  const y = input.y;
  const inner = holdout({ nSamples: kept.length, y: y && (Array.from(kept, (i) => y[i]) as LabelArray) }, { ...o, testSize: nVal, testFraction: undefined }, rng, 0);
  const back = (a: Int32Array) => a.map((i) => kept[i]);
  return { train: back(inner.train), val: back(inner.test), test: outer.test };
}
