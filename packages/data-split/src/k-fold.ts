import { cvParams, kFoldFamily } from './internal';
import { factory } from './options';

/** {@link kFold}'s parts (its definition is `kFoldSplitter` in @lab/data-split/plugin). */
export const kFoldParts = /* @__PURE__ */ kFoldFamily('kFold', cvParams);

/**
 * K-fold cross-validation. The samples are cut into `nSplits` consecutive folds; each fold is the
 * test set once and the other folds form the training set. Fold sizes follow scikit-learn: the
 * first `n % k` folds have `floor(n / k) + 1` samples, the others `floor(n / k)`.
 *
 * Defaults: `nSplits: 5`, `shuffle: false`, `seed: 0`. With `shuffle: true` the samples are
 * assigned to the folds by lab's seeded Rng (so the folds differ from numpy's permutation, but
 * are reproducible for a seed); test indices are returned in ascending order.
 * Errors: `nSplits < 2` or `nSplits > nSamples`.
 *
 * Reference: scikit-learn 1.2 `KFold`; M. Stone, "Cross-validatory choice and assessment of
 * statistical predictions", JRSS B, 1974.
 *
 * @example
 * for (const { train, test } of kFold({ nSplits: 3 }).split({ nSamples: 10 })) console.log(train, test);
 * // test folds: [0..3], [4..6], [7..9]
 */
export const kFold = /* @__PURE__ */ factory(kFoldParts);
