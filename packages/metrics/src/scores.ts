/**
 * @lab/metrics/scores: the metrics over scores or probabilities (top-k accuracy, ROC curve and AUC,
 * precision-recall curve, average precision, log loss, Brier score, calibration curve, hinge loss),
 * one-shot functions and their streaming definitions.
 */
// Score metrics: one-shot functions and their streaming definitions
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

// States
export type { SumsState } from './sums';
export type { ScoresState } from './score-state';
