import { labelsParam } from './params';
import { countsMetric, margins } from './counts';
import type { LabelArray, LabelOptions, SampleWeight, WarningOptions } from './types';
import { dot, labelList, metric, once, oneOf, sum, warn } from './util';

export interface BalancedAccuracyOptions extends WarningOptions {
  /** Rescale so that chance scores 0 and perfect 1 (default false). */
  adjusted?: boolean;
  sampleWeight?: SampleWeight;
}

/**
 * Balanced accuracy: the mean of per-class recall over the classes present in yTrue. With
 * `adjusted`, `(score - 1/K) / (1 - 1/K)` for K classes. Classes predicted but absent from yTrue
 * are left out with a warning (scikit-learn).
 *
 * Defaults: `adjusted` = false.
 *
 * @example
 * balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]); // 0.625
 *
 * @see sklearn.metrics.balanced_accuracy_score; Brodersen et al., "The balanced accuracy and its posterior distribution", ICPR 2010.
 */
export const balancedAccuracyScoreMetric = /* @__PURE__ */ metric(
  'balancedAccuracyScore',
  'Balanced accuracy',
  'balanced_accuracy_score',
  { adjusted: { kind: 'boolean', default: false, description: 'chance scores 0' } },
  (o: BalancedAccuracyOptions = {}) =>
    countsMetric(
      (_s, v) => {
        const cm = v.matrix(v.present);
        const per = cm.map((r, i) => r[i] / sum(r)).filter((x) => x === x);
        if (per.length < cm.length) warn(o, 'yPred contains classes not in yTrue');
        const score = sum(per) / per.length;
        const chance = 1 / per.length;
        return o.adjusted ? (score - chance) / (1 - chance) : score;
      },
      null,
      'balancedAccuracyScore',
    ),
);

/** One-shot {@link balancedAccuracyScoreMetric}. */
export const balancedAccuracyScore: (yTrue: LabelArray, yPred: LabelArray, o?: BalancedAccuracyOptions) => number = /* @__PURE__ */ once(balancedAccuracyScoreMetric);

/**
 * Matthews correlation coefficient (multi-class R_K of Gorodkin 2004): with confusion matrix C,
 * t = row sums, p = column sums, c = trace, s = total,
 * `MCC = (c s - t.p) / sqrt((s^2 - p.p)(s^2 - t.t))`; 0 when the denominator is 0.
 *
 * @example
 * matthewsCorrcoef([0, 1, 1, 1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 0, 0, 0, 1, 0, 0]); // 0.408
 *
 * @see sklearn.metrics.matthews_corrcoef; Matthews, Biochim. Biophys. Acta 1975; Gorodkin, Comput. Biol. Chem. 2004.
 */
export const matthewsCorrcoefMetric = /* @__PURE__ */ metric('matthewsCorrcoef', 'Matthews correlation coefficient', 'matthews_corrcoef', {}, () =>
  countsMetric(
    (_s, v) => {
      const cm = v.matrix(v.present);
      const [t, p] = margins(cm);
      const c = sum(cm.map((r, i) => r[i]));
      const n = sum(p);
      const pp = n * n - dot(p, p);
      const tt = n * n - dot(t, t);
      return pp * tt === 0 ? 0 : (c * n - dot(t, p)) / Math.sqrt(tt * pp);
    },
    null,
    'matthewsCorrcoef',
  ),
);

/** One-shot {@link matthewsCorrcoefMetric}. */
export const matthewsCorrcoef: (yTrue: LabelArray, yPred: LabelArray, o?: { sampleWeight?: SampleWeight }) => number = /* @__PURE__ */ once(matthewsCorrcoefMetric);

const WEIGHTS = ['none', 'linear', 'quadratic'] as const;

export interface CohenKappaOptions extends LabelOptions {
  /** Disagreement weights: none (default), `'linear'` |i - j| or `'quadratic'` (i - j)^2. */
  weights?: 'linear' | 'quadratic' | 'none' | null;
}

/**
 * Cohen's kappa between two raters: with confusion matrix C over `labels`, expected counts
 * `E = outer(colSums, rowSums) / total` and disagreement weights W (0 on the diagonal, 1 off it;
 * or |i - j|, (i - j)^2), `kappa = 1 - sum(W * C) / sum(W * E)`. NaN (with a warning) when the
 * expected disagreement is 0.
 *
 * Defaults: `weights` = none, `labels` = sorted labels present.
 *
 * @example
 * cohenKappaScore([0, 1, 2, 2], [0, 1, 2, 1]); // 0.636
 *
 * @see sklearn.metrics.cohen_kappa_score; Cohen, Educ. Psychol. Meas. 1960; Cohen, Psychol. Bull. 1968 (weighted).
 */
export const cohenKappaScoreMetric = /* @__PURE__ */ metric(
  'cohenKappaScore',
  "Cohen's kappa",
  'cohen_kappa_score',
  { labels: labelsParam, weights: { kind: 'enum', values: WEIGHTS, default: 'none', description: 'disagreement weights' } },
  (o: CohenKappaOptions = {}) => {
    const kind = oneOf('weights', o.weights ?? 'none', WEIGHTS);
    const labels = labelList(o.labels);
    return countsMetric(
      (_s, v) => {
        const cm = v.matrix(labels ?? v.present);
        const [c1, c0] = margins(cm);
        const n = sum(c0);
        let num = 0;
        let den = 0;
        cm.forEach((r, i) =>
          r.forEach((x, j) => {
            const w = kind === 'none' ? +(i !== j) : kind === 'linear' ? Math.abs(i - j) : (i - j) ** 2;
            num += w * x;
            den += w * ((c0[i] * c1[j]) / n);
          }),
        );
        if (!den) warn(o, "Cohen's kappa is undefined: 0/0");
        return 1 - num / den;
      },
      null,
      'cohenKappaScore',
    );
  },
);

/** One-shot {@link cohenKappaScoreMetric}; `y1`, `y2` are the two raters' labels. */
export const cohenKappaScore: (y1: LabelArray, y2: LabelArray, o?: CohenKappaOptions) => number = /* @__PURE__ */ once(cohenKappaScoreMetric);
