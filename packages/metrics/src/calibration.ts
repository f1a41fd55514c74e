import { posLabelParam } from './params';
import { posNeg } from './roc';
import { scoresMetric, unweighted } from './score-state';
import type { Label, LabelArray } from './types';
import { fail, metric, once, oneOf } from './util';

const STRATEGIES = ['uniform', 'quantile'] as const;

export interface CalibrationCurveOptions {
  /** The positive class (default: 1 for {0, 1} / {-1, 1} labels). */
  posLabel?: Label | null;
  /** Number of bins (default 5). */
  nBins?: number;
  /** `'uniform'` (default): equal-width bins on [0, 1]; `'quantile'`: equal-count bins. */
  strategy?: 'uniform' | 'quantile';
}

/** numpy's linear-interpolation percentile of sorted values at fraction q. */
function quantile(x: Float64Array, q: number): number {
  const v = q * (x.length - 1);
  const i = Math.floor(v);
  const t = v - i;
  if (i + 1 >= x.length) return x[x.length - 1];
  const d = x[i + 1] - x[i];
  return t >= 0.5 ? x[i + 1] - d * (1 - t) : x[i] + d * t;
}

/**
 * Calibration (reliability) curve: predicted probabilities are binned; for each non-empty bin,
 * `probTrue` = fraction of positives and `probPred` = mean predicted probability. A probability
 * equal to an inner bin edge falls in the lower bin. Unweighted, as scikit-learn.
 *
 * Defaults: `nBins` = 5, `strategy` = 'uniform', `posLabel` = 1 for {0, 1} / {-1, 1} labels.
 *
 * @example
 * calibrationCurve([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.9], { nBins: 2 }); // probTrue [0, 1], probPred [0.2, 0.75]
 *
 * @see sklearn.calibration.calibration_curve; Niculescu-Mizil & Caruana, ICML 2005.
 */
export const calibrationCurveMetric = /* @__PURE__ */ metric(
  'calibrationCurve',
  'Calibration curve',
  'calibration.calibration_curve',
  {
    posLabel: posLabelParam,
    nBins: { kind: 'integer', default: 5, min: 1, description: 'number of bins' },
    strategy: { kind: 'enum', values: STRATEGIES, default: 'uniform', description: 'equal width or count' },
  },
  (o: CalibrationCurveOptions = {}) => {
    const nBins = o.nBins ?? 5;
    if (!(Number.isInteger(nBins) && nBins >= 1)) fail('nBins', nBins, 'an integer >= 1');
    const quant = oneOf('strategy', o.strategy ?? 'uniform', STRATEGIES) === 'quantile';
    return scoresMetric(
      (s) => {
        const [P, N] = posNeg(s, o.posLabel, 'yProb', true);
        const all = Float64Array.from([...P.x, ...N.x]);
        const probs = all.slice().sort();
        const edges = Array.from({ length: nBins + 1 }, (_, i) => {
          const f = i === nBins ? 1 : i * (1 / nBins);
          return quant ? quantile(probs, (f * 100) / 100) : f;
        });
        const [sum, tru, cnt] = [0, 0, 0].map(() => new Float64Array(nBins));
        // In probability order, so sums do not depend on how the data was batched.
        for (const i of Array.from(all.keys()).sort((a, b) => all[a] - all[b])) {
          const p = all[i];
          let bin = 0;
          while (bin < nBins - 1 && edges[bin + 1] < p) bin++;
          sum[bin] += p;
          tru[bin] += +(i < P.x.length);
          cnt[bin]++;
        }
        const keep = Array.from(cnt.keys()).filter((b) => cnt[b]);
        return { probTrue: keep.map((b) => tru[b] / cnt[b]), probPred: keep.map((b) => sum[b] / cnt[b]) };
      },
      'yProb',
      [0, 1],
      unweighted('calibrationCurve'),
    );
  },
);

/** One-shot {@link calibrationCurveMetric}. */
export const calibrationCurve: (yTrue: LabelArray, yProb: ArrayLike<number>, o?: CalibrationCurveOptions) => { probTrue: number[]; probPred: number[] } =
  /* @__PURE__ */ once(calibrationCurveMetric, 'yScore');
