import { labelsParam, normalizeParam } from './params';
import { sumsMetric, total } from './sums';
import type { Label, LabelArray, Rows, SampleWeight } from './types';
import { classes, fail, labelList, metric, once, scoreClasses, sortLabels, sum } from './util';

export interface LogLossOptions {
  /** Clip probabilities to [eps, 1 - eps]; `'auto'` (default) is the float64 machine epsilon. */
  eps?: number | 'auto';
  normalize?: boolean;
  /** All classes (sorted here); needed when yTrue does not contain every column's class. */
  labels?: readonly Label[] | null;
  sampleWeight?: SampleWeight;
}

/**
 * Log loss (cross-entropy) of predicted probabilities: `-sum_i w_i log p_i[y_i] / sum_i w_i`.
 * `yPred` is one probability of the greater class per sample (binary) or rows of class
 * probabilities in sorted label order. As scikit-learn 1.2, probabilities are clipped to
 * [eps, 1 - eps] and each row renormalised. Rows that do not sum to 1 (beyond
 * `1e-8 + sqrt(eps64) * sum`) and values outside [0, 1] are an error, not silently rescaled.
 *
 * Defaults: `eps` = 'auto', `normalize` = true, `labels` = labels of yTrue.
 *
 * @example
 * logLoss(['spam', 'ham', 'ham', 'spam'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]); // 0.216
 *
 * @see sklearn.metrics.log_loss; Bishop, Pattern Recognition and Machine Learning, 2006, 4.3.4.
 */
export const logLossMetric = /* @__PURE__ */ metric(
  'logLoss',
  'Log loss (cross-entropy)',
  'log_loss',
  {
    eps: { kind: 'number', optional: true, min: 0, max: 0.5, description: 'clip to [eps, 1 - eps]' },
    normalize: normalizeParam,
    labels: labelsParam,
  },
  (o: LogLossOptions = {}) => {
    const eps = o.eps === undefined || o.eps === 'auto' ? Number.EPSILON : o.eps;
    if (!(eps >= 0 && eps < 0.5)) fail('eps', o.eps, "'auto' or a number in [0, 0.5)");
    const labels = labelList(o.labels);
    const clip = (p: number) => Math.min(Math.max(p, eps), 1 - eps);
    return sumsMetric(
      (s) => {
        const c = scoreClasses(classes(s), labels && sortLabels(labels), s.width === 1 ? 2 : s.width, 'yPred');
        const loss = total(s, (l, v) => v[c.indexOf(l)]);
        return o.normalize === false ? loss : loss / s.w;
      },
      (m) => (m === 1 ? 2 : m),
      (x, at, m, out) => {
        if (m === 1) {
          const q = clip(x[at]);
          const z = 1 - q + q;
          return out.set([-Math.log((1 - q) / z), -Math.log(q / z)]);
        }
        const row = x.subarray(at, at + m);
        const raw = sum(row);
        const z = sum(row.map(clip));
        if (Math.abs(raw - 1) > 1e-8 + Math.sqrt(Number.EPSILON) * raw) fail(`yPred[${at / m}]`, row, `probabilities that sum to 1 (sum ${raw})`);
        for (let c = 0; c < m; c++) out[c] = -Math.log(clip(row[c]) / z);
      },
      'yPred',
      [0, 1],
    );
  },
);

/** One-shot {@link logLossMetric}. */
export const logLoss: (yTrue: LabelArray, yPred: ArrayLike<number> | Rows, o?: LogLossOptions) => number = /* @__PURE__ */ once(logLossMetric, 'yScore');
