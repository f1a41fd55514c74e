import { InvalidArgumentError } from '@lab/core';
import { labelsParam } from './params';
import { countsMetric, matrixOf, singleLabel, view } from './counts';
import type { LabelArray, LabelOptions } from './types';
import { labelList, metric, oneOf, run } from './util';

export interface ConfusionMatrixOptions extends LabelOptions {
  /** Normalise over true rows, predicted columns, all cells, or not (default `null`: counts). */
  normalize?: 'true' | 'pred' | 'all' | 'none' | null;
}

/**
 * Confusion matrix `C[i][j]` = (weighted) number of samples of true label `labels[i]` predicted as
 * `labels[j]`. Samples whose true or predicted label is not in `labels` are left out (as
 * scikit-learn). `normalize` divides by row sums (`'true'`), column sums (`'pred'`) or the total
 * (`'all'`); a 0/0 cell is 0.
 *
 * Defaults: `labels` = sorted labels present, `normalize` = null.
 *
 * @example
 * confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]); // [[2, 0], [1, 1]]
 *
 * @see sklearn.metrics.confusion_matrix
 */
export const confusionMatrixMetric = /* @__PURE__ */ metric(
  'confusionMatrix',
  'Confusion matrix (rows: true labels, columns: predicted labels)',
  'metrics.confusion_matrix',
  {
    labels: labelsParam,
    normalize: { kind: 'enum', values: ['none', 'true', 'pred', 'all'], default: 'none', description: 'normalise over true rows, predicted columns or all' },
  },
  (o: ConfusionMatrixOptions = {}) => {
    const norm = oneOf('normalize', o.normalize ?? 'none', ['none', 'true', 'pred', 'all']);
    const given = labelList(o.labels);
    return countsMetric((s) => {
      singleLabel(s, 'confusionMatrix');
      const v = view(s);
      if (given && !given.some((l) => s.labels.includes(l) && rowSeen(s, l)))
        throw new InvalidArgumentError('labels', given, 'at least one label that occurs in yTrue');
      const cm = matrixOf(s, given ?? v.present);
      if (norm === 'none') return cm;
      const total = cm.flat().reduce((a, b) => a + b, 0);
      return cm.map((row) =>
        row.map((x, j) => {
          const d = norm === 'true' ? row.reduce((a, b) => a + b, 0) : norm === 'pred' ? cm.reduce((a, r) => a + r[j], 0) : total;
          return d ? x / d : 0;
        }),
      );
    });
  },
);

/** True when label l occurs as a true label (its row of the full matrix is non-zero). */
function rowSeen(s: { labels: readonly unknown[]; cm: Float64Array }, l: unknown): boolean {
  const k = s.labels.length;
  const i = s.labels.indexOf(l);
  for (let j = 0; j < k; j++) if (s.cm[i * k + j]) return true;
  return false;
}

/** One-shot {@link confusionMatrixMetric}. */
export const confusionMatrix = (yTrue: LabelArray, yPred: LabelArray, o: ConfusionMatrixOptions = {}): number[][] =>
  run(confusionMatrixMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });
