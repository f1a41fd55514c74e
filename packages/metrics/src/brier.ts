import { sumsInit, sumsMerge, sumsUpdate, classesOf, total, type SumsState } from './sums';
import type { Label, LabelArray, ScoreBatch, SampleWeight } from './types';
import { fail, metric, run } from './util';

/**
 * The positive class of binary score metrics when `posLabel` is not given (scikit-learn's rule):
 * 1 when the classes are a subset of {0, 1} or {-1, 1}; with `fallbackGreatest`, otherwise the
 * greater numeric class.
 */
export function defaultPosLabel(classes: readonly Label[], fallbackGreatest = false): Label {
  const ok = classes.every((c) => c === 1 || c === 0 || c === -1) && !(classes.includes(0) && classes.includes(-1));
  if (ok) return 1;
  if (fallbackGreatest && typeof classes[0] === 'number') return classes[classes.length - 1];
  return fail('posLabel', undefined, `the positive class: yTrue has labels ${classes.join(', ')}, not {0, 1} or {-1, 1}`);
}

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
  'Brier score: mean squared error of predicted probabilities',
  'metrics.brier_score_loss',
  { posLabel: { kind: 'number', optional: true, description: 'the positive class (default: 1 or the greater class)' } },
  (o: BrierOptions = {}) => ({
    init: sumsInit,
    merge: sumsMerge,
    update: (s: SumsState, b: ScoreBatch) => {
      const next = sumsUpdate(s, b, () => 2, (x, at, _m, out) => out.set([(0 - x[at]) ** 2, (1 - x[at]) ** 2]), [0, 1], 'yProb');
      if (next.width > 1) fail('yProb', 'rows', 'one probability per sample');
      return next;
    },
    compute(s: SumsState): number {
      const classes = classesOf(s);
      if (classes.length > 2) fail('yTrue', classes, 'at most two classes (Brier score is binary)');
      const pos = o.posLabel ?? defaultPosLabel(classes, true);
      return total(s, (l, v) => v[+(l === pos)]) / s.w;
    },
  }),
);

/** One-shot {@link brierScoreLossMetric}. */
export const brierScoreLoss = (yTrue: LabelArray, yProb: ArrayLike<number>, o: BrierOptions = {}): number =>
  run(brierScoreLossMetric.create(o), { yTrue, yScore: yProb, sampleWeight: o.sampleWeight });
