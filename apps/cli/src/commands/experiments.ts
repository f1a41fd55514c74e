import type { Command } from 'commander';
import { InvalidArgumentError, type BuildConfig } from '@lab/core';
import { makePolynomialRegression, makeSineRegression } from '@lab/datasets';
import { biasVarianceCurve, createModel, linearScalingRule, lrRangeTest, type ModelSpec } from '@lab/train';
import { crossValidate, gridSearch, randomSearch } from '@lab/train/node';
import { emit, type Context, type GlobalOptions } from '../context';
import { loadData } from '../data';
import { UsageError } from '../errors';
import { addRunOptions, fitConfigFromFlags, modelSpec, num, prepareData, type RunFlags } from '../run';
import { addSpecOptions, peekFlag, readSpecOptions } from '../spec-options';

const fix = (x: number) => Number(x.toPrecision(6));

function parallelFlag(v: string | undefined): number | false {
  const n = num('--parallel', v ?? '1', { min: 1, int: true }) as number;
  return n > 1 ? n : false;
}

function progressLine(ctx: Context, enabled: boolean, what: string) {
  return enabled ? (done: number, total: number) => ctx.io.stderr(`${what} ${done}/${total}`) : undefined;
}

/** Split `a,b,[1,2],c` on top-level commas; parse each value as JSON where it is JSON, else keep the string. */
export function parseValues(text: string): unknown[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((v) => {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  });
}

export function registerExperimentCommands(program: Command, ctx: Context, argv: readonly string[]): void {
  // ---------------------------------------------------------------------------------------- cv
  const cv = program
    .command('cv')
    .description('K-fold cross-validation of a model: per-fold scores and mean ± std (splitter parameters as --split-<param>)')
    .option('--splitter <name>', "splitter (see 'lab list splitter')", 'stratifiedKFold')
    .option('--group-column <column>', 'CSV column of group ids (index or header name) for groupKFold / stratifiedGroupKFold')
    .option('--scoring <metrics>', 'metrics, comma-separated (accuracy, f1, precision, recall, balancedAccuracy, mse, mae, r2)', 'accuracy')
    .option('--parallel <n>', 'run the folds on n worker threads (results identical to serial)', '1');
  addRunOptions(cv, ctx, argv);
  const sp = peekFlag(argv, '--splitter') ?? 'stratifiedKFold';
  if (ctx.registry.has('splitter', sp)) addSpecOptions(cv, ctx.registry.get('splitter', sp).params, 'split-');
  cv.action(async (_o, cmd: Command) => {
    const f = cmd.optsWithGlobals<RunFlags & GlobalOptions & { splitter: string; groupColumn?: string; scoring: string; parallel: string }>();
    const data = await loadData(f);
    ctx.registry.get('splitter', f.splitter);
    const splitter = { type: f.splitter, ...readSpecOptions(f, ctx.registry.get('splitter', f.splitter).params, 'split-') } as BuildConfig;
    ctx.registry.resolve('splitter', splitter);
    const r = await crossValidate({
      model: modelSpec(f),
      data,
      fit: fitConfigFromFlags(ctx, f, Math.round(data.nSamples * 0.8)).config,
      splitter,
      ...(data.groups && { groups: data.groups }),
      scoring: f.scoring.split(','),
      seed: num('--seed', f.seed, { min: 0, int: true }),
      standardize: f.standardize,
      parallel: parallelFlag(f.parallel),
      registry: ctx.registry,
      plugins: ctx.pluginUrls,
      onProgress: progressLine(ctx, f.progress !== false, 'fold'),
    }).catch((e) => Promise.reject(e instanceof InvalidArgumentError && e.argument === 'groups' && !data.groups ? new UsageError(`--splitter ${f.splitter} needs group ids: give --group-column <column> of a CSV --data`) : e));
    const names = Object.keys(r.mean);
    await emit(ctx, f, {
      title: `lab cv: ${data.name}`,
      json: r,
      text: [`${data.name}, ${f.splitter}: ${r.metric} = ${r.score.toFixed(4)} ± ${r.scoreStd.toFixed(4)} over ${r.folds.length} folds`],
      tables: [
        {
          columns: ['fold', 'train', 'test', ...names],
          rows: [
            ...r.folds.map((x) => [x.fold + 1, x.nTrain, x.nTest, ...names.map((n) => fix(x.test[n]))]),
            ['mean', '', '', ...names.map((n) => fix(r.mean[n]))],
            ['std', '', '', ...names.map((n) => fix(r.std[n]))],
          ],
        },
      ],
      charts: [{ title: `${r.metric} per fold`, xLabel: 'fold', yLabel: r.metric, series: [{ label: r.metric, x: r.folds.map((x) => x.fold + 1), y: r.folds.map((x) => x.test[r.metric]) }] }],
    });
  });

  // -------------------------------------------------------------------------------------- tune
  const tune = program
    .command('tune')
    .description("grid or random search, each candidate scored by cross-validation; e.g. --param fit.lr=0.001,0.01 --param 'model.hidden=[32],[64]'")
    .option('--param <path=values...>', 'a search dimension (repeatable): path=v1,v2,... (grid) or path=min..max (random)')
    .option('--random', 'random search (log-uniform where the params spec says log scale)')
    .option('--n-iter <n>', 'candidates of a random search', '10')
    .option('--folds <k>', 'cross-validation folds', '3')
    .option('--group-column <column>', 'CSV column of group ids: folds keep each group whole (stratifiedGroupKFold, or groupKFold for regression)')
    .option('--scoring <metric>', 'metric to rank by', 'accuracy')
    .option('--parallel <n>', 'run candidates × folds on n worker threads (results identical to serial)', '1');
  addRunOptions(tune, ctx, argv);
  tune.action(async (_o, cmd: Command) => {
    const f = cmd.optsWithGlobals<RunFlags & GlobalOptions & { param?: string[]; random?: boolean; nIter: string; folds: string; groupColumn?: string; scoring: string; parallel: string }>();
    if (!f.param?.length) throw new UsageError('tune: give at least one --param path=values');
    const data = await loadData(f);
    const params: Record<string, unknown> = {};
    for (const p of f.param) {
      const at = p.indexOf('=');
      if (at < 1) throw new UsageError(`--param ${p}: expected path=values, e.g. fit.lr=0.001,0.01`);
      const path = p.slice(0, at);
      const rhs = p.slice(at + 1);
      if (!/^(fit|model)\./.test(path)) throw new UsageError(`--param ${p}: the path must start with fit. or model. (fit.lr, fit.optimizer.b2, fit.regularization.l2, model.hidden)`);
      const range = /^([^.]+(?:\.\d+)?(?:e-?\d+)?)\.\.(.+)$/.exec(rhs);
      if (f.random && range) params[path] = { min: Number(range[1]), max: Number(range[2]) };
      else params[path] = parseValues(rhs);
    }
    const k = num('--folds', f.folds, { min: 2, int: true }) as number;
    const fitConfig = fitConfigFromFlags(ctx, f, Math.round((data.nSamples * (k - 1)) / k)).config;
    // With a schedule, the learning rate is the schedule's peak: search that instead of the optimizer's lr.
    const sched = fitConfig.schedule as Record<string, unknown> | undefined;
    const lrOf = (fitConfig.optimizer as Record<string, unknown> | undefined)?.lr ?? ctx.registry.resolve('optimizer', fitConfig.optimizer as BuildConfig).lr;
    const peak = sched && ['peakValue', 'maxValue', 'initValue', 'value'].find((key) => sched[key] === lrOf);
    if (peak && 'fit.lr' in params) {
      params[`fit.schedule.${peak}`] = params['fit.lr'];
      delete params['fit.lr'];
    }
    const common = {
      model: modelSpec(f),
      data,
      fit: fitConfig,
      splitter: (data.groups
        ? data.nClasses !== undefined
          ? { type: 'stratifiedGroupKFold', nSplits: k, shuffle: true, seed: Number(f.seed) }
          : { type: 'groupKFold', nSplits: k }
        : { type: data.nClasses !== undefined ? 'stratifiedKFold' : 'kFold', nSplits: k, shuffle: true, seed: Number(f.seed) }) as BuildConfig,
      ...(data.groups && { groups: data.groups }),
      scoring: [f.scoring],
      seed: num('--seed', f.seed, { min: 0, int: true }),
      standardize: f.standardize,
      parallel: parallelFlag(f.parallel),
      registry: ctx.registry,
      plugins: ctx.pluginUrls,
      onProgress: progressLine(ctx, f.progress !== false, 'job'),
      refit: false,
    };
    const r = f.random
      ? await randomSearch({ ...common, params: params as never, nIter: num('--n-iter', f.nIter, { min: 1, int: true }) })
      : await gridSearch({ ...common, params: params as Record<string, unknown[]> });
    const paths = Object.keys(params);
    await emit(ctx, f, {
      title: `lab tune: ${data.name}`,
      json: { metric: r.metric, best: { params: r.best.params, score: r.best.score, scoreStd: r.best.scoreStd }, results: r.results.map((x) => ({ rank: x.rank, params: x.params, score: x.score, scoreStd: x.scoreStd })) },
      text: [`best ${r.metric} ${r.best.score.toFixed(4)} ± ${r.best.scoreStd.toFixed(4)} with ${JSON.stringify(r.best.params)}`],
      tables: [{ columns: ['rank', ...paths, r.metric, 'std'], rows: r.results.map((x) => [x.rank, ...paths.map((p) => JSON.stringify(x.params[p])), fix(x.score), fix(x.scoreStd)]) }],
    });
  });

  // ----------------------------------------------------------------------------- bias-variance
  program
    .command('bias-variance')
    .description("the lecture's bias–variance decomposition: bias², variance, noise and total error against polynomial degree or L2 λ (bootstrap retraining)")
    .option('--sweep <what>', 'degree or lambda', 'degree')
    .option('--degrees <list>', 'polynomial degrees to sweep', '1,2,3,4,5,6,7,8,9,10')
    .option('--lambdas <list>', 'L2 λ values to sweep (with --degree)', '0.000001,0.00001,0.0001,0.001,0.01,0.1,1,10')
    .option('--degree <n>', 'polynomial degree for the λ sweep', '9')
    .option('--function <f>', 'the true function: sine or cubic', 'sine')
    .option('--samples <n>', 'training samples per resample', '30')
    .option('--noise <sd>', 'noise standard deviation', '0.3')
    .option('--rounds <n>', 'bootstrap rounds', '100')
    .option('--seed <n>', 'seed', '0')
    .action(async (_o, cmd: Command) => {
      const f = cmd.optsWithGlobals<GlobalOptions & { sweep: string; degrees: string; lambdas: string; degree: string; function: string; samples: string; noise: string; rounds: string; seed: string }>();
      if (f.sweep !== 'degree' && f.sweep !== 'lambda') throw new UsageError(`--sweep must be degree or lambda, got ${JSON.stringify(f.sweep)}`);
      if (f.function !== 'sine' && f.function !== 'cubic') throw new UsageError(`--function must be sine or cubic, got ${JSON.stringify(f.function)}`);
      const nSamples = num('--samples', f.samples, { min: 2, int: true }) as number;
      const noise = num('--noise', f.noise, { min: 0 }) as number;
      const seed = num('--seed', f.seed, { min: 0, int: true }) as number;
      const make = (n: number, s: number, sampling: 'uniform' | 'grid', sd: number) =>
        f.function === 'sine' ? makeSineRegression({ nSamples: n, noise: sd, seed: s, sampling }) : makePolynomialRegression({ nSamples: n, noise: sd, seed: s, sampling });
      const train = make(nSamples, seed, 'uniform', noise);
      const test = make(200, seed + 1, 'grid', noise);
      const list = (flag: string, v: string, int: boolean) => v.split(',').map((s) => num(flag, s.trim(), { min: 0, int }) as number);
      const values = f.sweep === 'degree' ? list('--degrees', f.degrees, true) : list('--lambdas', f.lambdas, false);
      if (f.sweep === 'degree' && values.some((d) => d < 1)) throw new UsageError('--degrees must be integers >= 1');
      const degree = num('--degree', f.degree, { min: 1, int: true }) as number;
      const curve = await biasVarianceCurve({
        model: { type: 'polynomial', degree } as ModelSpec,
        train,
        test,
        solver: 'leastSquares',
        loss: 'squared',
        rounds: num('--rounds', f.rounds, { min: 2, int: true }),
        seed,
        noiseStd: noise,
        sweep: { path: f.sweep === 'degree' ? 'model.degree' : 'fit.regularization.l2', values },
      });
      const xs = values.map((v) => (f.sweep === 'lambda' ? Math.log10(Math.max(v, 1e-300)) : v));
      const xLabel = f.sweep === 'degree' ? 'polynomial degree' : 'log10 λ';
      await emit(ctx, f, {
        title: `lab bias-variance (${f.function}, ${f.sweep})`,
        json: { ...curve, points: undefined },
        text: [`${f.function} + N(0, ${noise}²) noise, ${nSamples} samples per resample, ${curve.points[0]?.rounds} bootstrap rounds; total = bias² + variance + noise`],
        tables: [
          {
            columns: [f.sweep, 'bias²', 'variance', 'noise', 'bias²+var+noise', 'expected test error', 'train error'],
            rows: values.map((v, i) => [v, fix(curve.bias[i]), fix(curve.variance[i]), fix(curve.noise ?? NaN), fix(curve.total[i] ?? NaN), fix(curve.expectedLoss[i]), fix(curve.trainLoss[i])]),
          },
        ],
        charts: [
          {
            title: 'bias², variance and total error',
            xLabel,
            yLabel: 'error',
            logY: true,
            series: [
              { label: 'bias²', x: xs, y: curve.bias },
              { label: 'variance', x: xs, y: curve.variance },
              { label: 'expected test error', x: xs, y: curve.expectedLoss },
              { label: 'train error', x: xs, y: curve.trainLoss },
            ],
          },
        ],
      });
    });

  // ------------------------------------------------------------------------------------ lr-find
  const find = program
    .command('lr-find')
    .description('the learning-rate range test: an exponential sweep of the rate, the smoothed loss, a suggested rate (parameters restored afterwards)')
    .option('--min-lr <lr>', 'first rate', '1e-7')
    .option('--max-lr <lr>', 'last rate', '10')
    .option('--steps <n>', 'steps of the sweep', '100')
    .option('--target-batch <n>', 'also scale the suggestion to this batch size with the linear scaling rule');
  addRunOptions(find, ctx, argv);
  find.action(async (_o, cmd: Command) => {
    const f = cmd.optsWithGlobals<RunFlags & GlobalOptions & { minLr: string; maxLr: string; steps: string; targetBatch?: string }>();
    const { dataset, splits } = await prepareData(f);
    const spec = modelSpec(f);
    const seed = num('--seed', f.seed, { min: 0, int: true }) as number;
    const model = createModel(spec, { nFeatures: dataset.nFeatures, nOutputs: spec.type === 'logistic' ? 1 : dataset.nClasses ?? 1, seed });
    const batchSize = num('--batch-size', f.batchSize, { min: 1, int: true }) as number;
    const optimizer = { type: f.optimizer, ...readSpecOptions(f, ctx.registry.get('optimizer', f.optimizer).params) } as BuildConfig;
    ctx.registry.resolve('optimizer', optimizer);
    const r = await lrRangeTest({
      model,
      train: splits.train,
      optimizer,
      batchSize,
      seed,
      minLr: num('--min-lr', f.minLr, { min: 0, exclusive: true }),
      maxLr: num('--max-lr', f.maxLr, { min: 0, exclusive: true }),
      steps: num('--steps', f.steps, { min: 2, int: true }),
      registry: ctx.registry,
    });
    const target = num('--target-batch', f.targetBatch, { min: 1, int: true });
    const scaled = target ? linearScalingRule(r.suggestedLr, batchSize, target) : undefined;
    const lx = r.lrs.map((x) => Math.log10(x));
    await emit(ctx, f, {
      title: `lab lr-find: ${dataset.name}`,
      json: { ...r, ...(scaled !== undefined ? { scaledLr: scaled, targetBatch: target } : {}) },
      text: [
        `suggested learning rate ${r.suggestedLr.toExponential(2)} (steepest descent of the smoothed loss); lowest loss at ${r.minLossLr.toExponential(2)}${r.diverged ? '; the loss diverged and the sweep stopped' : ''}`,
        ...(scaled !== undefined ? [`linear scaling rule: batch ${batchSize} → ${target}: ${scaled.toExponential(2)}`] : []),
      ],
      charts: [
        {
          title: 'loss against learning rate',
          xLabel: 'log10 lr',
          yLabel: 'loss',
          logY: true,
          series: [
            { label: 'loss', x: lx, y: r.losses },
            { label: 'smoothed', x: lx, y: r.smoothed },
          ],
        },
      ],
    });
  });
}
