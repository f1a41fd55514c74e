import { labelsParam } from './params';
import { countsMetric, matrixOf, singleLabel, view } from './counts';
import type { LabelArray, LabelOptions, SampleWeight, WarningOptions } from './types';
import { labelList, metric, oneOf, run, warn } from './util';

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
  'Balanced accuracy: mean per-class recall',
  'metrics.balanced_accuracy_score',
  { adjusted: { kind: 'boolean', default: false, description: 'rescale so that chance is 0' } },
  (o: BalancedAccuracyOptions = {}) =>
    countsMetric((s) => {
      singleLabel(s, 'balancedAccuracyScore');
      const cm = matrixOf(s, view(s).present);
      const per = cm.map((r, i) => r[i] / r.reduce((a, b) => a + b, 0)).filter((x) => !Number.isNaN(x));
      if (per.length < cm.length) warn(o, 'yPred contains classes not in yTrue');
      const score = per.reduce((a, b) => a + b, 0) / per.length;
      const chance = 1 / per.length;
      return o.adjusted ? (score - chance) / (1 - chance) : score;
    }),
);

/** One-shot {@link balancedAccuracyScoreMetric}. */
export const balancedAccuracyScore = (yTrue: LabelArray, yPred: LabelArray, o: BalancedAccuracyOptions = {}): number =>
  run(balancedAccuracyScoreMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });

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
export const matthewsCorrcoefMetric = /* @__PURE__ */ metric('matthewsCorrcoef', 'Matthews correlation coefficient', 'metrics.matthews_corrcoef', {}, () =>
  countsMetric((s) => {
    singleLabel(s, 'matthewsCorrcoef');
    const cm = matrixOf(s, view(s).present);
    const t = cm.map((r) => r.reduce((a, b) => a + b, 0));
    const p = cm.map((_, j) => cm.reduce((a, r) => a + r[j], 0));
    const c = cm.reduce((a, r, i) => a + r[i], 0);
    const n = p.reduce((a, b) => a + b, 0);
    const dot = (x: number[], y: number[]) => x.reduce((a, v, i) => a + v * y[i], 0);
    const pp = n * n - dot(p, p);
    const tt = n * n - dot(t, t);
    return pp * tt === 0 ? 0 : (c * n - dot(t, p)) / Math.sqrt(tt * pp);
  }),
);

/** One-shot {@link matthewsCorrcoefMetric}. */
export const matthewsCorrcoef = (yTrue: LabelArray, yPred: LabelArray, o: { sampleWeight?: SampleWeight } = {}): number =>
  run(matthewsCorrcoefMetric.create(), { yTrue, yPred, sampleWeight: o.sampleWeight });

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
  "Cohen's kappa: agreement between two raters beyond chance",
  'metrics.cohen_kappa_score',
  { labels: labelsParam, weights: { kind: 'enum', values: ['none', 'linear', 'quadratic'], default: 'none', description: 'disagreement weights' } },
  (o: CohenKappaOptions = {}) => {
    const kind = oneOf('weights', o.weights ?? 'none', ['none', 'linear', 'quadratic']);
    const labels = labelList(o.labels);
    return countsMetric((s) => {
      singleLabel(s, 'cohenKappaScore');
      const cm = matrixOf(s, labels ?? view(s).present);
      const k = cm.length;
      const c0 = cm.map((_, j) => cm.reduce((a, r) => a + r[j], 0));
      const c1 = cm.map((r) => r.reduce((a, b) => a + b, 0));
      const n = c0.reduce((a, b) => a + b, 0);
      let num = 0;
      let den = 0;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const w = kind === 'none' ? +(i !== j) : kind === 'linear' ? Math.abs(i - j) : (i - j) ** 2;
          num += w * cm[i][j];
          den += w * ((c0[i] * c1[j]) / n);
        }
      if (!den) warn(o, "Cohen's kappa is undefined (no expected disagreement): 0/0");
      return 1 - num / den;
    });
  },
);

/** One-shot {@link cohenKappaScoreMetric}; `y1`, `y2` are the two raters' labels. */
export const cohenKappaScore = (y1: LabelArray, y2: LabelArray, o: CohenKappaOptions = {}): number =>
  run(cohenKappaScoreMetric.create(o), { yTrue: y1, yPred: y2, sampleWeight: o.sampleWeight });
