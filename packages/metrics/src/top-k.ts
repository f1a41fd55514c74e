import { InvalidArgumentError } from '@lab/core';
import { labelsParam, normalizeParam } from './params';
import { classesOf, sumsInit, sumsMerge, sumsUpdate, total, type SumsState } from './sums';
import type { Label, LabelArray, Rows, ScoreBatch, SampleWeight, WarningOptions } from './types';
import { fail, labelList, metric, run, sortLabels, warn } from './util';

export interface TopKOptions extends WarningOptions {
  /** How many of the highest scores count as a hit (default 2). */
  k?: number;
  normalize?: boolean;
  /** All classes, sorted; needed when yTrue does not contain every score column's class. */
  labels?: readonly Label[] | null;
  sampleWeight?: SampleWeight;
}

/**
 * The class set of a score metric: `labels` (checked: sorted, a superset of yTrue) or the sorted
 * labels of yTrue; `width` score columns must match it.
 */
export function scoreClasses(s: SumsState, labels: Label[] | undefined): Label[] {
  const present = classesOf(s);
  if (!labels) return present;
  if (sortLabels(labels).some((l, i) => l !== labels[i])) fail('labels', labels, 'sorted labels');
  const bad = present.find((l) => !labels.includes(l));
  if (bad !== undefined) throw new InvalidArgumentError('yTrue', bad, `a label in labels (${labels.join(', ')})`);
  return labels;
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
  'Top-k accuracy: true class among the k highest scores',
  'metrics.top_k_accuracy_score',
  { k: { kind: 'integer', default: 2, min: 1, description: 'number of top scores that count' }, normalize: normalizeParam, labels: labelsParam },
  (o: TopKOptions = {}) => {
    const k = o.k ?? 2;
    if (!(Number.isInteger(k) && k >= 1)) fail('k', k, 'an integer >= 1');
    const labels = labelList(o.labels);
    return {
      init: sumsInit,
      merge: sumsMerge,
      update: (s: SumsState, b: ScoreBatch) =>
        sumsUpdate(
          s,
          b,
          (m) => (m === 1 ? 3 : m),
          (x, at, m, out) => {
            if (m === 1) return void out.set([+(x[at] > 0.5), +(x[at] > 0), 1]);
            for (let c = 0; c < m; c++) {
              let rank = 0;
              for (let j = 0; j < m; j++) if (x[at + j] > x[at + c] || (x[at + j] === x[at + c] && j > c)) rank++;
              out[c] = +(rank < k);
            }
          },
        ),
      compute(s: SumsState): number {
        const classes = scoreClasses(s, labels);
        const binary = classes.length <= 2 && (labels?.length ?? 0) <= 2;
        if (binary && s.width !== 1) fail('yScore', `rows of ${s.width}`, '1-D scores for binary yTrue (or pass all labels)');
        const n = s.width === 1 ? 2 : s.width;
        if (classes.length !== n) fail(labels ? 'labels' : 'yTrue', classes, `${n} classes, one per score column`);
        if (k >= n) warn(o, `k (${k}) >= the number of classes (${n}): a perfect score that is meaningless`);
        const th = s.lo >= 0 && s.hi <= 1 ? 0 : 1;
        const hits = total(s, (l, v) =>
          !binary ? v[classes.indexOf(l)] : k > 1 ? v[2] : classes.indexOf(l) === 1 ? v[th] : v[2] - v[th],
        );
        return o.normalize === false ? hits : hits / s.w;
      },
    };
  },
);

/** One-shot {@link topKAccuracyScoreMetric}. */
export const topKAccuracyScore = (yTrue: LabelArray, yScore: ArrayLike<number> | Rows, o: TopKOptions = {}): number =>
  run(topKAccuracyScoreMetric.create(o), { yTrue, yScore, sampleWeight: o.sampleWeight });
