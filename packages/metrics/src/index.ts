// Label metrics
export { accuracyScore, accuracyScoreMetric, zeroOneLoss, zeroOneLossMetric, errorRate, errorRateMetric } from './accuracy';
export type { AccuracyOptions } from './accuracy';
export { confusionMatrix, confusionMatrixMetric } from './confusion-matrix';
export type { ConfusionMatrixOptions } from './confusion-matrix';
export {
  precisionRecallFscoreSupport,
  precisionRecallFscoreSupportMetric,
  precisionScore,
  precisionScoreMetric,
  recallScore,
  recallScoreMetric,
  f1Score,
  f1ScoreMetric,
  fbetaScore,
  fbetaScoreMetric,
} from './prf';
export type { PrfOptions, FbetaOptions, PrfResult } from './prf';

// Types
export type * from './types';
