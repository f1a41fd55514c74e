import { labelsParam } from './params';
import { sumsMetric, total } from './sums';
import type { Label, LabelArray, Rows, SampleWeight } from './types';
import { classes, fail, labelList, metric, once, scoreClasses, sortLabels } from './util';

export interface HingeLossOptions {
  /** All classes (multi-class); needed when yTrue does not contain every column's class. */
  labels?: readonly Label[] | null;
  sampleWeight?: SampleWeight;
}

/**
 * Average hinge loss `sum_i w_i max(0, 1 - m_i) / sum_i w_i`. Binary (1-D decisions): the greater
 * label is +1, the other -1, and `m_i = y_i d_i`. Multi-class (rows of decisions, one column per
 * sorted class): `m_i = d_i[y_i] - max_{j != y_i} d_i[j]` (Crammer & Singer).
 *
 * Defaults: `labels` = sorted labels of yTrue.
 *
 * @example
 * hingeLoss([-1, 1, 1], [-2.2, 1.3, 0.5]); // 0.1667
 *
 * @see sklearn.metrics.hinge_loss; Crammer & Singer, JMLR 2001.
 */
export const hingeLossMetric = /* @__PURE__ */ metric('hingeLoss', 'Average hinge loss', 'hinge_loss', { labels: labelsParam }, (o: HingeLossOptions = {}) => {
  const labels = labelList(o.labels);
  return sumsMetric(
    (s) => {
      const got = classes(s);
      const all = labels ? sortLabels(labels) : got;
      if (all.length < 3 && s.width < 2) return total(s, (l, v) => v[+(got.length === 2 && l === got[1])]) / s.w;
      if (s.width === 1) fail('predDecision', '1-D decisions', `rows of ${all.length} values`);
      const c = scoreClasses(got, all, s.width, 'predDecision');
      return total(s, (l, v) => v[c.indexOf(l)]) / s.w;
    },
    (m) => (m === 1 ? 2 : m),
    (x, at, m, out) => {
      if (m === 1) return out.set([Math.max(0, 1 + x[at]), Math.max(0, 1 - x[at])]);
      for (let c = 0; c < m; c++) {
        let top = -Infinity;
        for (let j = 0; j < m; j++) if (j !== c) top = Math.max(top, x[at + j]);
        out[c] = Math.max(0, 1 - (x[at + c] - top));
      }
    },
    'predDecision',
  );
});

/** One-shot {@link hingeLossMetric}. */
export const hingeLoss: (yTrue: LabelArray, predDecision: ArrayLike<number> | Rows, o?: HingeLossOptions) => number = /* @__PURE__ */ once(hingeLossMetric, 'yScore');
