import { definePlugin } from '@lab/core';
import { accuracyScoreMetric, errorRateMetric, zeroOneLossMetric } from './accuracy';
import { balancedAccuracyScoreMetric, cohenKappaScoreMetric, matthewsCorrcoefMetric } from './agreement';
import { brierScoreLossMetric } from './brier';
import { calibrationCurveMetric } from './calibration';
import { classificationReportMetric } from './classification-report';
import { confusionMatrixMetric } from './confusion-matrix';
import { hingeLossMetric } from './hinge';
import { logLossMetric } from './log-loss';
import { averagePrecisionScoreMetric, precisionRecallCurveMetric } from './precision-recall';
import { f1ScoreMetric, fbetaScoreMetric, precisionRecallFscoreSupportMetric, precisionScoreMetric, recallScoreMetric } from './prf';
import {
  explainedVarianceScoreMetric,
  meanAbsoluteErrorMetric,
  meanSquaredErrorMetric,
  r2ScoreMetric,
  rootMeanSquaredErrorMetric,
} from './regression';
import { rocAucScoreMetric, rocCurveMetric } from './roc';
import { topKAccuracyScoreMetric } from './top-k';

/**
 * Every metric of this package as a plugin: `createRegistry().use(metricsPlugin)`, then
 * `registry.build('metric', { type: 'f1Score', average: 'macro' })`.
 */
export const metricsPlugin = /* @__PURE__ */ definePlugin({
  meta: { name: '@lab/metrics', version: '0.1.0' },
  metrics: [
    accuracyScoreMetric,
    errorRateMetric,
    zeroOneLossMetric,
    topKAccuracyScoreMetric,
    confusionMatrixMetric,
    precisionScoreMetric,
    recallScoreMetric,
    f1ScoreMetric,
    fbetaScoreMetric,
    precisionRecallFscoreSupportMetric,
    balancedAccuracyScoreMetric,
    matthewsCorrcoefMetric,
    cohenKappaScoreMetric,
    classificationReportMetric,
    rocCurveMetric,
    rocAucScoreMetric,
    precisionRecallCurveMetric,
    averagePrecisionScoreMetric,
    logLossMetric,
    brierScoreLossMetric,
    calibrationCurveMetric,
    hingeLossMetric,
    meanSquaredErrorMetric,
    rootMeanSquaredErrorMetric,
    meanAbsoluteErrorMetric,
    r2ScoreMetric,
    explainedVarianceScoreMetric,
  ],
});
