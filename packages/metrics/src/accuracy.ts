import { normalizeParam } from './params';
import { countsMetric, type CountsState } from './counts';
import type { LabelArray, Rows, SampleWeight } from './types';
import { metric, once } from './util';

export interface AccuracyOptions {
  /** Return the fraction (default true) or the weighted count. */
  normalize?: boolean;
  sampleWeight?: SampleWeight;
}

/** Weight of exactly matching samples (multi-label: the whole label set must match). */
function correct(s: CountsState, v: { present: unknown[]; at(a: unknown, b: unknown): number }): number {
  let c = 0;
  if (s.nOut) {
    for (const key in s.rows) {
      const [tp, np, nt] = key.split(',');
      if (tp === np && np === nt) c += s.rows[key];
    }
  } else for (const l of v.present) c += v.at(l, l);
  return c;
}

const accuracyLike = (name: string, description: string, ref: string, wrong: boolean) =>
  metric(name, description, ref, { normalize: normalizeParam }, ({ normalize = true }: AccuracyOptions = {}) =>
    countsMetric((s, v) => {
      const c = correct(s, v);
      return wrong ? (normalize ? 1 - c / s.n : s.n - c) : normalize ? c / s.n : c;
    }),
  );

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
export const accuracyScoreMetric = /* @__PURE__ */ accuracyLike('accuracyScore', 'Accuracy', 'accuracy_score', false);

/** One-shot {@link accuracyScoreMetric}. */
export const accuracyScore: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: AccuracyOptions) => number = /* @__PURE__ */ once(accuracyScoreMetric);

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
export const zeroOneLossMetric = /* @__PURE__ */ accuracyLike('zeroOneLoss', 'Zero-one loss', 'zero_one_loss', true);

/** One-shot {@link zeroOneLossMetric}. */
export const zeroOneLoss: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: AccuracyOptions) => number = /* @__PURE__ */ once(zeroOneLossMetric);

/**
 * Error rate: the fraction of wrong predictions, `1 - accuracy` (zero-one loss, normalised).
 *
 * @example
 * errorRate([0, 1, 2, 3], [0, 2, 1, 3]); // 0.5
 *
 * @see sklearn.metrics.zero_one_loss
 */
export const errorRateMetric = /* @__PURE__ */ metric('errorRate', 'Error rate', 'zero_one_loss', {}, (o: { sampleWeight?: SampleWeight } = {}) =>
  zeroOneLossMetric.create({ ...o, normalize: true }),
);

/** One-shot {@link errorRateMetric}. */
export const errorRate: (yTrue: LabelArray | Rows, yPred: LabelArray | Rows, o?: { sampleWeight?: SampleWeight }) => number = /* @__PURE__ */ once(errorRateMetric);
