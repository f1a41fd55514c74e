/**
 * One training run from command-line flags: what `lab train` does, and what `lab compare` does for
 * each variant. Model, loss, optimizer and schedule come from the registry; their hyper-parameters are
 * flags generated from their params specs.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import cliProgress from 'cli-progress';
import type { BuildConfig } from '@lab/core';
import { planTraining } from '@lab/data-split/batches';
import type { Dataset } from '@lab/datasets';
import { jsBackend, setBackend } from '@lab/tensor';
import { createWasmBackend, useBestBackend, wasmSupport } from '@lab/tensor/wasm';
import { createModel, evaluate, fit, type Evaluation, type FitConfig, type FitEvent, type FitResult, type ModelSpec } from '@lab/train';
import { fileCheckpoint, loadCheckpoint } from '@lab/train/node';
import type { Context } from './context';
import { loadData, parseFraction, splitData, type Splits } from './data';
import { asFlagError, UsageError } from './errors';
import { addSpecOptions, num, peekFlag, readSpecOptions } from './spec-options';

export { num } from './spec-options';

/** The defaults of `lab train` with no arguments: an MLP on the bundled digits, Adam with warm-up + cosine. */
export const TRAIN_DEFAULTS = {
  data: 'digits',
  model: 'mlp',
  hidden: '128',
  activation: 'relu',
  optimizer: 'adam',
  schedule: 'warmupCosine',
  batchSize: '32',
  epochs: '20',
  valSplit: '0.1',
  testSplit: '0.2',
  seed: '0',
} as const;

export interface RunFlags {
  data: string;
  labels?: string;
  labelColumn?: string;
  model: string;
  hidden: string;
  activation: string;
  dropout?: string;
  degree?: string;
  loss?: string;
  optimizer: string;
  schedule: string;
  batchSize: string;
  epochs?: string;
  iterations?: string;
  valSplit: string;
  testSplit: string;
  l1?: string;
  l2?: string;
  clipNorm?: string;
  clipValue?: string;
  seed: string;
  patience?: string;
  standardize: boolean;
  progress: boolean;
  checkpoint?: string;
  resume?: boolean;
  backend?: string;
  [k: string]: unknown;
}

/** Options shared by train / compare / cv / tune / lr-find: data, model, training. */
export function addRunOptions(cmd: Command, ctx: Context, argv: readonly string[], { optimizerFlags = true } = {}): void {
  cmd
    .option('--data <name-or-file>', 'bundled data set (digits, iris, wine, breast-cancer) or a CSV / IDX file', TRAIN_DEFAULTS.data)
    .option('--labels <file>', 'IDX labels file, with an IDX images file as --data')
    .option('--label-column <column>', 'CSV label column: index (negative from the end) or header name (default: last)')
    .addOption(new Option('--model <type>', 'model').choices(['mlp', 'softmax', 'logistic', 'linear', 'polynomial']).default(TRAIN_DEFAULTS.model))
    .option('--hidden <sizes>', 'MLP hidden layer sizes, comma-separated', TRAIN_DEFAULTS.hidden)
    .addOption(new Option('--activation <name>', 'MLP activation').choices(['relu', 'tanh', 'sigmoid', 'leakyRelu', 'softplus']).default(TRAIN_DEFAULTS.activation))
    .option('--dropout <p>', 'MLP dropout probability after each hidden layer')
    .option('--degree <n>', 'polynomial model degree')
    .option('--loss <name>', "loss (default: crossEntropy for classes; see 'lab list loss')")
    .option('--schedule <name>', "learning-rate schedule, or 'none' (see 'lab list schedule'); its parameters as --sched-<param>", TRAIN_DEFAULTS.schedule)
    .option('--batch-size <n>', 'samples per batch (1: SGD; the training set size: batch gradient descent)', TRAIN_DEFAULTS.batchSize)
    .option('--epochs <e>', `epochs (default ${TRAIN_DEFAULTS.epochs} unless --iterations)`)
    .option('--iterations <t>', 'total iterations (updates) instead of epochs')
    .option('--val-split <f>', 'fraction of the training part held out for validation each epoch', TRAIN_DEFAULTS.valSplit)
    .option('--test-split <f>', 'fraction held out for the final test', TRAIN_DEFAULTS.testSplit)
    .option('--l1 <lambda>', 'L1 regularisation λ (biases excluded)')
    .option('--l2 <lambda>', 'L2 regularisation λ on ‖θ‖² (biases excluded)')
    .option('--clip-norm <max>', 'clip the global gradient norm (PyTorch clip_grad_norm_)')
    .option('--clip-value <max>', 'clip every gradient entry to [-max, max]')
    .option('--patience <epochs>', 'early stopping on validation loss after this many epochs without improvement')
    .option('--seed <n>', 'seed of the split, the initial weights and the batch order', TRAIN_DEFAULTS.seed)
    .addOption(new Option('--backend <name>', 'tensor backend: auto (WebAssembly SIMD where the runtime has it, else JavaScript), wasm or js').choices(['auto', 'wasm', 'js']).default('auto'))
    .option('--no-standardize', 'do not standardise features (mean 0, variance 1 from the training part)')
    .option('--no-progress', 'no progress bar');
  if (optimizerFlags) {
    cmd.option('--optimizer <name>', "optimizer (see 'lab list optimizer'); its hyper-parameters as flags", TRAIN_DEFAULTS.optimizer);
    const opt = peekFlag(argv, '--optimizer') ?? TRAIN_DEFAULTS.optimizer;
    if (ctx.registry.has('optimizer', opt)) addSpecOptions(cmd, ctx.registry.get('optimizer', opt).params);
  }
  const sched = peekFlag(argv, '--schedule') ?? TRAIN_DEFAULTS.schedule;
  if (ctx.registry.has('schedule', sched)) addSpecOptions(cmd, ctx.registry.get('schedule', sched).params, 'sched-');
  const loss = peekFlag(argv, '--loss');
  if (loss && ctx.registry.has('loss', loss)) addSpecOptions(cmd, ctx.registry.get('loss', loss).params, 'loss-');
}

export function modelSpec(f: RunFlags): ModelSpec {
  switch (f.model) {
    case 'mlp': {
      const hidden = f.hidden.split(',').map((s) => num('--hidden', s.trim(), { min: 1, int: true }) as number);
      const dropout = num('--dropout', f.dropout, { min: 0 });
      if (dropout !== undefined && dropout >= 1) throw new UsageError(`--dropout must be in [0, 1), got ${f.dropout}`);
      return { type: 'mlp', hidden, activation: f.activation as never, ...(dropout ? { dropout } : {}) };
    }
    case 'polynomial':
      return { type: 'polynomial', degree: num('--degree', f.degree ?? '2', { min: 1, int: true }) as number };
    default:
      return { type: f.model } as ModelSpec;
  }
}

/** Fill a schedule's required length/peak parameters from the run: peak = lr, length = total steps. */
export function scheduleConfig(ctx: Context, name: string, given: Record<string, unknown>, lr: number, totalSteps: number, stepsPerEpoch: number): BuildConfig | undefined {
  if (name === 'none') return undefined;
  const def = ctx.registry.get('schedule', name);
  const fill: Record<string, number> = {
    peakValue: lr,
    initValue: def.params.peakValue ? 0 : lr,
    maxValue: lr,
    value: lr,
    baseValue: lr / 10,
    decaySteps: totalSteps,
    totalSteps,
    transitionSteps: totalSteps,
    warmupSteps: Math.max(1, Math.min(stepsPerEpoch, Math.floor(totalSteps / 10))),
    stepSize: Math.max(1, stepsPerEpoch),
    stepSizeUp: Math.max(1, stepsPerEpoch),
    period: Math.max(1, stepsPerEpoch),
  };
  const config: Record<string, unknown> = { type: name, ...given };
  for (const [k, p] of Object.entries(def.params)) {
    if (config[k] !== undefined || p.default !== undefined || !(k in fill)) continue;
    if (p.optional && !['initValue'].includes(k)) continue;
    config[k] = fill[k];
  }
  return config as BuildConfig;
}

/** The serialisable training settings of the flags (for `fit`, and for cross-validation, search and bias-variance jobs). */
export interface FlagsFitConfig {
  config: FitConfig & { optimizer: BuildConfig; batchSize: number; seed: number; schedule?: BuildConfig; loss?: BuildConfig };
  /** Updates per epoch and in all, for `nTrain` training samples. */
  stepsPerEpoch: number;
  totalSteps: number;
}

/**
 * Read the training flags once: batch size, epochs or iterations, optimizer (validated), schedule (its
 * peak and length filled from the run), loss, regularisation, clipping and seed. `optimizer` and
 * `batchSize` override the flags (`lab compare`'s variants).
 */
export function fitConfigFromFlags(ctx: Context, f: RunFlags, nTrain: number, over: { optimizer?: BuildConfig; batchSize?: number } = {}): FlagsFitConfig {
  const batchSize = over.batchSize ?? (num('--batch-size', f.batchSize, { min: 1, int: true }) as number);
  if (f.epochs !== undefined && f.iterations !== undefined) throw new UsageError('give --epochs or --iterations, not both');
  const epochs = num('--epochs', f.epochs ?? (f.iterations === undefined ? TRAIN_DEFAULTS.epochs : undefined), { min: 0, exclusive: true });
  const iterations = num('--iterations', f.iterations, { min: 1, int: true });
  const plan = planTraining({ nSamples: Math.max(nTrain, 1), batchSize, ...(iterations ? { iterations } : { epochs: epochs as number }) });
  const optimizer = over.optimizer ?? ({ type: f.optimizer, ...readSpecOptions(f, ctx.registry.get('optimizer', f.optimizer).params) } as BuildConfig);
  const lr = ctx.registry.resolve('optimizer', optimizer).lr; // validates: names the bad hyper-parameter
  if (f.schedule !== 'none' && typeof lr !== 'number') throw new UsageError(`--schedule ${f.schedule} takes its peak from a numeric --lr; give --lr a number, or --schedule none`);
  const given = f.schedule !== 'none' ? readSpecOptions(f, ctx.registry.get('schedule', f.schedule).params, 'sched-') : {};
  const schedule = scheduleConfig(ctx, f.schedule, given, lr as number, plan.iterations, plan.batchesPerEpoch);
  if (schedule) ctx.registry.resolve('schedule', schedule);
  const l1 = num('--l1', f.l1, { min: 0 });
  const l2 = num('--l2', f.l2, { min: 0 });
  const clipNorm = num('--clip-norm', f.clipNorm, { min: 0, exclusive: true });
  const clipValue = num('--clip-value', f.clipValue, { min: 0, exclusive: true });
  return {
    config: {
      optimizer,
      ...(schedule ? { schedule } : {}),
      ...(f.loss ? { loss: { type: f.loss, ...readSpecOptions(f, ctx.registry.get('loss', f.loss).params, 'loss-') } as BuildConfig } : {}),
      batchSize,
      ...(iterations ? { iterations } : { epochs }),
      seed: num('--seed', f.seed, { min: 0, int: true }) as number,
      ...(l1 || l2 ? { regularization: { l1: l1 ?? 0, l2: l2 ?? 0 } } : {}),
      ...(clipNorm || clipValue ? { clipping: { norm: clipNorm, value: clipValue } } : {}),
    },
    stepsPerEpoch: plan.batchesPerEpoch,
    totalSteps: plan.iterations,
  };
}

export interface RunResult {
  label: string;
  backend: string;
  data: string;
  model: ModelSpec;
  optimizer: BuildConfig;
  schedule: BuildConfig | null;
  batchSize: number;
  fit: FitResult;
  test: Evaluation;
  stepsPerEpoch: number;
  splits: { train: number; validation: number; test: number };
}

export interface PreparedData {
  dataset: Dataset;
  splits: Splits;
  /** The tensor backend in use: 'wasm' or 'js'. */
  backend: string;
}

/** Select the tensor backend of `--backend` (float32 kernels in WebAssembly SIMD, or plain JavaScript). */
export async function selectBackend(name: string | undefined): Promise<string> {
  if (name === 'js') {
    setBackend(jsBackend);
    return 'js';
  }
  if (name === 'wasm') {
    if (!wasmSupport().simd) throw new UsageError('--backend wasm: this runtime has no WebAssembly SIMD');
    setBackend(await createWasmBackend());
    return 'wasm';
  }
  const b = await useBestBackend();
  return b === jsBackend ? 'js' : 'wasm';
}

export async function prepareData(f: RunFlags): Promise<PreparedData> {
  const backend = await selectBackend(f.backend);
  const dataset = await loadData({ data: f.data, labels: f.labels, labelColumn: f.labelColumn });
  const splits = splitData(dataset, {
    testFraction: parseFraction('--test-split', f.testSplit, { allowZero: false }),
    valFraction: parseFraction('--val-split', f.valSplit),
    seed: num('--seed', f.seed, { min: 0, int: true }) as number,
    standardize: f.standardize,
  });
  return { dataset, splits, backend };
}

/** Run one training from flags (and optional overrides from `compare`). */
export async function runTraining(
  ctx: Context,
  f: RunFlags,
  prepared: PreparedData,
  { label, optimizer, batchSize: bsOverride, onEvent }: { label?: string; optimizer?: BuildConfig; batchSize?: number; onEvent?: (e: FitEvent) => void } = {},
): Promise<RunResult> {
  const { dataset, splits } = prepared;
  const batchSize = bsOverride ?? (num('--batch-size', f.batchSize, { min: 1, int: true }) as number);
  if (batchSize > splits.train.nSamples) throw new UsageError(`--batch-size ${batchSize} is larger than the ${splits.train.nSamples} training samples`);
  const { config, stepsPerEpoch } = fitConfigFromFlags(ctx, f, splits.train.nSamples, { optimizer, batchSize });

  const spec = modelSpec(f);
  const classify = dataset.nClasses !== undefined;
  const model = createModel(spec, { nFeatures: dataset.nFeatures, nOutputs: spec.type === 'logistic' ? 1 : classify ? dataset.nClasses : 1, seed: config.seed });
  const patience = num('--patience', f.patience, { min: 1, int: true });

  if (f.resume && !f.checkpoint) throw new UsageError('--resume needs --checkpoint <file> to resume from');
  let checkpoint: ReturnType<typeof fileCheckpoint> | undefined;
  try {
    checkpoint = f.checkpoint ? fileCheckpoint(f.checkpoint, { everyEpoch: true }) : undefined;
  } catch (e) {
    throw asFlagError('--checkpoint', e);
  }
  const resume = f.resume && f.checkpoint ? await loadCheckpoint(f.checkpoint).catch((e) => Promise.reject(asFlagError('--checkpoint', e))) : undefined;

  const result = await fit({
    ...config,
    model,
    train: splits.train,
    validation: splits.validation,
    earlyStopping: patience ? { patience } : false,
    signal: ctx.signal,
    checkpoint,
    resume,
    onEvent,
    registry: ctx.registry,
  });
  const test = evaluate(model, splits.test, { registry: ctx.registry });
  return {
    label: label ?? `${f.optimizer}`,
    backend: prepared.backend,
    data: dataset.name,
    model: spec,
    optimizer: config.optimizer,
    schedule: config.schedule ?? null,
    batchSize,
    fit: result,
    test,
    stepsPerEpoch,
    splits: { train: splits.train.nSamples, validation: splits.validation?.nSamples ?? 0, test: splits.test.nSamples },
  };
}

/** A progress display on stderr: a live bar on a terminal, one line per epoch otherwise. */
export function progressReporter(ctx: Context, enabled: boolean, label = ''): { onEvent: (e: FitEvent) => void; stop: () => void } {
  if (!enabled) return { onEvent: () => {}, stop: () => {} };
  if (!ctx.io.isTTY) {
    return {
      onEvent: (e) => {
        if (e.type === 'epoch')
          ctx.io.stderr(
            `${label}epoch ${e.epoch + 1}/${Math.ceil(e.epochs)}  train loss ${e.trainLoss.toFixed(4)}  lr ${e.lr.toExponential(2)}${e.val ? `  val ${Object.entries(e.val).map(([k, v]) => `${k} ${v.toFixed(4)}`).join('  ')}` : ''}`,
          );
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label}{bar} {percentage}% | step {value}/{total} | epoch {epoch} | loss {loss} | lr {lr} | {val} | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 50, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let val = '';
  return {
    onEvent: (e) => {
      if (e.type === 'step') {
        if (!started) {
          bar.start(e.totalSteps, 0, { epoch: 1, loss: '-', lr: '-', val: '' });
          started = true;
        }
        bar.update(e.step, { epoch: e.epoch + 1, loss: e.loss.toFixed(4), lr: e.lr.toExponential(2), val });
      } else if (e.type === 'epoch' && e.val) {
        val = Object.entries(e.val).map(([k, v]) => `val ${k} ${v.toFixed(4)}`).join(' ');
      }
    },
    stop: () => started && bar.stop(),
  };
}
