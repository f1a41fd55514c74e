import { InvalidArgumentError, type BuildConfig, type Fold, type LabelArray, type Registry, type Splitter } from '@lab/core';
import { checkData } from './data';
import { monitorMode } from './fit';
import { assertPlain, runAll, type Executor, type TrainJob } from './job';
import { checkPlugins, defaultRegistry } from './registry';
import type { FitConfig, MetricInput, ModelSpec, TrainData } from './types';

/** Options shared by {@link crossValidate}, `gridSearch` and `randomSearch`. */
export interface CvOptions {
  readonly model: ModelSpec;
  readonly data: TrainData;
  /** Serialisable fit settings (registry configs only). Default `{}` (fit's defaults). */
  readonly fit?: FitConfig;
  /** Any splitter object (folds are computed here), a splitter config or name. Default `{ type: 'kFold', nSplits: 5, shuffle: true, seed }` (`stratifiedKFold` for classification). */
  readonly splitter?: Splitter | BuildConfig | string;
  /**
   * Group label of each sample (`nSamples` of them), for the group splitters (`groupKFold`,
   * `stratifiedGroupKFold`), which never put a group on both sides of a fold; scikit-learn's
   * `groups` argument of `cross_validate`. Other splitters ignore it. Default none.
   */
  readonly groups?: LabelArray;
  /** Metrics scored on each test fold; the first is the score. Default ['accuracy'] (classification) or ['mse'] (regression). The loss is always reported. */
  readonly scoring?: readonly MetricInput[];
  /** Seed of the model initialisation, the default splitter and (unless `fit.seed` is set) the batch order. Default 0. */
  readonly seed?: number;
  /** Standardise features inside each fold with the training rows' statistics. Default false. */
  readonly standardize?: boolean;
  /** `'gradient'` (default) trains with `fit`; `'leastSquares'` solves linear / polynomial models exactly. */
  readonly solver?: 'gradient' | 'leastSquares';
  /** Also report the scores on the training rows. Default false. */
  readonly trainScores?: boolean;
  /** Where the jobs run. Default: this thread, one after another. `createPoolExecutor` (`@lab/train/node`) runs them on worker threads with identical results. */
  readonly executor?: Executor;
  /** Called after each finished fold (job). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Registry for names in the configs. Default `defaultRegistry()`. */
  readonly registry?: Registry;
  /**
   * Module specifiers (file URLs or package names) of the plugins in `registry` beyond the built-ins:
   * jobs on worker threads import them to rebuild the registry (required with an `executor` when the
   * registry has such plugins). Default none.
   */
  readonly plugins?: readonly string[];
}

/** One fold's result. */
export interface FoldScores {
  readonly fold: number;
  readonly nTrain: number;
  readonly nTest: number;
  /** Loss and every scoring metric on the test rows. */
  readonly test: Readonly<Record<string, number>>;
  readonly train?: Readonly<Record<string, number>>;
  readonly fitMs: number;
}

/** What {@link crossValidate} returns. */
export interface CvResult {
  readonly folds: readonly FoldScores[];
  /** Mean over folds of each test value. */
  readonly mean: Readonly<Record<string, number>>;
  /** Population standard deviation (ddof 0, as scikit-learn's cv_results_) of each test value. */
  readonly std: Readonly<Record<string, number>>;
  /** The first scoring metric's name, mean and std. */
  readonly metric: string;
  readonly score: number;
  readonly scoreStd: number;
}

/** Resolved CV setup (internal, shared with the searches). */
export interface CvPlan {
  readonly folds: Fold[];
  readonly scoring: MetricInput[];
  readonly metric: string;
  readonly seed: number;
}

export function planCv(o: CvOptions): CvPlan {
  if (typeof o !== 'object' || o === null) throw new InvalidArgumentError('options', o, 'an object { model, data, ... }');
  const data = checkData('data', o.data);
  const seed = o.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('seed', seed, 'a safe integer');
  const registry = o.registry ?? defaultRegistry();
  checkPlugins(o.registry, o.plugins, o.executor);
  const classify = data.nClasses !== undefined;
  const sp = o.splitter ?? { type: classify ? 'stratifiedKFold' : 'kFold', nSplits: 5, shuffle: true, seed };
  const splitter: Splitter =
    typeof sp === 'object' && typeof (sp as Splitter).split === 'function'
      ? (sp as Splitter)
      : registry.build('splitter', typeof sp === 'string' ? { type: sp } : (sp as BuildConfig));
  const groups = o.groups;
  if (groups !== undefined && (groups === null || typeof groups !== 'object' || groups.length !== data.nSamples))
    throw new InvalidArgumentError('groups', groups, `${data.nSamples} group labels (one per sample of data)`);
  const folds = [...splitter.split({ nSamples: data.nSamples, y: classify ? (data.y as ArrayLike<number>) : null, ...(groups && { groups }) })];
  if (folds.length === 0) throw new InvalidArgumentError('splitter', sp, 'a splitter that yields at least one fold');
  const scoring = [...(o.scoring ?? (classify ? ['accuracy'] : ['mse']))];
  if (scoring.length === 0) throw new InvalidArgumentError('scoring', scoring, 'at least one metric');
  const first = scoring[0];
  return { folds, scoring, metric: typeof first === 'string' ? first : first.type, seed };
}

export function foldJobs(o: CvOptions, plan: CvPlan, model: ModelSpec, fitConfig: FitConfig): TrainJob[] {
  assertPlain('model', model);
  assertPlain('fit', fitConfig);
  return plan.folds.map((f) => ({
    model,
    modelSeed: plan.seed,
    fit: { ...fitConfig, seed: fitConfig.seed ?? plan.seed },
    solver: o.solver,
    data: o.data,
    train: f.train,
    test: f.test,
    scoring: plan.scoring,
    trainScores: o.trainScores,
    standardize: o.standardize,
    ...(o.plugins?.length ? { plugins: o.plugins } : {}),
  }));
}

/** Mean and population std of each key. */
export function summarise(rows: readonly Readonly<Record<string, number>>[]): { mean: Record<string, number>; std: Record<string, number> } {
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const k of Object.keys(rows[0])) {
    const xs = rows.map((r) => r[k]);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    mean[k] = m;
    std[k] = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  }
  return { mean, std };
}

export function foldScores(plan: CvPlan, results: readonly import('./job').JobResult[]): CvResult {
  const folds = results.map((r, i) => ({
    fold: i,
    nTrain: plan.folds[i].train.length,
    nTest: plan.folds[i].test.length,
    test: r.test,
    ...(r.train ? { train: r.train } : {}),
    fitMs: r.fitMs,
  }));
  const { mean, std } = summarise(folds.map((f) => f.test));
  return { folds, mean, std, metric: plan.metric, score: mean[plan.metric], scoreStd: std[plan.metric] };
}

/**
 * K-fold (or any splitter's) cross-validation of a model spec: for each fold, a fresh model
 * (seeded) is trained on the training rows and scored on the test rows; returns per-fold scores and
 * their mean ± std. Each fold is a serialisable job, so with an `executor` from
 * `createPoolExecutor` (`@lab/train/node`) the folds run on worker threads, with results identical
 * to the serial run. Score direction: losses and errors (mse, mae…) are better when lower.
 *
 * @example
 * const cv = await crossValidate({
 *   model: { type: 'softmax' }, data: iris, fit: { epochs: 20, optimizer: { type: 'adam', lr: 0.05 } },
 *   splitter: { type: 'stratifiedKFold', nSplits: 5, shuffle: true, seed: 0 }, standardize: true,
 * });
 * console.log(`${cv.metric}: ${cv.score.toFixed(3)} ± ${cv.scoreStd.toFixed(3)}`);
 */
export async function crossValidate(options: CvOptions): Promise<CvResult> {
  const plan = planCv(options);
  const jobs = foldJobs(options, plan, options.model, options.fit ?? {});
  return foldScores(plan, await runAll(jobs, options.executor, options.onProgress, options.registry));
}

/** True when a lower value of the metric is better. */
export const lowerIsBetter = (metric: string): boolean => monitorMode(metric) === 'min';
