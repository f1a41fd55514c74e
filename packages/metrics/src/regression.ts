/**
 * Regression metrics over one mergeable state per output: total weight, count, and the weighted
 * mean / sum of squared deviations of yTrue and of the error (merged with Chan et al.'s parallel
 * update), plus the weighted sums of squared and absolute errors.
 */
import { InvalidArgumentError, UndefinedResultError } from '@lab/core';
import { multioutputParam } from './params';
import type { RegressionBatch, Rows, SampleWeight, WarningOptions } from './types';
import { fail, matrix, metric, run, sameLength, warn, weights } from './util';

/** Per output: [weight, count, mean y, M2 y, mean e, M2 e, sum w e^2, sum w |e|], e = yTrue - yPred. */
export type RegressionState = readonly Float64Array[];

const F = 8;

/** Chan et al. (1979) combination of two (weight, mean, M2) summaries. */
function chan(a: Float64Array, b: Float64Array, out: Float64Array): void {
  const w = a[0] + b[0];
  for (const m of [2, 4]) {
    const d = b[m] - a[m];
    out[m] = a[0] ? a[m] + (d * b[0]) / w : b[m];
    out[m + 1] = a[0] && b[0] ? a[m + 1] + b[m + 1] + (d * d * a[0] * b[0]) / w : a[m + 1] + b[m + 1];
  }
  [out[0], out[1], out[6], out[7]] = [w, a[1] + b[1], a[6] + b[6], a[7] + b[7]];
}

const merge = (a: RegressionState, b: RegressionState): RegressionState => {
  if (!a.length) return b;
  if (!b.length) return a;
  if (a.length !== b.length) throw new InvalidArgumentError('state', b.length, `${a.length} outputs`);
  return a.map((x, j) => {
    const out = new Float64Array(F);
    chan(x, b[j], out);
    return out;
  });
};

function update(s: RegressionState, { yTrue, yPred, sampleWeight }: RegressionBatch): RegressionState {
  sameLength('yPred', yPred, 'yTrue', yTrue);
  const w = weights(sampleWeight, yTrue.length, 'yTrue');
  if (!yTrue.length) return s;
  const t = matrix('yTrue', yTrue);
  const p = matrix('yPred', yPred);
  if (t.width !== p.width) throw new InvalidArgumentError('yPred', p.width, `${t.width} outputs like yTrue`);
  const m = t.width;
  const n = yTrue.length;
  const batch = Array.from({ length: m }, (_, j) => {
    const st = new Float64Array(F);
    const at = (i: number) => i * m + j;
    let sw = 0;
    let sy = 0;
    let se = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      const e = t.data[at(i)] - p.data[at(i)];
      sw += wi;
      sy += wi * t.data[at(i)];
      se += wi * e;
      st[6] += wi * e * e;
      st[7] += wi * Math.abs(e);
    }
    if (!sw) return fail('sampleWeight', 'all zero', 'weights with a positive sum');
    const [my, me] = [sy / sw, se / sw];
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      const dy = t.data[at(i)] - my;
      const de = t.data[at(i)] - p.data[at(i)] - me;
      st[3] += wi * dy * dy;
      st[5] += wi * de * de;
    }
    [st[0], st[1], st[2], st[4]] = [sw, n, my, me];
    return st;
  });
  return merge(s, batch);
}

export interface RegressionOptions {
  /** `'uniform_average'` (default), `'raw_values'` (one value per output), or per-output weights. */
  multioutput?: 'uniform_average' | 'raw_values' | 'variance_weighted' | readonly number[];
  sampleWeight?: SampleWeight;
}

function reduce(s: RegressionState, per: number[], mo: RegressionOptions['multioutput'] = 'uniform_average', varianceWeights?: number[]): number | number[] {
  if (mo === 'raw_values') return per;
  let w: readonly number[] | undefined = typeof mo === 'string' ? undefined : mo;
  if (mo === 'variance_weighted') {
    if (!varianceWeights) fail('multioutput', mo, "'uniform_average', 'raw_values' or weights");
    if (varianceWeights!.some((v) => v !== 0)) w = varianceWeights;
  } else if (typeof mo === 'string' && mo !== 'uniform_average') fail('multioutput', mo, "'uniform_average', 'raw_values' or per-output weights");
  if (w && w.length !== s.length) throw new InvalidArgumentError('multioutput', w, `${s.length} weights, one per output`);
  const ws = w ?? per.map(() => 1);
  return per.reduce((a, v, i) => a + v * ws[i], 0) / ws.reduce((a, b) => a + b, 0);
}

const check = (s: RegressionState) => {
  if (!s.length) throw new UndefinedResultError('no samples: the metric has seen no data');
  return s;
};

const regression = <R>(compute: (s: RegressionState) => R) => ({ init: (): RegressionState => [], update, merge, compute: (s: RegressionState) => compute(check(s)) });

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
  'metrics.mean_squared_error',
  { ...params, squared: { kind: 'boolean', default: true, description: 'false gives the root mean squared error' } },
  (o: MseOptions = {}) => regression((s) => reduce(s, s.map((x) => (o.squared === false ? Math.sqrt(x[6] / x[0]) : x[6] / x[0])), o.multioutput)),
);

/** One-shot {@link meanSquaredErrorMetric}. */
export const meanSquaredError = (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o: MseOptions = {}) =>
  run(meanSquaredErrorMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });

/**
 * Root mean squared error: `sqrt(MSE)` per output, averaged over outputs.
 *
 * @example
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.612
 *
 * @see sklearn.metrics.mean_squared_error (squared=False)
 */
export const rootMeanSquaredErrorMetric = /* @__PURE__ */ metric('rootMeanSquaredError', 'Root mean squared error', 'metrics.mean_squared_error', params, (o: RegressionOptions = {}) =>
  meanSquaredErrorMetric.create({ ...o, squared: false }),
);

/** One-shot {@link rootMeanSquaredErrorMetric}. */
export const rootMeanSquaredError = (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o: RegressionOptions = {}) =>
  meanSquaredError(yTrue, yPred, { ...o, squared: false });

/**
 * Mean absolute error `sum_i w_i |y_i - yhat_i| / sum_i w_i` per output, averaged over outputs.
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 *
 * @see sklearn.metrics.mean_absolute_error
 */
export const meanAbsoluteErrorMetric = /* @__PURE__ */ metric('meanAbsoluteError', 'Mean absolute error', 'metrics.mean_absolute_error', params, (o: RegressionOptions = {}) =>
  regression((s) => reduce(s, s.map((x) => x[7] / x[0]), o.multioutput)),
);

/** One-shot {@link meanAbsoluteErrorMetric}. */
export const meanAbsoluteError = (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o: RegressionOptions = {}) =>
  run(meanAbsoluteErrorMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });

export interface R2Options extends RegressionOptions, WarningOptions {
  /** Replace NaN / -Infinity from constant yTrue by 1 (perfect) or 0 (default true). */
  forceFinite?: boolean;
}

/** 1 - num/den with scikit-learn's force_finite rules. */
const score = (num: number, den: number, force: boolean) => (!force ? 1 - num / den : den && num ? 1 - num / den : num ? 0 : 1);

const r2Params = {
  multioutput: { ...multioutputParam, values: ['uniform_average', 'raw_values', 'variance_weighted'] },
  forceFinite: { kind: 'boolean', default: true, description: 'constant yTrue gives 1 (perfect) or 0 instead of NaN / -Infinity' },
} as const;

/**
 * Coefficient of determination `R^2 = 1 - sum w (y - yhat)^2 / sum w (y - mean(y))^2` per output,
 * averaged uniformly, by output variance (`'variance_weighted'`) or by given weights. Fewer than
 * two samples: NaN and a warning.
 *
 * Defaults: `multioutput` = 'uniform_average', `forceFinite` = true.
 *
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9486
 *
 * @see sklearn.metrics.r2_score
 */
export const r2ScoreMetric = /* @__PURE__ */ metric('r2Score', 'Coefficient of determination R^2', 'metrics.r2_score', r2Params, (o: R2Options = {}) =>
  regression((s) => {
    if (s[0][1] < 2) return warn(o, 'R^2 score is not well-defined with less than two samples'), NaN;
    return reduce(s, s.map((x) => score(x[6], x[3], o.forceFinite ?? true)), o.multioutput, s.map((x) => x[3]));
  }),
);

/** One-shot {@link r2ScoreMetric}. */
export const r2Score = (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o: R2Options = {}) =>
  run(r2ScoreMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });

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
export const explainedVarianceScoreMetric = /* @__PURE__ */ metric('explainedVarianceScore', 'Explained variance score', 'metrics.explained_variance_score', r2Params, (o: R2Options = {}) =>
  regression((s) => reduce(s, s.map((x) => score(x[5] / x[0], x[3] / x[0], o.forceFinite ?? true)), o.multioutput, s.map((x) => x[3] / x[0]))),
);

/** One-shot {@link explainedVarianceScoreMetric}. */
export const explainedVarianceScore = (yTrue: ArrayLike<number> | Rows, yPred: ArrayLike<number> | Rows, o: R2Options = {}) =>
  run(explainedVarianceScoreMetric.create(o), { yTrue, yPred, sampleWeight: o.sampleWeight });
