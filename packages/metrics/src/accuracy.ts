import { normalizeParam } from './params';
import { countsMetric, view, type CountsState } from './counts';
import type { LabelArray, Rows, SampleWeight } from './types';
import { metric, run } from './util';

export interface AccuracyOptions {
  /** Return the fraction (default true) or the weighted count. */
  normalize?: boolean;
  sampleWeight?: SampleWeight;
}

/** Weight of exactly matching samples (multi-label: the whole label set must match). */
function correct(s: CountsState): number {
  const v = view(s);
  if (s.nOut) {
    let c = 0;
    for (const [key, w] of Object.entries(s.rows)) {
      const [tp, np, nt] = key.split(',');
      if (tp === np && np === nt) c += w;
    }
    return c;
  }
  return v.present.reduce((c: number, l) => c + v.at(l, l), 0);
}

/**
 * Accuracy: `sum_i w_i [yPred_i = yTrue_i] / sum_i w_i` (subset accuracy for multi-label rows).
 * With `normalize: false`, the weighted count of correct samples.
 *
 * Defaults: `normalize` = true.
 *
 * @example
 * accuracyScore([0, 1, 2, 3], [0, 2, 1, 3]); // 0.5
 *
 * @see sklearn.metrics.accuracy_score
 */
export const accuracyScoreMetric = /* @__PURE__ */ metric(
  'accuracyScore',
  'Accuracy: fraction (or count) of correct predictions',
  'metrics.accuracy_score',
  { normalize: normalizeParam },
  ({ normalize = true }: AccuracyOptions = {}) => countsMetric((s) => (normalize ? correct(s) / s.n : correct(s))),
);

/** One-shot {@link accuracyScoreMetric}. */
export const accuracyScore = (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o: AccuracyOptions = {}): number =>
  run(accuracyScoreMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });

/**
 * Zero-one loss: `1 - accuracy` (with `normalize: false`, the weighted count of wrong samples).
 *
 * Defaults: `normalize` = true.
 *
 * @example
 * zeroOneLoss([0, 1, 2, 3], [0, 2, 1, 3]); // 0.5
 *
 * @see sklearn.metrics.zero_one_loss
 */
export const zeroOneLossMetric = /* @__PURE__ */ metric(
  'zeroOneLoss',
  'Zero-one loss: fraction (or count) of wrong predictions',
  'metrics.zero_one_loss',
  { normalize: normalizeParam },
  ({ normalize = true }: AccuracyOptions = {}) => countsMetric((s) => (normalize ? 1 - correct(s) / s.n : s.n - correct(s))),
);

/** One-shot {@link zeroOneLossMetric}. */
export const zeroOneLoss = (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o: AccuracyOptions = {}): number =>
  run(zeroOneLossMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });

/**
 * Error rate: the fraction of wrong predictions, `1 - accuracy` (zero-one loss, normalised).
 *
 * @example
 * errorRate([0, 1, 2, 3], [0, 2, 1, 3]); // 0.5
 *
 * @see sklearn.metrics.zero_one_loss
 */
export const errorRateMetric = /* @__PURE__ */ metric('errorRate', 'Error rate: fraction of wrong predictions', 'metrics.zero_one_loss', {}, (o: { sampleWeight?: SampleWeight } = {}) =>
  zeroOneLossMetric.create({ ...o, normalize: true }),
);

/** One-shot {@link errorRateMetric}. */
export const errorRate = (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o: { sampleWeight?: SampleWeight } = {}): number =>
  zeroOneLoss(yTrue, yPred, { ...o, normalize: true });
