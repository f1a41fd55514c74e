import { InvalidArgumentError, type Registry } from '@lab/core';
import { applyStandardize, fitStandardize } from '@lab/datasets';
import { measure } from './evaluate';
import { fit } from './fit';
import { fitLeastSquares } from './least-squares';
import { createModel } from './models';
import { defaultRegistry, registryWithPlugins } from './registry';
import { resolveLoss, resolveMetric } from './resolve';
import type { FitConfig, MetricInput, ModelSpec, TrainData } from './types';

/**
 * One unit of parallel work, as plain data (a worker thread rebuilds everything from it with the
 * built-in registry plus the modules `plugins`): build `model` with `modelSeed`, train it on the rows `train` of `data` with
 * `fit` (or the closed-form least-squares solver), and score it on the rows `test`.
 */
export interface TrainJob {
  readonly model: ModelSpec;
  readonly modelSeed: number;
  readonly fit: FitConfig;
  /** `'gradient'` (default): `fit`; `'leastSquares'`: the exact (ridge) solution, linear / polynomial models only. */
  readonly solver?: 'gradient' | 'leastSquares';
  readonly data: TrainData;
  readonly train: Int32Array;
  readonly test: Int32Array;
  /** Metrics computed on the test rows (the loss is always computed). */
  readonly scoring: readonly MetricInput[];
  /** Also score the training rows. */
  readonly trainScores?: boolean;
  /** Return the raw outputs on the test rows. */
  readonly predictions?: boolean;
  /** Standardise features with statistics of the training rows. */
  readonly standardize?: boolean;
  /** Module specifiers (file URLs or package names) of plugins to add to the built-in registry. */
  readonly plugins?: readonly string[];
}

/** What a job returns. */
export interface JobResult {
  readonly test: Record<string, number>;
  readonly train?: Record<string, number>;
  /** Outputs on the test rows, `[nTest, width]` row-major, when asked for. */
  readonly output?: Float32Array;
  readonly width: number;
  readonly fitMs: number;
}

/**
 * Runs jobs: in this thread one after another (the default), or on worker threads
 * (`createPoolExecutor` in `@lab/train/node`). Results come back in job order and are identical
 * either way.
 */
export interface Executor {
  run(job: TrainJob): Promise<JobResult>;
}

/** Rows `idx` of `data` (plain copy). */
export function subset(data: TrainData, idx: ArrayLike<number>): TrainData {
  const d = data.nFeatures;
  const w = data.nClasses === undefined ? data.y.length / data.nSamples : 1;
  const x = new Float32Array(idx.length * d);
  const y = data.nClasses === undefined ? new Float32Array(idx.length * w) : new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i];
    if (!Number.isInteger(r) || r < 0 || r >= data.nSamples) throw new InvalidArgumentError(`indices[${i}]`, r, `a row in [0, ${data.nSamples})`);
    x.set(data.x.subarray(r * d, r * d + d), i * d);
    for (let j = 0; j < w; j++) y[i * w + j] = data.y[r * w + j];
  }
  return { x, y, nSamples: idx.length, nFeatures: d, ...(data.nClasses === undefined ? {} : { nClasses: data.nClasses }) };
}

/** Reject functions and class instances in a config meant for a worker (they do not cross threads). */
export function assertPlain(arg: string, v: unknown): void {
  if (typeof v === 'function') throw new InvalidArgumentError(arg, v, 'plain data (a registry config, not a function): jobs are rebuilt on worker threads');
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return;
  const proto = Object.getPrototypeOf(v);
  if (!Array.isArray(v) && proto !== Object.prototype && proto !== null)
    throw new InvalidArgumentError(arg, v, 'plain data (a registry config, not an object instance): jobs are rebuilt on worker threads');
  for (const [k, x] of Object.entries(v)) assertPlain(`${arg}.${k}`, x);
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Run one job in this thread (what a worker does with it), with `registry` (in-thread callers pass
 * theirs) or else the built-in registry plus the job's `plugins`.
 *
 * @example
 * const r = await runJob({ model: { type: 'softmax' }, modelSeed: 0, fit: { epochs: 2 }, data, train, test, scoring: ['accuracy'] });
 * r.test.accuracy;
 */
export async function runJob(job: TrainJob, registry?: Registry): Promise<JobResult> {
  let train = subset(job.data, job.train);
  let test = subset(job.data, job.test);
  if (job.standardize) {
    const stats = fitStandardize(train.x, train.nFeatures);
    train = { ...train, x: applyStandardize(train.x, stats) };
    test = { ...test, x: applyStandardize(test.x, stats) };
  }
  const nOutputs = train.nClasses ?? train.y.length / train.nSamples;
  const model = createModel(job.model, { nFeatures: train.nFeatures, nOutputs, seed: job.modelSeed });
  registry ??= job.plugins?.length ? await registryWithPlugins(job.plugins) : defaultRegistry();
  const started = now();
  if (job.solver === 'leastSquares') fitLeastSquares(model, train, { l2: job.fit.regularization?.l2 ?? 0 });
  else await fit({ ...job.fit, model, train, registry, yieldEveryMs: Infinity, earlyStopping: job.fit.earlyStopping });
  const fitMs = now() - started;
  const metrics = job.scoring.map((m) => resolveMetric(m, registry));
  const lossFor = (kind: Parameters<typeof resolveLoss>[1]) => resolveLoss(job.fit.loss, kind, registry);
  const t = measure(model, test, lossFor, metrics);
  return {
    test: t.values,
    ...(job.trainScores ? { train: measure(model, train, lossFor, metrics).values } : {}),
    ...(job.predictions ? { output: t.output } : {}),
    width: t.width,
    fitMs,
  };
}

/** Run jobs through an executor (all at once) or serially in this thread; results in job order. */
export async function runAll(jobs: readonly TrainJob[], executor?: Executor, onDone?: (done: number, total: number) => void, registry?: Registry): Promise<JobResult[]> {
  let done = 0;
  const track = (r: JobResult): JobResult => {
    onDone?.(++done, jobs.length);
    return r;
  };
  if (executor) return Promise.all(jobs.map((j) => executor.run(j).then(track)));
  const out: JobResult[] = [];
  for (const j of jobs) out.push(track(await runJob(j, registry)));
  return out;
}
