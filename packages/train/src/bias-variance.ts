import { InvalidArgumentError, Rng, type Registry } from '@lab/core';
import { checkData } from './data';
import { labelsOf } from './evaluate';
import { assertPlain, runAll, type Executor, type TrainJob } from './job';
import { checkPlugins } from './registry';
import { applyCandidate } from './search';
import type { FitConfig, ModelSpec, TrainData } from './types';

/** Options of {@link biasVariance}. */
export interface BiasVarianceOptions {
  readonly model: ModelSpec;
  /** The training sample; each round trains on a bootstrap resample of it. */
  readonly train: TrainData & { readonly noiseStd?: number };
  /** Evaluation points. For regression, `yTrue` (the noise-free f(x), as the synthetic generators give) enables the noise term. */
  readonly test: TrainData & { readonly yTrue?: ArrayLike<number> };
  readonly fit?: FitConfig;
  /** Default 'leastSquares' for linear / polynomial models (exact, fast), 'gradient' otherwise. */
  readonly solver?: 'gradient' | 'leastSquares';
  /** Default 'squared' for regression, '0-1' for classification. */
  readonly loss?: 'squared' | '0-1';
  /** Bootstrap rounds. Default 50. */
  readonly rounds?: number;
  /** Seed of the resampling; also the model and batch seed of every round (as mlxtend, one fixed estimator). Default 0. */
  readonly seed?: number;
  /** σ of the noise when known; default `train.noiseStd` (the generators set it). */
  readonly noiseStd?: number;
  readonly standardize?: boolean;
  readonly executor?: Executor;
  readonly onProgress?: (done: number, total: number) => void;
  /** Registry for names in `fit`. Default `defaultRegistry()`. */
  readonly registry?: Registry;
  /** Module specifiers of `registry`'s plugins beyond the built-ins, for worker threads (see `CvOptions.plugins`). */
  readonly plugins?: readonly string[];
}

/** What {@link biasVariance} returns. */
export interface BiasVarianceResult {
  readonly loss: 'squared' | '0-1';
  readonly rounds: number;
  /** Mean over rounds and test points of the loss against the test targets `y`. */
  readonly expectedLoss: number;
  /** Squared loss: mean (ȳ(x) − f(x))² with f the true function when `yTrue` is given, else the targets `y` (mlxtend). 0-1 loss: fraction of points whose main prediction is wrong. */
  readonly bias: number;
  /** Squared loss: mean over points of the variance of the predictions across rounds. 0-1 loss: mean P(ŷ ≠ main prediction). */
  readonly variance: number;
  /** Squared loss with `yTrue`: σ² when known, else mean (y − f(x))²; otherwise null. */
  readonly noise: number | null;
  /** Squared loss with `yTrue`: bias + variance + noise (≈ expectedLoss); otherwise null. */
  readonly total: number | null;
  /**
   * The identity's residual, ≈ 1e-16 relative: squared loss `|mean (ŷ − f)² − (bias + variance)|` (f = yTrue, or y);
   * 0-1 loss `|expectedLoss − (bias + netVariance)|`.
   */
  readonly identityError: number;
  /** 0-1 loss: Domingos' net variance `Σ c(x)·V(x) / n` (c = 1 on unbiased points, −P(ŷ = y | ŷ ≠ main) on biased ones); null for squared loss. */
  readonly netVariance: number | null;
  /** Mean (squared) or main (0-1) prediction per test point. */
  readonly mainPrediction: Float64Array;
  /** Mean training loss over rounds (the training error curve of the lecture's figure). */
  readonly trainLoss: number;
}

function concat(a: TrainData, b: TrainData): TrainData {
  const x = new Float32Array(a.x.length + b.x.length);
  x.set(a.x);
  x.set(b.x, a.x.length);
  const y = Float64Array.from({ length: a.y.length + b.y.length }, (_, i) => (i < a.y.length ? a.y[i] : b.y[i - a.y.length]));
  return { x, y, nSamples: a.nSamples + b.nSamples, nFeatures: a.nFeatures, ...(a.nClasses === undefined ? {} : { nClasses: a.nClasses }) };
}

/**
 * Bias–variance decomposition estimated by retraining on bootstrap resamples of the training set
 * (as mlxtend's `bias_variance_decomp`), then predicting the test points.
 *
 * Squared loss, with predictions ŷ_r(x) of rounds r, mean prediction ȳ(x), true function f:
 * ```text
 * E_r[(ŷ_r(x) − f(x))²] = (ȳ(x) − f(x))² + E_r[(ŷ_r(x) − ȳ(x))²]        (exact, averaged over x)
 * E[(y − ŷ)²] = bias² + variance + σ²                                    (in expectation over the noise)
 * ```
 * `total = bias + variance + noise` is returned and `identityError` checks the first line. Without
 * `yTrue`, f is replaced by the test targets y (mlxtend's convention: the noise is then inside the bias).
 *
 * 0-1 loss (P. Domingos, "A Unified Bias-Variance Decomposition", ICML 2000; noise-free form): the
 * main prediction m(x) is the most frequent label (ties: the smallest), bias B(x) = [m(x) ≠ y],
 * variance V(x) = P(ŷ ≠ m(x)); then `E[L(x)] = B(x) + c(x)·V(x)` exactly, with c = 1 where unbiased and
 * c = −P(ŷ = y | ŷ ≠ m) where biased (−1 for two classes): variance hurts unbiased points and helps
 * biased ones. `bias`, `variance` (mean V) and `netVariance` (mean c·V) are returned.
 *
 * Rounds are serialisable jobs: pass `executor` (`createPoolExecutor`) to run them on worker threads
 * with identical results.
 *
 * @example
 * const train = makePolynomialRegression({ nSamples: 40, noise: 0.3, seed: 1 });
 * const test = makePolynomialRegression({ nSamples: 200, noise: 0.3, seed: 2, sampling: 'grid' });
 * const r = await biasVariance({ model: { type: 'polynomial', degree: 3 }, train, test, rounds: 100 });
 * r.bias + r.variance + r.noise; // = r.total ≈ r.expectedLoss
 */
export async function biasVariance(options: BiasVarianceOptions): Promise<BiasVarianceResult> {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, '{ model, train, test, ... }');
  const train = checkData('train', options.train);
  const test = checkData('test', options.test);
  if (test.nFeatures !== train.nFeatures) throw new InvalidArgumentError('test.nFeatures', test.nFeatures, `${train.nFeatures} like train`);
  if ((test.nClasses === undefined) !== (train.nClasses === undefined)) throw new InvalidArgumentError('test.nClasses', test.nClasses, `the same task as train (nClasses ${train.nClasses})`);
  const classify = train.nClasses !== undefined;
  const loss = options.loss ?? (classify ? '0-1' : 'squared');
  if (loss !== 'squared' && loss !== '0-1') throw new InvalidArgumentError('loss', loss, "'squared' or '0-1'");
  if (loss === '0-1' && !classify) throw new InvalidArgumentError('loss', loss, "'squared' for regression data");
  if (loss === 'squared' && classify) throw new InvalidArgumentError('loss', loss, "'0-1' for classification data");
  const rounds = options.rounds ?? 50;
  if (!Number.isInteger(rounds) || rounds < 2) throw new InvalidArgumentError('rounds', rounds, 'an integer >= 2');
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('seed', seed, 'a safe integer');
  const fitConfig = options.fit ?? {};
  assertPlain('fit', fitConfig);
  checkPlugins(options.registry, options.plugins, options.executor);
  assertPlain('model', options.model);
  const solver = options.solver ?? (options.model.type === 'linear' || options.model.type === 'polynomial' ? 'leastSquares' : 'gradient');
  const width = classify ? 1 : test.y.length / test.nSamples;
  if (!classify && width !== 1) throw new InvalidArgumentError('test.y', test.y.length, `${test.nSamples} targets (one output)`);

  const all = concat(train, test);
  const n = train.nSamples;
  const m = test.nSamples;
  const testIdx = Int32Array.from({ length: m }, (_, i) => n + i);
  const rng = new Rng(seed);
  const jobs: TrainJob[] = Array.from({ length: rounds }, () => ({
    model: options.model,
    modelSeed: seed,
    fit: { ...fitConfig, seed: fitConfig.seed ?? seed },
    solver,
    data: all,
    train: Int32Array.from({ length: n }, () => rng.int(n)),
    test: testIdx,
    scoring: [],
    trainScores: true,
    predictions: true,
    standardize: options.standardize,
    ...(options.plugins?.length ? { plugins: options.plugins } : {}),
  }));
  const results = await runAll(jobs, options.executor, options.onProgress, options.registry);
  const trainLoss = results.reduce((s, r) => s + r.train!.loss, 0) / rounds;
  const y = test.y;

  if (loss === 'squared') {
    const preds = results.map((r) => r.output!);
    const mean = new Float64Array(m);
    for (const p of preds) for (let i = 0; i < m; i++) mean[i] += p[i] / rounds;
    const yTrue = options.test.yTrue;
    if (yTrue !== undefined && yTrue.length !== m) throw new InvalidArgumentError('test.yTrue', yTrue.length, `${m} values`);
    const f = yTrue ?? y;
    let bias = 0;
    let variance = 0;
    let expected = 0;
    let vsF = 0;
    for (let i = 0; i < m; i++) {
      bias += (mean[i] - f[i]) ** 2;
      for (const p of preds) {
        variance += (p[i] - mean[i]) ** 2;
        expected += (p[i] - y[i]) ** 2;
        vsF += (p[i] - f[i]) ** 2;
      }
    }
    bias /= m;
    variance /= m * rounds;
    expected /= m * rounds;
    vsF /= m * rounds;
    let noise: number | null = null;
    if (yTrue !== undefined) {
      const sigma = options.noiseStd ?? options.train.noiseStd;
      if (sigma !== undefined) noise = sigma * sigma;
      else {
        noise = 0;
        for (let i = 0; i < m; i++) noise += (y[i] - yTrue[i]) ** 2 / m;
      }
    }
    return {
      loss,
      rounds,
      expectedLoss: expected,
      bias,
      variance,
      noise,
      total: noise === null ? null : bias + variance + noise,
      identityError: Math.abs(vsF - (bias + variance)),
      netVariance: null,
      mainPrediction: mean,
      trainLoss,
    };
  }

  const labels = results.map((r) => labelsOf(r.output!, r.width));
  const k = train.nClasses!;
  const main = new Float64Array(m);
  let bias = 0;
  let variance = 0;
  let net = 0;
  let expected = 0;
  for (let i = 0; i < m; i++) {
    const counts = new Array<number>(k).fill(0);
    for (const l of labels) counts[l[i]]++;
    let best = 0;
    for (let c = 1; c < k; c++) if (counts[c] > counts[best]) best = c;
    main[i] = best;
    const b = best === y[i] ? 0 : 1;
    const v = (rounds - counts[best]) / rounds;
    const wrong = (rounds - counts[y[i]]) / rounds;
    const c = b === 0 ? 1 : v > 0 ? -counts[y[i]] / (rounds - counts[best]) : 0;
    bias += b / m;
    variance += v / m;
    net += (c * v) / m;
    expected += wrong / m;
  }
  return {
    loss,
    rounds,
    expectedLoss: expected,
    bias,
    variance,
    noise: null,
    total: null,
    identityError: Math.abs(expected - (bias + net)),
    netVariance: net,
    mainPrediction: main,
    trainLoss,
  };
}

/** Options of {@link biasVarianceCurve}: {@link BiasVarianceOptions} plus the swept setting. */
export interface BiasVarianceCurveOptions extends BiasVarianceOptions {
  /** A dotted path into `{ model, fit }` and its values, e.g. `{ path: 'model.degree', values: [1, 2, …, 9] }` or `{ path: 'fit.regularization.l2', values: [1e-6, …, 1] }`. */
  readonly sweep: { readonly path: string; readonly values: readonly unknown[] };
}

/** The lecture's bias–variance figure: one decomposition per swept value. */
export interface BiasVarianceCurve {
  readonly path: string;
  readonly values: readonly unknown[];
  readonly bias: number[];
  readonly variance: number[];
  /** σ² (or the empirical noise), the same for every value; null without `yTrue`. */
  readonly noise: number | null;
  readonly total: (number | null)[];
  /** Test error (expected loss against y). */
  readonly expectedLoss: number[];
  /** Training error (mean over rounds). */
  readonly trainLoss: number[];
  readonly points: BiasVarianceResult[];
}

/**
 * Sweep {@link biasVariance} over model complexity (polynomial degree, hidden size) or a
 * regularisation weight: the curves of the lecture's figure, bias² falling and variance rising with
 * complexity (or the reverse with λ), their sum plus the noise tracking the test error. Every value
 * uses the same bootstrap resamples (same seed).
 *
 * @example
 * const curve = await biasVarianceCurve({
 *   model: { type: 'polynomial', degree: 1 }, train, test, rounds: 100,
 *   sweep: { path: 'model.degree', values: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
 * });
 * curve.bias; curve.variance; curve.expectedLoss;
 */
export async function biasVarianceCurve(options: BiasVarianceCurveOptions): Promise<BiasVarianceCurve> {
  const { path, values } = options?.sweep ?? ({} as BiasVarianceCurveOptions['sweep']);
  if (typeof path !== 'string' || !Array.isArray(values) || values.length === 0)
    throw new InvalidArgumentError('sweep', options?.sweep, "{ path: 'model.degree' | 'fit.regularization.l2' | ..., values: [...] }");
  const points: BiasVarianceResult[] = [];
  for (const v of values) {
    const { model, fit } = applyCandidate(options.model, options.fit ?? {}, { [path]: v });
    points.push(await biasVariance({ ...options, model, fit }));
  }
  return {
    path,
    values,
    bias: points.map((p) => p.bias),
    variance: points.map((p) => p.variance),
    noise: points[0].noise,
    total: points.map((p) => p.total),
    expectedLoss: points.map((p) => p.expectedLoss),
    trainLoss: points.map((p) => p.trainLoss),
    points,
  };
}
