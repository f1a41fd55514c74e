import { labelsParam } from './params';
import { sumsInit, sumsMerge, sumsUpdate, total, type SumsState } from './sums';
import { scoreClasses } from './top-k';
import type { Label, LabelArray, Rows, ScoreBatch, SampleWeight } from './types';
import { fail, labelList, metric, run, sortLabels } from './util';

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
export const hingeLossMetric = /* @__PURE__ */ metric('hingeLoss', 'Average hinge loss of decision values', 'metrics.hinge_loss', { labels: labelsParam }, (o: HingeLossOptions = {}) => {
  const labels = labelList(o.labels);
  return {
    init: sumsInit,
    merge: sumsMerge,
    update: (s: SumsState, b: ScoreBatch) =>
      sumsUpdate(
        s,
        b,
        (m) => (m === 1 ? 2 : m),
        (x, at, m, out) => {
          if (m === 1) return void out.set([Math.max(0, 1 + x[at]), Math.max(0, 1 - x[at])]);
          for (let c = 0; c < m; c++) {
            let top = -Infinity;
            for (let j = 0; j < m; j++) if (j !== c) top = Math.max(top, x[at + j]);
            out[c] = Math.max(0, 1 - (x[at + c] - top));
          }
        },
        [],
        'predDecision',
      ),
    compute(s: SumsState): number {
      const present = scoreClasses(s, undefined);
      const all = labels ? sortLabels(labels) : present;
      if (all.length > 2 || s.width > 1) {
        if (s.width === 1) fail('predDecision', '1-D decisions', `rows of ${all.length} decision values for multi-class yTrue`);
        if (all.length !== s.width) fail(labels ? 'labels' : 'yTrue', all, `${s.width} classes, one per predDecision column (pass all labels)`);
        const classes = scoreClasses(s, all);
        return total(s, (l, v) => v[classes.indexOf(l)]) / s.w;
      }
      return total(s, (l, v) => v[present.length === 2 && l === present[1] ? 1 : 0]) / s.w;
    },
  };
});

/** One-shot {@link hingeLossMetric}. */
export const hingeLoss = (yTrue: LabelArray, predDecision: ArrayLike<number> | Rows, o: HingeLossOptions = {}): number =>
  run(hingeLossMetric.create(o), { yTrue, yScore: predDecision, sampleWeight: o.sampleWeight });
