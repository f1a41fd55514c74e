// Types
export type * from './types';

// Models
export { createModel, Model } from './models';
export { fitLeastSquares } from './least-squares';
export type { LeastSquaresOptions } from './least-squares';

// Training and evaluation
export { fit, monitorMode } from './fit';
export { evaluate, predict } from './evaluate';
export type { EvaluateOptions } from './evaluate';

// Checkpoints as bytes (files: '@lab/train/node')
export { encodeCheckpoint, decodeCheckpoint } from './checkpoint';

// Cross-validation and hyper-parameter search
export { crossValidate } from './cross-validate';
export type { CvOptions, CvResult, FoldScores } from './cross-validate';
export { gridSearch, randomSearch, applyCandidate } from './search';
export type { Candidate, SearchOptions, SearchRow, SearchResult, GridSearchOptions, RandomSearchOptions, Distribution } from './search';
export { runJob } from './job';
export type { TrainJob, JobResult, Executor } from './job';

// Bias-variance
export { biasVariance, biasVarianceCurve } from './bias-variance';
export type { BiasVarianceOptions, BiasVarianceResult, BiasVarianceCurveOptions, BiasVarianceCurve } from './bias-variance';

// Learning rate
export { lrRangeTest, linearScalingRule } from './lr-range-test';
export type { LrRangeTestOptions, LrRangeTestResult } from './lr-range-test';

// Registry of every built-in definition
export { defaultRegistry, isPlugin, pluginOf, registryWithPlugins } from './registry';
