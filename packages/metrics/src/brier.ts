import { posLabelParam } from './params';
import { sumsMetric, total } from './sums';
import type { Label, LabelArray, SampleWeight } from './types';
import { classes, defaultPosLabel, fail, metric, once } from './util';

export interface BrierOptions {
  /** The positive class (default: 1 for {0, 1} / {-1, 1} labels, else the greater class). */
  posLabel?: Label | null;
  sampleWeight?: SampleWeight;
}

/**
 * Brier score: `sum_i w_i (o_i - p_i)^2 / sum_i w_i`, o_i = 1 for the positive class, p_i the
 * predicted probability of the positive class (in [0, 1]). Binary only.
 *
 * Defaults: `posLabel` = 1 for {0, 1} or {-1, 1} labels, else the greater numeric label.
 *
 * @example
 * brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]); // 0.0375
 *
 * @see sklearn.metrics.brier_score_loss; Brier, Monthly Weather Review, 1950.
 */
export const brierScoreLossMetric = /* @__PURE__ */ metric(
  'brierScoreLoss',
  'Brier score loss',
  'brier_score_loss',
  { posLabel: posLabelParam },
  (o: BrierOptions = {}) =>
    sumsMetric(
      (s) => {
        const c = classes(s);
        if (c.length > 2) fail('yTrue', c, 'at most two classes');
        const pos = o.posLabel ?? defaultPosLabel(c, true);
        return total(s, (l, v) => v[+(l === pos)]) / s.w;
      },
      () => 2,
      (x, at, m, out) => (m > 1 ? fail('yProb', 'rows', 'one probability per sample') : out.set([x[at] ** 2, (1 - x[at]) ** 2])),
      'yProb',
      [0, 1],
    ),
);

/** One-shot {@link brierScoreLossMetric}. */
export const brierScoreLoss: (yTrue: LabelArray, yProb: ArrayLike<number>, o?: BrierOptions) => number = /* @__PURE__ */ once(brierScoreLossMetric, 'yScore');
