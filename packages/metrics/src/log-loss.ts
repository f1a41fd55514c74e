import { InvalidArgumentError } from '@lab/core';
import { labelsParam, normalizeParam } from './params';
import { sumsInit, sumsMerge, sumsUpdate, total, type SumsState } from './sums';
import { scoreClasses } from './top-k';
import type { Label, LabelArray, Rows, ScoreBatch, SampleWeight } from './types';
import { fail, labelList, metric, run, sortLabels } from './util';

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
  'Log loss (cross-entropy) of predicted probabilities',
  'metrics.log_loss',
  {
    eps: { kind: 'number', optional: true, min: 0, max: 0.5, description: 'clip probabilities to [eps, 1 - eps] (default: machine epsilon)' },
    normalize: normalizeParam,
    labels: labelsParam,
  },
  (o: LogLossOptions = {}) => {
    const eps = o.eps === undefined || o.eps === 'auto' ? Number.EPSILON : o.eps;
    if (!(eps >= 0 && eps < 0.5)) fail('eps', o.eps, "'auto' or a number in [0, 0.5)");
    const labels = labelList(o.labels);
    const clip = (p: number) => Math.min(Math.max(p, eps), 1 - eps);
    return {
      init: sumsInit,
      merge: sumsMerge,
      update: (s: SumsState, b: ScoreBatch) =>
        sumsUpdate(
          s,
          b,
          (m) => (m === 1 ? 2 : m),
          (x, at, m, out) => {
            if (m === 1) {
              const q = clip(x[at]);
              const z = 1 - q + q;
              return void out.set([-Math.log((1 - q) / z), -Math.log(q / z)]);
            }
            let raw = 0;
            let z = 0;
            for (let c = 0; c < m; c++) {
              raw += x[at + c];
              z += clip(x[at + c]);
            }
            if (Math.abs(raw - 1) > 1e-8 + Math.sqrt(Number.EPSILON) * raw)
              throw new InvalidArgumentError(`yPred[${at / m}]`, Array.from(x.subarray(at, at + m)), `probabilities that sum to 1 (sum ${raw})`);
            for (let c = 0; c < m; c++) out[c] = -Math.log(clip(x[at + c]) / z);
          },
          [0, 1],
          'yPred',
        ),
      compute(s: SumsState): number {
        const classes = scoreClasses(s, labels && sortLabels(labels));
        if (classes.length < 2) fail(labels ? 'labels' : 'yTrue', classes, 'at least two classes (pass all labels)');
        const n = s.width === 1 ? 2 : s.width;
        if (classes.length !== n) fail(labels ? 'labels' : 'yTrue', classes, `${n} classes, one per yPred column`);
        const loss = total(s, (l, v) => v[classes.indexOf(l)]);
        return o.normalize === false ? loss : loss / s.w;
      },
    };
  },
);

/** One-shot {@link logLossMetric}. */
export const logLoss = (yTrue: LabelArray, yPred: ArrayLike<number> | Rows, o: LogLossOptions = {}): number =>
  run(logLossMetric.create(o), { yTrue, yScore: yPred, sampleWeight: o.sampleWeight });
