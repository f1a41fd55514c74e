import { kFoldFamily, repeatedParams } from './internal';
import { factory } from './options';
import { stratifiedLabels } from './stratified-k-fold';

/** {@link repeatedKFold}'s parts (its definition is `repeatedKFoldSplitter` in @lab/data-split/plugin). */
export const repeatedKFoldParts = /* @__PURE__ */ kFoldFamily('repeatedKFold', repeatedParams);

/** {@link repeatedStratifiedKFold}'s parts (its definition is `repeatedStratifiedKFoldSplitter` in @lab/data-split/plugin). */
export const repeatedStratifiedKFoldParts = /* @__PURE__ */ kFoldFamily('repeatedStratifiedKFold', repeatedParams, stratifiedLabels);

/**
 * Repeated K-fold: {@link kFold} with `shuffle: true`, `nRepeats` times, each repetition
 * drawing a new permutation from one Rng; yields `nSplits * nRepeats` folds, repetition by
 * repetition. Defaults: `nSplits: 5`, `nRepeats: 10`, `seed: 0`.
 *
 * Reference: scikit-learn 1.2 `RepeatedKFold`.
 *
 * @example
 * const cv = repeatedKFold({ nSplits: 2, nRepeats: 3, seed: 1 });
 * cv.nSplits({ nSamples: 10 }); // 6
 */
export const repeatedKFold = /* @__PURE__ */ factory(repeatedKFoldParts);
/**
 * Repeated stratified K-fold: {@link stratifiedKFold} with `shuffle: true`, `nRepeats`
 * times from one Rng. Defaults: `nSplits: 5`, `nRepeats: 10`, `seed: 0`. Errors and the warning as
 * for stratified K-fold (the warning is given once).
 *
 * Reference: scikit-learn 1.2 `RepeatedStratifiedKFold`.
 *
 * @example
 * const y = [0, 0, 0, 1, 1, 1];
 * [...repeatedStratifiedKFold({ nSplits: 3, nRepeats: 2 }).split({ nSamples: 6, y })].length; // 6
 */
export const repeatedStratifiedKFold = /* @__PURE__ */ factory(repeatedStratifiedKFoldParts);
