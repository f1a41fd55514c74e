// Holdout splits
export { trainTestSplit } from './train-test-split';
export type { TrainTestSplitOptions } from './train-test-split';
export { sizes, approximateMode } from './sizes';
export type { SizeOptions } from './sizes';

// Cross-validation splitters (plain factories; their `defineSplitter` definitions and the plugin
// are in '@lab/data-split/plugin', so that code which only calls the factories does not ship them)
export { kFold } from './k-fold';
export { stratifiedKFold } from './stratified-k-fold';
export { repeatedKFold, repeatedStratifiedKFold } from './repeated';
export { leaveOneOut, leavePOut } from './leave-out';
export { shuffleSplit, stratifiedShuffleSplit } from './shuffle-split';
export { timeSeriesSplit } from './time-series-split';
export { predefinedSplit } from './predefined-split';
export { bootstrap } from './bootstrap';
export type { SeedOption, SplitterExtras } from './internal';
export type { FactoryOptions } from './options';

// Group K-fold splitters: '@lab/data-split/groups'
// Mini-batches, the training planner and trainValTestSplit: '@lab/data-split/batches'
