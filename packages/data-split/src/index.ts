// Holdout splits
export { trainTestSplit, trainTestSplitSplitter, trainValTestSplit } from './train-test-split';
export type { TrainTestSplitOptions, TrainValTestSplitOptions, TrainValTest } from './train-test-split';
export { sizes, approximateMode } from './sizes';
export type { SizeOptions } from './sizes';

// Cross-validation splitters (definitions and plain factories)
export { kFold, kFoldSplitter } from './k-fold';
export { stratifiedKFold, stratifiedKFoldSplitter } from './stratified-k-fold';
export { repeatedKFold, repeatedKFoldSplitter, repeatedStratifiedKFold, repeatedStratifiedKFoldSplitter } from './repeated';
export { groupKFold, groupKFoldSplitter } from './group-k-fold';
export { stratifiedGroupKFold, stratifiedGroupKFoldSplitter } from './stratified-group-k-fold';
export { leaveOneOut, leaveOneOutSplitter, leavePOut, leavePOutSplitter } from './leave-out';
export { shuffleSplit, shuffleSplitSplitter, stratifiedShuffleSplit, stratifiedShuffleSplitSplitter } from './shuffle-split';
export { timeSeriesSplit, timeSeriesSplitSplitter } from './time-series-split';
export { predefinedSplit, predefinedSplitSplitter } from './predefined-split';
export { bootstrap, bootstrapSplitter } from './bootstrap';
export type { FactoryOptions, SeedOption, SplitterExtras } from './internal';

// Mini-batches and the training planner
export { batches, epochRng } from './batches';
export type { BatchOptions, Regime } from './batches';
export { planTraining } from './plan';
export type { PlanInput, TrainingPlan } from './plan';

// Plugin
export { dataSplitPlugin } from './plugin';
