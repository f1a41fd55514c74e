/**
 * `@lab/data-split/plugin`: every splitter as a `defineSplitter` definition (name, meta, params
 * spec, create) and all of them as one plugin. A separate entry point so that code that only calls
 * the factories does not ship the descriptions and docs links. Each definition shares its params
 * spec and `create` with the plain factory of the same name in `@lab/data-split` (see its TSDoc for
 * the rule, defaults, errors and reference).
 */
import { definePlugin, defineSplitter } from '@lab/core';
import type { ParamsSpec } from '@lab/core';
import { bootstrapParts } from './bootstrap';
import { groupKFoldParts } from './group-k-fold';
import type { SplitterParts } from './internal';
import { kFoldParts } from './k-fold';
import { leaveOneOutParts, leavePOutParts } from './leave-out';
import { predefinedSplitParts } from './predefined-split';
import { repeatedKFoldParts, repeatedStratifiedKFoldParts } from './repeated';
import { shuffleSplitParts, stratifiedShuffleSplitParts } from './shuffle-split';
import { stratifiedGroupKFoldParts } from './stratified-group-k-fold';
import { stratifiedKFoldParts } from './stratified-k-fold';
import { timeSeriesSplitParts } from './time-series-split';
import { trainTestSplitParts } from './train-test-split';

/**
 * A definition from a splitter's parts: its description, and the scikit-learn 1.2 page after
 * `sklearn.` (default: `model_selection.` and the class of the same name).
 */
const define = <const S extends ParamsSpec>(p: SplitterParts<S>, description: string, page = `model_selection.${p.name[0].toUpperCase()}${p.name.slice(1)}`) =>
  defineSplitter({ ...p, meta: { description, docsUrl: `https://scikit-learn.org/1.2/modules/generated/sklearn.${page}.html` } });

/**
 * `trainTestSplit` (one holdout train/test split) as a splitter with one fold, for
 * cross-validation code and registries.
 *
 * @example
 * const registry = createRegistry().use(dataSplitPlugin);
 * const [fold] = registry.build('splitter', { type: 'trainTestSplit', testSize: 2, shuffle: false }).split({ nSamples: 10 });
 * // fold.train = [0..7], fold.test = [8, 9]
 */
export const trainTestSplitSplitter = /* @__PURE__ */ define(trainTestSplitParts, 'One holdout train/test split', 'model_selection.train_test_split');
/** `kFold` (K-fold cross-validation) as a definition. */
export const kFoldSplitter = /* @__PURE__ */ define(kFoldParts, 'K-fold cross-validation');
/** `stratifiedKFold` as a definition. */
export const stratifiedKFoldSplitter = /* @__PURE__ */ define(stratifiedKFoldParts, 'K-fold keeping class proportions');
/** `repeatedKFold` as a definition. */
export const repeatedKFoldSplitter = /* @__PURE__ */ define(repeatedKFoldParts, 'K-fold reshuffled each repeat');
/** `repeatedStratifiedKFold` as a definition. */
export const repeatedStratifiedKFoldSplitter = /* @__PURE__ */ define(repeatedStratifiedKFoldParts, 'Stratified K-fold reshuffled each repeat');
/** `groupKFold` as a definition. */
export const groupKFoldSplitter = /* @__PURE__ */ define(groupKFoldParts, 'K-fold with non-overlapping groups');
/** `stratifiedGroupKFold` as a definition. */
export const stratifiedGroupKFoldSplitter = /* @__PURE__ */ define(stratifiedGroupKFoldParts, 'Group K-fold keeping class proportions');
/** `leaveOneOut` as a definition. */
export const leaveOneOutSplitter = /* @__PURE__ */ define(leaveOneOutParts, 'Each sample tests once');
/** `leavePOut` as a definition. */
export const leavePOutSplitter = /* @__PURE__ */ define(leavePOutParts, 'Each p-subset tests once');
/** `shuffleSplit` as a definition. */
export const shuffleSplitSplitter = /* @__PURE__ */ define(shuffleSplitParts, 'Random train/test splits');
/** `stratifiedShuffleSplit` as a definition. */
export const stratifiedShuffleSplitSplitter = /* @__PURE__ */ define(stratifiedShuffleSplitParts, 'Random splits keeping class proportions');
/** `timeSeriesSplit` as a definition. */
export const timeSeriesSplitSplitter = /* @__PURE__ */ define(timeSeriesSplitParts, 'Forward-chaining time-series folds');
/** `predefinedSplit` as a definition. */
export const predefinedSplitSplitter = /* @__PURE__ */ define(predefinedSplitParts, 'Folds from a test fold id per sample');
/** `bootstrap` (resampling with replacement, tested out-of-bag) as a definition; docs link: scikit-learn's `resample`. */
export const bootstrapSplitter = /* @__PURE__ */ define(bootstrapParts, 'Resampling, testing out-of-bag', 'utils.resample');

/**
 * Every splitter of @lab/data-split as a plugin: `createRegistry().use(dataSplitPlugin)`, then
 * `registry.build('splitter', { type: 'kFold', nSplits: 5 })`.
 */
export const dataSplitPlugin = /* @__PURE__ */ definePlugin({
  meta: { name: '@lab/data-split', version: '0.1.0' },
  splitters: [
    trainTestSplitSplitter,
    kFoldSplitter,
    stratifiedKFoldSplitter,
    repeatedKFoldSplitter,
    repeatedStratifiedKFoldSplitter,
    groupKFoldSplitter,
    stratifiedGroupKFoldSplitter,
    leaveOneOutSplitter,
    leavePOutSplitter,
    shuffleSplitSplitter,
    stratifiedShuffleSplitSplitter,
    timeSeriesSplitSplitter,
    predefinedSplitSplitter,
    bootstrapSplitter,
  ],
});
