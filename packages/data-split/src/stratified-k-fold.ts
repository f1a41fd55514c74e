import { cvParams, factory, kFoldFamily } from './internal';

/**
 * Stratified K-fold: like {@link kFoldSplitter}, but every test fold keeps the class proportions of
 * `y` (each class's count in a fold is `floor` or `ceil` of its size / k), and fold sizes differ by
 * at most one. Needs `input.y`.
 *
 * Defaults: `nSplits: 5`, `shuffle: false`, `seed: 0` (with `shuffle`, each class's fold labels are
 * permuted by lab's Rng). Errors: `nSplits < 2`, `nSplits > nSamples`, or every class smaller than
 * `nSplits`; when only some classes are smaller, a warning goes to `onWarning` (default
 * `console.warn`), as scikit-learn warns.
 *
 * Reference: scikit-learn 1.2 `StratifiedKFold`; R. Kohavi, "A study of cross-validation and
 * bootstrap for accuracy estimation and model selection", IJCAI 1995.
 *
 * @example
 * const y = [0, 0, 0, 0, 1, 1];
 * for (const { test } of stratifiedKFold({ nSplits: 2 }).split({ nSamples: 6, y })) console.log(test);
 * // [0, 1, 4], [2, 3, 5]
 */
export const stratifiedKFoldSplitter = /* @__PURE__ */ kFoldFamily('stratifiedKFold', 'K-fold keeping class proportions', cvParams, true);

/** {@link stratifiedKFoldSplitter} as a plain factory. */
export const stratifiedKFold = /* @__PURE__ */ factory(stratifiedKFoldSplitter);
