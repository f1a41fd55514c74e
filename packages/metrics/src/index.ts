/**
 * @lab/metrics: label and regression metrics, one-shot functions and their streaming definitions.
 * The score metrics (ROC, PR curve, log loss, ...) are in `@lab/metrics/scores`, the plugin listing
 * every definition in `@lab/metrics/plugin`.
 */
// Label metrics: one-shot functions and their streaming definitions
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
export { balancedAccuracyScore, balancedAccuracyScoreMetric, matthewsCorrcoef, matthewsCorrcoefMetric, cohenKappaScore, cohenKappaScoreMetric } from './agreement';
export type { BalancedAccuracyOptions, CohenKappaOptions } from './agreement';
export { classificationReport, classificationReportMetric } from './classification-report';
export type { ClassificationReport, ClassificationReportOptions, ReportRow } from './classification-report';

// Regression metrics
export {
  meanSquaredError,
  meanSquaredErrorMetric,
  rootMeanSquaredError,
  rootMeanSquaredErrorMetric,
  meanAbsoluteError,
  meanAbsoluteErrorMetric,
  r2Score,
  r2ScoreMetric,
  explainedVarianceScore,
  explainedVarianceScoreMetric,
} from './regression';
export type { RegressionOptions, MseOptions, R2Options } from './regression';

// States and types
export type { CountsState } from './counts';
export type { RegressionState } from './regression';
export type { MetricDef } from './util';
export type * from './types';
