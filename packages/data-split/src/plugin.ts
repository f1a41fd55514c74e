/**
 * `@lab/data-split/plugin`: the splitters of `@lab/data-split` as `defineSplitter` definitions
 * (name, meta, params spec, create) and all of them as one plugin, `dataSplitPlugin`. A separate
 * entry point so that code that only calls the factories does not ship the descriptions and docs
 * links. Each definition shares its params spec and `create` with the plain factory of the same
 * name in `@lab/data-split` (see its TSDoc for the rule, defaults, errors and reference).
 *
 * The two group splitters follow their factories: their definitions and `groupSplitPlugin` are in
 * `@lab/data-split/groups-plugin`, so that a registry without group splits does not ship their
 * fold-balancing code. `createRegistry().use(dataSplitPlugin).use(groupSplitPlugin)` has all 14.
 */
import { bootstrapParts } from './bootstrap';
import { define, splitterPlugin } from './internal';
import { kFoldParts } from './k-fold';
import { leaveOneOutParts, leavePOutParts } from './leave-out';
import { predefinedSplitParts } from './predefined-split';
import { repeatedKFoldParts, repeatedStratifiedKFoldParts } from './repeated';
import { shuffleSplitParts, stratifiedShuffleSplitParts } from './shuffle-split';
import { stratifiedKFoldParts } from './stratified-k-fold';
import { timeSeriesSplitParts } from './time-series-split';
import { trainTestSplitParts } from './train-test-split';

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
 * The 12 splitters of `@lab/data-split` as a plugin: `createRegistry().use(dataSplitPlugin)`, then
 * `registry.build('splitter', { type: 'kFold', nSplits: 5 })`. Add `groupSplitPlugin` (from
 * `@lab/data-split/groups-plugin`) for `groupKFold` and `stratifiedGroupKFold`.
 */
export const dataSplitPlugin = /* @__PURE__ */ splitterPlugin('@lab/data-split', [
  trainTestSplitSplitter,
  kFoldSplitter,
  stratifiedKFoldSplitter,
  repeatedKFoldSplitter,
  repeatedStratifiedKFoldSplitter,
  leaveOneOutSplitter,
  leavePOutSplitter,
  shuffleSplitSplitter,
  stratifiedShuffleSplitSplitter,
  timeSeriesSplitSplitter,
  predefinedSplitSplitter,
  bootstrapSplitter,
]);
