import { factory, kFoldFamily, repeatedParams } from './internal';
import { stratifiedLabels } from './stratified-k-fold';

/**
 * Repeated K-fold: {@link kFoldSplitter} with `shuffle: true`, `nRepeats` times, each repetition
 * drawing a new permutation from one Rng; yields `nSplits * nRepeats` folds, repetition by
 * repetition. Defaults: `nSplits: 5`, `nRepeats: 10`, `seed: 0`.
 *
 * Reference: scikit-learn 1.2 `RepeatedKFold`.
 *
 * @example
 * const cv = repeatedKFold({ nSplits: 2, nRepeats: 3, seed: 1 });
 * cv.nSplits({ nSamples: 10 }); // 6
 */
export const repeatedKFoldSplitter = /* @__PURE__ */ kFoldFamily('repeatedKFold', 'K-fold reshuffled each repeat', repeatedParams);

/**
 * Repeated stratified K-fold: {@link stratifiedKFoldSplitter} with `shuffle: true`, `nRepeats`
 * times from one Rng. Defaults: `nSplits: 5`, `nRepeats: 10`, `seed: 0`. Errors and the warning as
 * for stratified K-fold (the warning is given once).
 *
 * Reference: scikit-learn 1.2 `RepeatedStratifiedKFold`.
 *
 * @example
 * const y = [0, 0, 0, 1, 1, 1];
 * [...repeatedStratifiedKFold({ nSplits: 3, nRepeats: 2 }).split({ nSamples: 6, y })].length; // 6
 */
export const repeatedStratifiedKFoldSplitter = /* @__PURE__ */ kFoldFamily('repeatedStratifiedKFold', 'Stratified K-fold reshuffled each repeat', repeatedParams, stratifiedLabels);

/** {@link repeatedKFoldSplitter} as a plain factory. */
export const repeatedKFold = /* @__PURE__ */ factory(repeatedKFoldSplitter);
/** {@link repeatedStratifiedKFoldSplitter} as a plain factory. */
export const repeatedStratifiedKFold = /* @__PURE__ */ factory(repeatedStratifiedKFoldSplitter);
