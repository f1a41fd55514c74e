import type { Fold, SplitInput } from '@lab/core';
import { parts, rounds } from './internal';
import type { SeedOption } from './internal';
import { factory } from './options';
import { holdout, holdoutParams, sizeParams } from './sizes';
import type { SizeOptions } from './sizes';

/** Options of {@link trainTestSplit}: sizes (count or fraction), `shuffle`, `stratify`, `seed`. */
export interface TrainTestSplitOptions extends SizeOptions, SeedOption {
  /** Shuffle before splitting (default true); false takes the first nTrain samples, then nTest. */
  shuffle?: boolean;
  /** Keep the class proportions of `input.y` (default false; needs `shuffle`). */
  stratify?: boolean;
}

/** {@link trainTestSplit}'s parts: one holdout as a splitter of one fold (its definition is `trainTestSplitSplitter` in @lab/data-split/plugin). */
export const trainTestSplitParts = /* @__PURE__ */ parts('trainTestSplit', /* @__PURE__ */ sizeParams(holdoutParams), (o, input) => rounds(1, o, (rng) => [holdout(input, o, rng, 0.25)]), () => 1);

/** A sample count as a {@link SplitInput}. */
export const toInput = (data: number | SplitInput): SplitInput => (typeof data === 'number' ? { nSamples: data } : data);

/**
 * Split `data` (a sample count, or a {@link SplitInput} with `y` for `stratify`) into train and
 * test index arrays.
 *
 * Rule (scikit-learn's `train_test_split`): sizes from {@link SizeOptions}, `testFraction: 0.25`
 * when none is given; without shuffle the first nTrain samples train and the next nTest test; with
 * shuffle, a lab-Rng permutation gives train (its first nTrain) and test (the next nTest), in that
 * random order; with `stratify`, the split of {@link stratifiedShuffleSplit}.
 * Defaults: `shuffle: true`, `stratify: false`, `seed: 0`. As a splitter of one fold (for
 * cross-validation code and registries): `trainTestSplitSplitter` in `@lab/data-split/plugin`.
 *
 * Reference: scikit-learn 1.2 `train_test_split`.
 *
 * @example
 * trainTestSplit(10, { testSize: 3, shuffle: false }); // { train: [0..6], test: [7, 8, 9] }
 * trainTestSplit(100, { testFraction: 0.2, seed: 42 }); // 80 / 20, shuffled
 * trainTestSplit({ nSamples: 6, y: [0, 0, 0, 1, 1, 1] }, { testSize: 2, stratify: true }); // one of each class in test
 */
export const trainTestSplit = (data: number | SplitInput, options?: TrainTestSplitOptions): Fold => [...factory(trainTestSplitParts)(options).split(toInput(data))][0];

