import { InvalidArgumentError, Rng, type ParamSpec, type Registry } from '@lab/core';
import { applyStandardize, fitStandardize, type StandardizeStats } from '@lab/datasets';
import { foldJobs, foldScores, lowerIsBetter, planCv, type CvOptions, type CvResult } from './cross-validate';
import { fit } from './fit';
import { runAll } from './job';
import { fitLeastSquares } from './least-squares';
import { createModel, type Model } from './models';
import { defaultRegistry } from './registry';
import type { FitConfig, ModelSpec, TrainData } from './types';

/**
 * A candidate's settings: dotted paths into `{ model, fit }` → value, e.g.
 * `{ 'fit.lr': 0.01, 'model.hidden': [64], 'fit.regularization.l2': 1e-4, 'fit.optimizer.b2': 0.99 }`.
 */
export type Candidate = Readonly<Record<string, unknown>>;

/** Options of `gridSearch` / `randomSearch` besides the CV options. */
export interface SearchOptions extends CvOptions {
  /** Train the best candidate on all of `data` and return it. Default true. */
  readonly refit?: boolean;
}

/** One row of the results table. */
export interface SearchRow {
  /** 1 = best. Ties share the lower rank. */
  readonly rank: number;
  readonly params: Candidate;
  /** Mean and std over folds of the first scoring metric. */
  readonly score: number;
  readonly scoreStd: number;
  readonly cv: CvResult;
}

/** What the searches return. */
export interface SearchResult {
  /** Rows sorted best first (lower is better for losses and errors, higher otherwise). */
  readonly results: readonly SearchRow[];
  readonly best: SearchRow;
  readonly metric: string;
  /** The best candidate trained on all the data (`refit`). */
  readonly model?: Model;
  /** Standardisation statistics of the refit (when `standardize`): apply them to new data. */
  readonly standardization?: StandardizeStats;
}

/** Set a dotted path in a copy of `obj`; a string node (`optimizer: 'adam'`) becomes `{ type: 'adam' }`. */
function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...obj, [head]: value };
  let child = obj[head];
  if (typeof child === 'string') child = { type: child };
  if (child !== undefined && (typeof child !== 'object' || child === null || Array.isArray(child)))
    throw new InvalidArgumentError('params', path.join('.'), `a path through objects (${head} is ${JSON.stringify(child)})`);
  return { ...obj, [head]: setPath((child ?? {}) as Record<string, unknown>, rest, value) };
}

/**
 * The model spec and fit config of a candidate: each dotted path (`model.…` or `fit.…`) set in a copy;
 * a string on the way (`optimizer: 'adam'`) becomes a config `{ type: 'adam' }`.
 *
 * @example
 * applyCandidate({ type: 'mlp' }, { optimizer: 'adam' }, { 'model.hidden': [32], 'fit.optimizer.lr': 0.01 });
 * // { model: { type: 'mlp', hidden: [32] }, fit: { optimizer: { type: 'adam', lr: 0.01 } } }
 */
export function applyCandidate(model: ModelSpec, fitConfig: FitConfig, candidate: Candidate): { model: ModelSpec; fit: FitConfig } {
  let root: Record<string, unknown> = { model, fit: fitConfig };
  for (const [path, value] of Object.entries(candidate)) {
    const parts = path.split('.');
    if ((parts[0] !== 'model' && parts[0] !== 'fit') || parts.length < 2)
      throw new InvalidArgumentError('params', path, "a dotted path starting with 'model.' or 'fit.' (e.g. 'fit.lr', 'model.hidden')");
    root = setPath(root, parts, value);
  }
  return root as unknown as { model: ModelSpec; fit: FitConfig };
}

async function search(options: SearchOptions, candidates: Candidate[]): Promise<SearchResult> {
  const plan = planCv(options);
  const baseFit = options.fit ?? {};
  const perCandidate = candidates.map((c) => {
    const { model, fit: f } = applyCandidate(options.model, baseFit, c);
    return foldJobs(options, plan, model, f);
  });
  const results = await runAll(perCandidate.flat(), options.executor, options.onProgress, options.registry);
  const k = plan.folds.length;
  const rows = candidates.map((params, i) => {
    const cv = foldScores(plan, results.slice(i * k, (i + 1) * k));
    return { params, score: cv.score, scoreStd: cv.scoreStd, cv, i };
  });
  const lower = lowerIsBetter(plan.metric);
  const key = (r: { score: number }) => (Number.isNaN(r.score) ? Infinity : lower ? r.score : -r.score);
  rows.sort((a, b) => key(a) - key(b) || a.i - b.i);
  const table: SearchRow[] = rows.map((r, j) => {
    const first = rows.findIndex((x) => key(x) === key(r));
    return { rank: (first < 0 ? j : first) + 1, params: r.params, score: r.score, scoreStd: r.scoreStd, cv: r.cv };
  });
  const best = table[0];
  if (options.refit === false) return { results: table, best, metric: plan.metric };
  const refit = await refitBest(options, best.params);
  return { results: table, best, metric: plan.metric, ...refit };
}

async function refitBest(options: SearchOptions, candidate: Candidate): Promise<{ model: Model; standardization?: StandardizeStats }> {
  const { model: spec, fit: f } = applyCandidate(options.model, options.fit ?? {}, candidate);
  let data: TrainData = options.data;
  let standardization: StandardizeStats | undefined;
  if (options.standardize) {
    standardization = fitStandardize(data.x, data.nFeatures);
    data = { ...data, x: applyStandardize(data.x, standardization) };
  }
  const seed = options.seed ?? 0;
  const model = createModel(spec, { nFeatures: data.nFeatures, nOutputs: data.nClasses ?? data.y.length / data.nSamples, seed });
  if (options.solver === 'leastSquares') fitLeastSquares(model, data, { l2: f.regularization?.l2 ?? 0 });
  else await fit({ ...f, seed: f.seed ?? seed, model, train: data, registry: options.registry });
  return { model, ...(standardization ? { standardization } : {}) };
}

/** Options of {@link gridSearch}. */
export interface GridSearchOptions extends SearchOptions {
  /** Path → the values to try; every combination is a candidate (the last path varies fastest). */
  readonly params: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * Exhaustive search over a grid (scikit-learn's GridSearchCV): every combination of the given values
 * is cross-validated with the same folds; returns the results table sorted by mean score, the best
 * candidate, and (`refit`, default true) the best model trained on all the data. Candidates × folds
 * are serialisable jobs: with an `executor` from `createPoolExecutor` they run on worker threads,
 * with results identical to the serial run.
 *
 * @example
 * const r = await gridSearch({
 *   model: { type: 'mlp', hidden: [32] }, data: wine, standardize: true,
 *   fit: { epochs: 10, optimizer: 'adam' },
 *   params: { 'fit.lr': [1e-3, 1e-2], 'model.hidden': [[16], [64]] },
 * });
 * r.best.params; r.results.map((row) => [row.rank, row.score]);
 */
export async function gridSearch(options: GridSearchOptions): Promise<SearchResult> {
  const entries = Object.entries(options?.params ?? {});
  if (entries.length === 0) throw new InvalidArgumentError('params', options?.params, 'at least one path with a list of values');
  for (const [p, vs] of entries) if (!Array.isArray(vs) || vs.length === 0) throw new InvalidArgumentError(`params['${p}']`, vs, 'a non-empty list of values');
  let candidates: Record<string, unknown>[] = [{}];
  for (const [p, vs] of entries) candidates = candidates.flatMap((c) => vs.map((v) => ({ ...c, [p]: v })));
  return search(options, candidates);
}

/** A distribution to draw from: a list (uniform choice) or a range. */
export type Distribution =
  | readonly unknown[]
  | {
      readonly min: number;
      readonly max: number;
      /** Log-uniform. Default: the registry params spec's `log` for the path (e.g. `lr`), else false. */
      readonly log?: boolean;
      /** Round to integers. Default: true when the params spec's kind is 'integer'. */
      readonly integer?: boolean;
    };

/** Options of {@link randomSearch}. */
export interface RandomSearchOptions extends SearchOptions {
  readonly params: Readonly<Record<string, Distribution>>;
  /** Number of candidates. Default 10. */
  readonly nIter?: number;
}

/** The params spec a search path refers to, when there is one (for `log` and `integer` defaults). */
export function specFor(path: string, fitConfig: FitConfig, registry: Registry): ParamSpec | undefined {
  const parts = path.split('.');
  const typeOf = (v: unknown, fallback?: string): string | undefined => (typeof v === 'string' ? v : (v as { type?: string } | undefined)?.type ?? fallback);
  const lookup = (kind: 'optimizer' | 'schedule' | 'loss', type: string | undefined, name: string) =>
    type && registry.has(kind, type) ? registry.get(kind, type).params[name] : undefined;
  if (parts[0] !== 'fit') return undefined;
  if (parts[1] === 'lr' && parts.length === 2) return lookup('optimizer', typeOf(fitConfig.optimizer, 'adam'), 'lr');
  if (parts[1] === 'optimizer' && parts.length === 3) return lookup('optimizer', typeOf(fitConfig.optimizer, 'adam'), parts[2]);
  if (parts[1] === 'schedule' && parts.length === 3) return lookup('schedule', typeOf(fitConfig.schedule), parts[2]);
  if (parts[1] === 'loss' && parts.length === 3) return lookup('loss', typeOf(fitConfig.loss), parts[2]);
  if (parts[1] === 'regularization' && (parts[2] === 'l1' || parts[2] === 'l2')) return { kind: 'number', min: 0, log: true, description: 'penalty weight' };
  if (parts[1] === 'batchSize' || parts[1] === 'epochs' || parts[1] === 'iterations') return { kind: 'integer', min: 1, log: true, description: parts[1] };
  return undefined;
}

/**
 * Random search (Bergstra & Bengio, JMLR 2012; scikit-learn's RandomizedSearchCV): `nIter` candidates
 * drawn from the distributions with a seeded Rng: a list is a uniform choice, a range `{ min, max }`
 * is uniform, or log-uniform (`exp(U(log min, log max))`) where `log: true` or where the registry's
 * params spec for that path says `log: true` (learning rates, ε, penalty weights). Each candidate is
 * cross-validated like {@link gridSearch}; same results table, best and refit.
 *
 * @example
 * const r = await randomSearch({
 *   model: { type: 'softmax' }, data: digits, standardize: true, fit: { epochs: 3 },
 *   params: { 'fit.lr': { min: 1e-4, max: 1e-1 }, 'fit.regularization.l2': { min: 1e-6, max: 1e-2 } },
 *   nIter: 20, seed: 0,
 * });
 */
export async function randomSearch(options: RandomSearchOptions): Promise<SearchResult> {
  const entries = Object.entries(options?.params ?? {});
  if (entries.length === 0) throw new InvalidArgumentError('params', options?.params, 'at least one path with a distribution');
  const nIter = options.nIter ?? 10;
  if (!Number.isInteger(nIter) || nIter < 1) throw new InvalidArgumentError('nIter', nIter, 'an integer >= 1');
  const registry = options.registry ?? defaultRegistry();
  const draws = entries.map(([path, d]): ((rng: Rng) => unknown) => {
    if (Array.isArray(d)) {
      if (d.length === 0) throw new InvalidArgumentError(`params['${path}']`, d, 'a non-empty list');
      return (rng) => d[rng.int(d.length)];
    }
    const r = d as Exclude<Distribution, readonly unknown[]>;
    if (typeof r !== 'object' || r === null || !Number.isFinite(r.min) || !Number.isFinite(r.max) || !(r.max >= r.min))
      throw new InvalidArgumentError(`params['${path}']`, d, 'a list of values or a range { min, max, log?, integer? } with min <= max');
    const spec = specFor(path, options.fit ?? {}, registry);
    const log = r.log ?? (spec !== undefined && 'log' in spec && spec.log === true);
    const integer = r.integer ?? spec?.kind === 'integer';
    if (log && !(r.min > 0)) throw new InvalidArgumentError(`params['${path}'].min`, r.min, '> 0 for a log-uniform range');
    return (rng) => {
      const u = rng.next();
      const v = log ? Math.exp(Math.log(r.min) + u * (Math.log(r.max) - Math.log(r.min))) : r.min + u * (r.max - r.min);
      return integer ? Math.min(r.max, Math.max(r.min, Math.round(v))) : v;
    };
  });
  const rng = new Rng(options.seed ?? 0);
  const candidates = Array.from({ length: nIter }, () => Object.fromEntries(entries.map(([p], j) => [p, draws[j](rng)])));
  return search(options, candidates);
}
