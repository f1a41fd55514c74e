import type { SplitInput } from '@lab/core';
import { cvParams, encode, fail, kFoldFamily } from './internal';
import { factory } from './options';
import type { Encoded, SplitterExtras } from './internal';

/**
 * The classes of `y` in order of first appearance (scikit-learn 1.2's StratifiedKFold), or in
 * sorted order when `sorted` (its StratifiedGroupKFold), checked against `k` as scikit-learn does:
 * an error when every class is smaller than k, a warning (to `onWarning`, default `console.warn`)
 * when the smallest one is.
 */
export const stratifiedLabels = (input: SplitInput, k: number, o: SplitterExtras, sorted?: boolean): Encoded => {
  const y = encode(input, 'y', !sorted);
  const max = Math.max(...y.counts);
  const min = Math.min(...y.counts);
  if (max < k) fail('nSplits', k, `<= ${max} (the largest class)`);
  if (min < k) (o.onWarning ?? console.warn)(`the smallest class in y has ${min} members, fewer than nSplits=${k}`);
  return y;
};

/** {@link stratifiedKFold}'s parts (its definition is `stratifiedKFoldSplitter` in @lab/data-split/plugin). */
export const stratifiedKFoldParts = /* @__PURE__ */ kFoldFamily('stratifiedKFold', cvParams, stratifiedLabels);

/**
 * Stratified K-fold: like {@link kFold}, but every test fold keeps the class proportions of
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
export const stratifiedKFold = /* @__PURE__ */ factory(stratifiedKFoldParts);
