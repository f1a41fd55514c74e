import { labelsParam, normalizeParam } from './params';
import { sumsMetric, total } from './sums';
import type { Label, LabelArray, Rows, SampleWeight, WarningOptions } from './types';
import { classes, fail, labelList, metric, once, scoreClasses, warn } from './util';

export interface TopKOptions extends WarningOptions {
  /** How many of the highest scores count as a hit (default 2). */
  k?: number;
  normalize?: boolean;
  /** All classes, sorted; needed when yTrue does not contain every score column's class. */
  labels?: readonly Label[] | null;
  sampleWeight?: SampleWeight;
}

/**
 * Top-k accuracy: the (weighted) fraction of samples whose true class is among the k classes with
 * the highest scores (ties broken towards the later class column, as scikit-learn). Binary input
 * with 1-D scores and k = 1 predicts the positive (greater) class when the score exceeds 0.5 if
 * all scores lie in [0, 1], else 0.
 *
 * Defaults: `k` = 2, `normalize` = true, `labels` = sorted labels of yTrue.
 *
 * @example
 * topKAccuracyScore([0, 1, 2, 2], [[0.5, 0.2, 0.2], [0.3, 0.4, 0.2], [0.2, 0.4, 0.3], [0.7, 0.2, 0.1]], { k: 2 }); // 0.75
 *
 * @see sklearn.metrics.top_k_accuracy_score
 */
export const topKAccuracyScoreMetric = /* @__PURE__ */ metric(
  'topKAccuracyScore',
  'Top-k accuracy',
  'top_k_accuracy_score',
  { k: { kind: 'integer', default: 2, min: 1, description: 'top scores that count' }, normalize: normalizeParam, labels: labelsParam },
  (o: TopKOptions = {}) => {
    const k = o.k ?? 2;
    if (!(Number.isInteger(k) && k >= 1)) fail('k', k, 'an integer >= 1');
    const labels = labelList(o.labels);
    return sumsMetric(
      (s) => {
        const got = classes(s);
        const binary = (labels ?? got).length <= 2;
        if (binary && s.width !== 1) fail('yScore', `rows of ${s.width}`, '1-D for binary yTrue');
        const n = s.width === 1 ? 2 : s.width;
        const c = scoreClasses(got, labels, n, 'yScore');
        if (k >= n) warn(o, `k >= ${n} classes: the score is always 1`);
        const th = s.lo >= 0 && s.hi <= 1 ? 0 : 1;
        const hits = total(s, (l, v) => (!binary ? v[c.indexOf(l)] : k > 1 ? v[2] : c.indexOf(l) === 1 ? v[th] : v[2] - v[th]));
        return o.normalize === false ? hits : hits / s.w;
      },
      (m) => (m === 1 ? 3 : m),
      (x, at, m, out) => {
        if (m === 1) return out.set([+(x[at] > 0.5), +(x[at] > 0), 1]);
        for (let c = 0; c < m; c++) {
          let rank = 0;
          for (let j = 0; j < m; j++) if (x[at + j] > x[at + c] || (x[at + j] === x[at + c] && j > c)) rank++;
          out[c] = +(rank < k);
        }
      },
    );
  },
);

/** One-shot {@link topKAccuracyScoreMetric}. */
export const topKAccuracyScore: (yTrue: LabelArray, yScore: ArrayLike<number> | Rows, o?: TopKOptions) => number = /* @__PURE__ */ once(topKAccuracyScoreMetric, 'yScore');
