import { nSplitsParam, parts, rounds, seedParam } from './internal';
import { factory } from './options';
import { holdout, sizeParams } from './sizes';

const params = /* @__PURE__ */ sizeParams({ nSplits: /* @__PURE__ */ nSplitsParam(10, 1), seed: seedParam });

/** A shuffle split's parts: `nSplits` holdouts (stratified or not) from one Rng. */
const shuffleSplits = (name: string, stratify: boolean) =>
  parts(name, params, (o, input) => rounds(o.nSplits, o, (rng) => [holdout(input, { ...o, shuffle: true, stratify }, rng, 0.1)]));

/** {@link shuffleSplit}'s parts (its definition is `shuffleSplitSplitter` in @lab/data-split/plugin). */
export const shuffleSplitParts = /* @__PURE__ */ shuffleSplits('shuffleSplit', false);

/** {@link stratifiedShuffleSplit}'s parts (its definition is `stratifiedShuffleSplitSplitter` in @lab/data-split/plugin). */
export const stratifiedShuffleSplitParts = /* @__PURE__ */ shuffleSplits('stratifiedShuffleSplit', true);

/**
 * Shuffle split (Monte Carlo cross-validation): `nSplits` independent random train/test splits.
 * Each draws a permutation from lab's Rng; its first `nTrain` entries are the training set and the
 * next `nTest` the test set (in that random order; train and test may leave samples out).
 *
 * Defaults: `nSplits: 10`, `seed: 0`, sizes from {@link SizeOptions} (`testSize` / `testFraction`,
 * `trainSize` / `trainFraction`), `testFraction: 0.1` when none is given. Errors: see {@link sizes}.
 *
 * Reference: scikit-learn 1.2 `ShuffleSplit`.
 *
 * @example
 * for (const { train, test } of shuffleSplit({ nSplits: 3, testFraction: 0.2, seed: 7 }).split({ nSamples: 10 }))
 *   console.log(train.length, test.length); // 8 2, three times
 */
export const shuffleSplit = /* @__PURE__ */ factory(shuffleSplitParts);
/**
 * Stratified shuffle split: like {@link shuffleSplit}, but each split keeps the class
 * proportions of `input.y`: every class gives train and test the approximate mode of the
 * multivariate hypergeometric (each within one sample of its proportional share).
 *
 * Defaults: `nSplits: 10`, `seed: 0`, `testFraction: 0.1` when no size is given. Errors: a class
 * with one member, fewer train or test samples than classes, the size errors of {@link sizes}.
 *
 * Reference: scikit-learn 1.2 `StratifiedShuffleSplit`.
 *
 * @example
 * const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
 * const [{ test }] = stratifiedShuffleSplit({ nSplits: 1, testSize: 5 }).split({ nSamples: 10, y });
 * // test holds 3 samples of class 0 and 2 of class 1
 */
export const stratifiedShuffleSplit = /* @__PURE__ */ factory(stratifiedShuffleSplitParts);
