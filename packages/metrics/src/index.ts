// Plugin: every metric definition, for a registry
export { metricsPlugin } from './plugin';

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

// Score metrics
export { topKAccuracyScore, topKAccuracyScoreMetric } from './top-k';
export type { TopKOptions } from './top-k';
export { rocCurve, rocCurveMetric, rocAucScore, rocAucScoreMetric } from './roc';
export type { RocCurve, RocCurveOptions, RocAucOptions, CurveOptions } from './roc';
export { precisionRecallCurve, precisionRecallCurveMetric, averagePrecisionScore, averagePrecisionScoreMetric } from './precision-recall';
export type { PrecisionRecallCurve, AveragePrecisionOptions } from './precision-recall';
export { logLoss, logLossMetric } from './log-loss';
export type { LogLossOptions } from './log-loss';
export { brierScoreLoss, brierScoreLossMetric } from './brier';
export type { BrierOptions } from './brier';
export { calibrationCurve, calibrationCurveMetric } from './calibration';
export type { CalibrationCurveOptions } from './calibration';
export { hingeLoss, hingeLossMetric } from './hinge';
export type { HingeLossOptions } from './hinge';

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
export type { SumsState } from './sums';
export type { ScoresState } from './scores';
export type { RegressionState } from './regression';
export type { MetricDef } from './util';
export type * from './types';
