/**
 * Regression metrics over one mergeable state per output: total weight, count, and the weighted
 * mean / sum of squared deviations of yTrue and of the error (merged with Chan et al.'s parallel
 * update), plus the weighted sums of squared and absolute errors.
 */
import { multioutputParam } from './params';
import type { RegressionBatch, Rows, SampleWeight, WarningOptions } from './types';
import { dot, fail, matrix, metric, noData, once, sameLength, sum, warn, weights } from './util';

/** Per output: [weight, count, mean y, M2 y, mean e, M2 e, sum w e^2, sum w |e|], e = yTrue - yPred. */
export type RegressionState = readonly Float64Array[];

/** Chan et al. (1979) combination of two (weight, mean, M2) summaries (`out` may be `a`). */
function chan(a: ArrayLike<number>, b: ArrayLike<number>, out: Float64Array): Float64Array {
  const w = a[0] + b[0];
  for (const m of [2, 4]) {
    const d = b[m] - a[m];
    out[m + 1] = a[m + 1] + b[m + 1] + (a[0] && b[0] ? (d * d * a[0] * b[0]) / w : 0);
    out[m] = a[0] ? a[m] + (d * b[0]) / w : b[m];
  }
  [out[0], out[1], out[6], out[7]] = [w, a[1] + b[1], a[6] + b[6], a[7] + b[7]];
  return out;
}

const merge = (a: RegressionState, b: RegressionState): RegressionState => {
  if (!a.length) return b;
  if (!b.length) return a;
  if (a.length !== b.length) fail('state', b.length, `${a.length} outputs`);
  return a.map((x, j) => chan(x, b[j], new Float64Array(8)));
};

/** Add a batch sample by sample (West's weighted update: Chan et al. with a one-sample summary). */
function update(s: RegressionState, { yTrue, yPred, sampleWeight }: RegressionBatch): RegressionState {
  sameLength('yPred', yPred, 'yTrue', yTrue);
  const w = weights(sampleWeight, yTrue.length, 'yTrue');
  if (!yTrue.length) return s;
  const t = matrix('yTrue', yTrue);
  const p = matrix('yPred', yPred);
  const m = t.width;
  if (m !== p.width) fail('yPred', p.width, `${m} outputs like yTrue`);
  if (s.length && s.length !== m) fail('yTrue', m, `${s.length} outputs`);
  const out = Array.from({ length: m }, (_, j) => s[j]?.slice() ?? new Float64Array(8));
  t.data.forEach((y, i) => {
    const wi = w ? w[(i / m) | 0] : 1;
    const e = y - p.data[i];
    chan(out[i % m], [wi, 1, y, 0, e, 0, wi * e * e, wi * Math.abs(e)], out[i % m]);
  });
  return out;
}

export interface RegressionOptions {
  /** `'uniform_average'` (default), `'raw_values'` (one value per output), or per-output weights. */
  multioutput?: 'uniform_average' | 'raw_values' | 'variance_weighted' | readonly number[];
  sampleWeight?: SampleWeight;
}

function reduce(per: number[], mo: RegressionOptions['multioutput'] = 'uniform_average', varianceWeights?: number[]): number | number[] {
  if (mo === 'raw_values') return per;
  let w = typeof mo === 'string' ? undefined : mo;
  if (mo === 'variance_weighted' && varianceWeights) {
    if (varianceWeights.some((v) => v !== 0)) w = varianceWeights;
  } else if (typeof mo === 'string' && mo !== 'uniform_average') fail('multioutput', mo, "'uniform_average', 'raw_values' or weights");
  if (w && w.length !== per.length) fail('multioutput', w, `${per.length} weights`);
  const ws = w ?? per.map(() => 1);
  return dot(per, ws) / sum(ws);
}

/** A regression metric: `f` maps each output's summary to a value, `varianceWeights` gives 'variance_weighted' weights. */
const regression = (o: RegressionOptions, f: (x: Float64Array) => number, varianceWeights?: (x: Float64Array) => number, check?: (s: RegressionState) => boolean) => ({
  init: (): RegressionState => [],
  update,
  merge,
  compute(s: RegressionState): number | number[] {
    if (!s.length) noData();
    if (!s[0][0]) fail('sampleWeight', 'all zero', 'weights with a positive sum');
    return check?.(s) ? NaN : reduce(s.map(f), o.multioutput, varianceWeights && s.map(varianceWeights));
  },
});

const params = { multioutput: multioutputParam } as const;

export interface MseOptions extends RegressionOptions {
  /** Return the MSE (default true) or its square root (RMSE). */
  squared?: boolean;
}

/**
 * Mean squared error `sum_i w_i (y_i - yhat_i)^2 / sum_i w_i` per output, averaged over outputs;
 * with `squared: false`, the root of each output's MSE (RMSE).
 *
 * Defaults: `squared` = true, `multioutput` = 'uniform_average'.
 *
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.375
 *
 * @see sklearn.metrics.mean_squared_error
 */
export const meanSquaredErrorMetric = /* @__PURE__ */ metric(
  'meanSquaredError',
  'Mean squared error',
  'mean_squared_error',
  { ...params, squared: { kind: 'boolean', default: true, description: 'false: RMSE' } },
  (o: MseOptions = {}) => regression(o, (x) => (o.squared === false ? Math.sqrt(x[6] / x[0]) : x[6] / x[0])),
);

/** One-shot {@link meanSquaredErrorMetric}. */
export const meanSquaredError: (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o?: MseOptions) => number | number[] = /* @__PURE__ */ once(meanSquaredErrorMetric);

/**
 * Root mean squared error: `sqrt(MSE)` per output, averaged over outputs.
 *
 * @example
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.612
 *
 * @see sklearn.metrics.mean_squared_error (squared=False)
 */
export const rootMeanSquaredErrorMetric = /* @__PURE__ */ metric('rootMeanSquaredError', 'Root mean squared error', 'mean_squared_error', params, (o: RegressionOptions = {}) =>
  meanSquaredErrorMetric.create({ ...o, squared: false }),
);

/** One-shot {@link rootMeanSquaredErrorMetric}. */
export const rootMeanSquaredError: (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o?: RegressionOptions) => number | number[] = /* @__PURE__ */ once(
  rootMeanSquaredErrorMetric,
);

/**
 * Mean absolute error `sum_i w_i |y_i - yhat_i| / sum_i w_i` per output, averaged over outputs.
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 *
 * @see sklearn.metrics.mean_absolute_error
 */
export const meanAbsoluteErrorMetric = /* @__PURE__ */ metric('meanAbsoluteError', 'Mean absolute error', 'mean_absolute_error', params, (o: RegressionOptions = {}) =>
  regression(o, (x) => x[7] / x[0]),
);

/** One-shot {@link meanAbsoluteErrorMetric}. */
export const meanAbsoluteError: (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o?: RegressionOptions) => number | number[] = /* @__PURE__ */ once(meanAbsoluteErrorMetric);

export interface R2Options extends RegressionOptions, WarningOptions {
  /** Replace NaN / -Infinity from constant yTrue by 1 (perfect) or 0 (default true). */
  forceFinite?: boolean;
}

/** 1 - num/den with scikit-learn's force_finite rules. */
const score = (num: number, den: number, force: boolean) => (!force ? 1 - num / den : den && num ? 1 - num / den : num ? 0 : 1);

const r2Params = {
  multioutput: { ...multioutputParam, values: ['uniform_average', 'raw_values', 'variance_weighted'] },
  forceFinite: { kind: 'boolean', default: true, description: 'no NaN / -Infinity for constant yTrue' },
} as const;

/**
 * Coefficient of determination `R^2 = 1 - sum w (y - yhat)^2 / sum w (y - mean(y))^2` per output,
 * averaged uniformly, by output variance (`'variance_weighted'`) or by given weights. Fewer than
 * two samples: NaN and a warning. A constant `yTrue` has variance exactly 0 here, also with sample
 * weights (scikit-learn's weighted mean rounds, so it may see a variance of ~1e-31 and return a
 * huge negative R^2 such as -4e31 instead of `-Infinity`, or 0 with `forceFinite`).
 *
 * Defaults: `multioutput` = 'uniform_average', `forceFinite` = true.
 *
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9486
 *
 * @see sklearn.metrics.r2_score
 */
export const r2ScoreMetric = /* @__PURE__ */ metric('r2Score', 'R^2 (coefficient of determination)', 'r2_score', r2Params, (o: R2Options = {}) =>
  regression(
    o,
    (x) => score(x[6], x[3], o.forceFinite ?? true),
    (x) => x[3],
    (s) => s[0][1] < 2 && (warn(o, 'R^2 is undefined for less than two samples'), true),
  ),
);

/** One-shot {@link r2ScoreMetric}. */
export const r2Score: (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o?: R2Options) => number | number[] = /* @__PURE__ */ once(r2ScoreMetric);

/**
 * Explained variance `1 - Var_w(y - yhat) / Var_w(y)` per output (unlike R^2, a constant bias in
 * the predictions is not penalised), averaged as {@link r2Score}.
 *
 * Defaults: `multioutput` = 'uniform_average', `forceFinite` = true.
 *
 * @example
 * explainedVarianceScore([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9572
 *
 * @see sklearn.metrics.explained_variance_score
 */
export const explainedVarianceScoreMetric = /* @__PURE__ */ metric('explainedVarianceScore', 'Explained variance score', 'explained_variance_score', r2Params, (o: R2Options = {}) =>
  regression(
    o,
    (x) => score(x[5] / x[0], x[3] / x[0], o.forceFinite ?? true),
    (x) => x[3] / x[0],
  ),
);

/** One-shot {@link explainedVarianceScoreMetric}. */
export const explainedVarianceScore: (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o?: R2Options) => number | number[] = /* @__PURE__ */ once(
  explainedVarianceScoreMetric,
);
