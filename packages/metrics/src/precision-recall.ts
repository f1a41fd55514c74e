import { posLabel1, posLabelParam } from './params';
import { binaryCurve, scoresMetric, type ScoresState } from './score-state';
import { posNeg, trapezoid, type CurveOptions } from './roc';
import type { Label, LabelArray } from './types';
import { classes, fail, metric, once, oneOf, warn } from './util';

const INTERPOLATIONS = ['step', 'trapezoid'] as const;

export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

function prCurve(s: ScoresState, o: CurveOptions): PrecisionRecallCurve {
  const { th, tps, fps } = binaryCurve(...posNeg(s, o.posLabel));
  const n = th.length;
  const last = tps[n - 1];
  if (!last) warn(o, 'No positive samples in yTrue: recall is 1');
  const precision = new Float64Array(n + 1);
  const recall = new Float64Array(n + 1);
  const thresholds = new Float64Array(n);
  // increasing thresholds, then the point (recall 0, precision 1)
  for (let i = 0; i < n; i++) {
    const j = n - 1 - i;
    precision[i] = tps[j] / (tps[j] + fps[j]) || 0;
    recall[i] = last ? tps[j] / last : 1;
    thresholds[i] = th[j];
  }
  precision[n] = 1;
  return { precision, recall, thresholds };
}

/**
 * Precision-recall pairs for each distinct score threshold t of binary scores:
 * `precision = TP(score >= t) / #(score >= t)`, `recall = TP(score >= t) / P`, in increasing
 * threshold order, ending with the point (recall 0, precision 1) that has no threshold.
 *
 * Defaults: `posLabel` = 1 for {0, 1} / {-1, 1} labels.
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
 *
 * @see sklearn.metrics.precision_recall_curve
 */
export const precisionRecallCurveMetric = /* @__PURE__ */ metric(
  'precisionRecallCurve',
  'Precision-recall curve',
  'precision_recall_curve',
  { posLabel: posLabelParam },
  (o: CurveOptions = {}) => scoresMetric((s) => prCurve(s, o)),
);

/** One-shot {@link precisionRecallCurveMetric}. */
export const precisionRecallCurve: (yTrue: LabelArray, probasPred: ArrayLike<number>, o?: CurveOptions) => PrecisionRecallCurve = /* @__PURE__ */ once(
  precisionRecallCurveMetric,
  'yScore',
);

export interface AveragePrecisionOptions extends CurveOptions {
  /** `'step'` (default, scikit-learn): `sum_n (R_n - R_{n-1}) P_n`; `'trapezoid'`: trapezoidal area under the PR curve. */
  interpolation?: 'step' | 'trapezoid';
}

/**
 * Average precision of binary scores: `AP = sum_n (R_n - R_{n-1}) P_n` over the thresholds of
 * the precision-recall curve (no interpolation; differs from the trapezoidal area, which is
 * optimistic — available as `interpolation: 'trapezoid'`).
 *
 * Defaults: `posLabel` = 1, `interpolation` = 'step'.
 *
 * @example
 * averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.833
 *
 * @see sklearn.metrics.average_precision_score; Davis & Goadrich, ICML 2006; Manning et al., Introduction to Information Retrieval, 2008, 8.4.
 */
export const averagePrecisionScoreMetric = /* @__PURE__ */ metric(
  'averagePrecisionScore',
  'Average precision',
  'average_precision_score',
  { posLabel: posLabel1, interpolation: { kind: 'enum', values: INTERPOLATIONS, default: 'step', description: 'step sum or trapezoid' } },
  (o: AveragePrecisionOptions = {}) => {
    const trap = oneOf('interpolation', o.interpolation ?? 'step', INTERPOLATIONS) === 'trapezoid';
    const posLabel: Label = o.posLabel ?? 1;
    return scoresMetric((s) => {
      const c = classes(s);
      if (c.length > 2) fail('yTrue', c, 'binary labels');
      if (c.length === 2 && !c.includes(posLabel)) fail('posLabel', posLabel, `one of ${c.join(', ')}`);
      const { precision: p, recall: r } = prCurve(s, { ...o, posLabel });
      if (trap) return -trapezoid(r, p);
      let ap = 0;
      for (let i = 0; i + 1 < r.length; i++) ap -= (r[i + 1] - r[i]) * p[i];
      return ap;
    });
  },
);

/** One-shot {@link averagePrecisionScoreMetric}. */
export const averagePrecisionScore: (yTrue: LabelArray, yScore: ArrayLike<number>, o?: AveragePrecisionOptions) => number = /* @__PURE__ */ once(
  averagePrecisionScoreMetric,
  'yScore',
);
