import { labelsParam } from './params';
import { countsMetric, margins } from './counts';
import type { LabelArray, LabelOptions } from './types';
import { fail, labelList, metric, once, oneOf, sum } from './util';

export interface ConfusionMatrixOptions extends LabelOptions {
  /** Normalise over true rows, predicted columns, all cells, or not (default `null`: counts). */
  normalize?: 'true' | 'pred' | 'all' | 'none' | null;
}

const NORMALIZE = ['none', 'true', 'pred', 'all'] as const;

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
  'Confusion matrix',
  'confusion_matrix',
  { labels: labelsParam, normalize: { kind: 'enum', values: NORMALIZE, default: 'none', description: 'divide by row, column or total' } },
  (o: ConfusionMatrixOptions = {}) => {
    const norm = oneOf('normalize', o.normalize ?? 'none', NORMALIZE);
    const given = labelList(o.labels);
    return countsMetric(
      (_s, v) => {
        // a label occurs in yTrue when its row of the full matrix is non-zero
        if (given && !given.some((l) => v.present.some((p) => v.at(l, p)))) fail('labels', given, 'a label of yTrue');
        const cm = v.matrix(given ?? v.present);
        const [rows, cols] = margins(cm);
        const total = sum(rows);
        return norm === 'none' ? cm : cm.map((row, i) => row.map((x, j) => x / (norm === 'true' ? rows[i] : norm === 'pred' ? cols[j] : total) || 0));
      },
      null,
      'confusionMatrix',
    );
  },
);

/** One-shot {@link confusionMatrixMetric}. */
export const confusionMatrix: (yTrue: LabelArray, yPred: LabelArray, o?: ConfusionMatrixOptions) => number[][] = /* @__PURE__ */ once(confusionMatrixMetric);
