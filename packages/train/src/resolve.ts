/** Internal: turning loss / optimizer / schedule / metric inputs into live objects. */
import { InvalidArgumentError, type BuildConfig, type GradientTransformation, type Registry, type Schedule } from '@lab/core';
import { chain, clipByGlobalNorm, clipByValue } from '@lab/optimizers';
import {
  accuracyScore,
  balancedAccuracyScore,
  f1Score,
  meanAbsoluteError,
  meanSquaredError,
  precisionScore,
  r2Score,
  recallScore,
  rootMeanSquaredError,
} from '@lab/metrics';
import type { Tensor } from '@lab/tensor';
import type { ClippingOptions, LossInput, MetricInput, OptimizerInput, TargetKind } from './types';

export type LossFn = (output: Tensor, target: Tensor) => Tensor;

const config = (arg: string, v: string | BuildConfig): BuildConfig => {
  const c = typeof v === 'string' ? { type: v } : v;
  if (typeof c !== 'object' || c === null || typeof c.type !== 'string') throw new InvalidArgumentError(arg, v, 'a type name or a config { type, ...params }');
  return c;
};

/** The default loss for a target kind. */
export const defaultLoss = (kind: TargetKind): string => (kind === 'index' ? 'crossEntropy' : kind === 'binary' ? 'bceWithLogits' : 'mseLoss');

export function resolveLoss(input: LossInput | undefined, kind: TargetKind, registry: Registry): LossFn {
  const l = input ?? defaultLoss(kind);
  if (typeof l === 'object' && l !== null && typeof (l as { forward?: unknown }).forward === 'function') {
    const f = l as { forward(a: Tensor, b: Tensor): Tensor };
    return (o, t) => f.forward(o, t);
  }
  const built = registry.build('loss', config('loss', l as string | BuildConfig)) as unknown as { forward(a: Tensor, b: Tensor): Tensor };
  return (o, t) => built.forward(o, t);
}

const isTransformation = (x: unknown): x is GradientTransformation =>
  typeof x === 'object' && x !== null && typeof (x as GradientTransformation).init === 'function' && typeof (x as GradientTransformation).update === 'function';

/** A schedule from a function or a config; a config without its length gets `totalSteps`. */
export function resolveSchedule(s: Schedule | BuildConfig, registry: Registry, totalSteps: number): Schedule {
  if (typeof s === 'function') return s;
  const c = config('schedule', s);
  const params = registry.get('schedule', c.type).params;
  const filled: Record<string, unknown> = { ...c };
  for (const k of ['decaySteps', 'totalSteps']) if (k in params && filled[k] === undefined) filled[k] = totalSteps;
  return registry.build('schedule', filled as BuildConfig);
}

export interface ResolvedOptimizer {
  readonly transformation: GradientTransformation;
  /** Learning rate at update `step` (0-based); NaN when unknown. */
  readonly lrAt: (step: number) => number;
}

export function resolveOptimizer(
  input: OptimizerInput | undefined,
  o: { lr?: number; schedule?: Schedule | BuildConfig; clipping?: ClippingOptions },
  registry: Registry,
  totalSteps: number,
): ResolvedOptimizer {
  const opt = input ?? 'adam';
  let transformation: GradientTransformation;
  let lrAt: (step: number) => number;
  if (isTransformation(opt)) {
    if (o.schedule !== undefined)
      throw new InvalidArgumentError('schedule', o.schedule, 'left out with a ready-made GradientTransformation (build it with lr = the schedule, or give the optimizer as a config)');
    transformation = opt;
    const lr = o.lr ?? NaN;
    lrAt = () => lr;
  } else {
    const c = config('optimizer', opt as string | BuildConfig);
    let lr: unknown = c.lr;
    if (o.schedule !== undefined) lr = resolveSchedule(o.schedule, registry, totalSteps);
    else if (o.lr !== undefined) lr = o.lr;
    else if (typeof lr === 'object' && lr !== null) lr = resolveSchedule(lr as BuildConfig, registry, totalSteps);
    const full = lr === undefined ? c : { ...c, lr };
    transformation = registry.build('optimizer', full as BuildConfig);
    const resolvedLr = registry.resolve('optimizer', full as BuildConfig).lr;
    lrAt = typeof resolvedLr === 'function' ? (resolvedLr as Schedule) : typeof resolvedLr === 'number' ? () => resolvedLr : () => NaN;
  }
  const clips: GradientTransformation[] = [];
  const cl = o.clipping;
  if (cl?.value !== undefined) clips.push(clipByValue({ clipValue: cl.value }));
  if (cl?.norm !== undefined) clips.push(clipByGlobalNorm({ maxNorm: cl.norm }));
  return { transformation: clips.length ? chain(...clips, transformation) : transformation, lrAt };
}

/** A metric: `(yTrue, yPred) => number`, where yPred are labels (classification) or values (regression, row-major). */
export type MetricFn = (yTrue: ArrayLike<number>, yPred: ArrayLike<number>, width: number) => number;

const rows = (a: ArrayLike<number>, w: number): ArrayLike<number> | number[][] =>
  w === 1 ? a : Array.from({ length: a.length / w }, (_, i) => Array.from({ length: w }, (_, j) => a[i * w + j]));

const SHORT: Record<string, MetricFn> = {
  accuracy: (t, p) => accuracyScore(t, p),
  balancedAccuracy: (t, p) => balancedAccuracyScore(t, p),
  f1: (t, p) => f1Score(t, p, { average: 'macro', zeroDivision: 0 }) as number,
  precision: (t, p) => precisionScore(t, p, { average: 'macro', zeroDivision: 0 }) as number,
  recall: (t, p) => recallScore(t, p, { average: 'macro', zeroDivision: 0 }) as number,
  mse: (t, p, w) => meanSquaredError(rows(t, w), rows(p, w)) as number,
  rmse: (t, p, w) => rootMeanSquaredError(rows(t, w), rows(p, w)) as number,
  mae: (t, p, w) => meanAbsoluteError(rows(t, w), rows(p, w)) as number,
  r2: (t, p, w) => r2Score(rows(t, w), rows(p, w)) as number,
};

/** Short metric names `fit` and `evaluate` understand besides registry configs. */
export const SHORT_METRICS = Object.keys(SHORT);

/** The name a metric is reported under, and its function. */
export function resolveMetric(input: MetricInput, registry: Registry): [string, MetricFn] {
  if (typeof input === 'string' && input in SHORT) return [input, SHORT[input]];
  const c = config('metrics[]', input);
  const m = registry.build('metric', c);
  const name = typeof input === 'string' ? input : c.type;
  return [
    name,
    (t, p, w) => {
      const r = m.compute(m.update(m.init(), { yTrue: rows(t, w), yPred: rows(p, w) }));
      if (typeof r !== 'number') throw new InvalidArgumentError(`metric ${name}`, r, 'a metric that computes one number');
      return r;
    },
  ];
}
