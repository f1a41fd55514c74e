// Holdout splits
export { trainTestSplit } from './train-test-split';
export type { TrainTestSplitOptions } from './train-test-split';
export { trainValTestSplit } from './train-val-test-split';
export type { TrainValTestSplitOptions, TrainValTest } from './train-val-test-split';
export { sizes, approximateMode } from './sizes';
export type { SizeOptions } from './sizes';

// Cross-validation splitters (plain factories; their `defineSplitter` definitions and the plugin
// are in '@lab/data-split/plugin', so that code which only calls the factories does not ship them)
export { kFold } from './k-fold';
export { stratifiedKFold } from './stratified-k-fold';
export { repeatedKFold, repeatedStratifiedKFold } from './repeated';
export { groupKFold } from './group-k-fold';
export { stratifiedGroupKFold } from './stratified-group-k-fold';
export { leaveOneOut, leavePOut } from './leave-out';
export { shuffleSplit, stratifiedShuffleSplit } from './shuffle-split';
export { timeSeriesSplit } from './time-series-split';
export { predefinedSplit } from './predefined-split';
export { bootstrap } from './bootstrap';
export type { SeedOption, SplitterExtras } from './internal';
export type { FactoryOptions } from './options';

// Mini-batches and the training planner: '@lab/data-split/batches'
