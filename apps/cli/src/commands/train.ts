import { Command } from 'commander';
import type { BuildConfig } from '@lab/core';
import { emit, type Context, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { classificationTables } from '../evaluation';
import { parseDefinitionSpec } from '../optimizer-spec';
import type { Chart, Table } from '../output';
import { addRunOptions, prepareData, progressReporter, runTraining, type RunFlags, type RunResult } from '../run';

function testSummary(r: RunResult) {
  const t = r.test;
  return {
    loss: t.loss,
    accuracy: t.accuracy,
    macro: t.macro,
    micro: t.micro,
    weighted: t.weighted,
    perClass: t.perClass,
    confusionMatrix: t.confusionMatrix,
    metrics: t.metrics,
  };
}

function runJson(r: RunResult) {
  return {
    label: r.label,
    backend: r.backend,
    data: r.data,
    splits: r.splits,
    model: r.model,
    optimizer: r.optimizer,
    schedule: r.schedule,
    batchSize: r.batchSize,
    stepsPerEpoch: r.stepsPerEpoch,
    steps: r.fit.steps,
    stopReason: r.fit.stopReason,
    elapsedMs: r.fit.elapsedMs,
    test: testSummary(r),
    history: r.fit.history,
  };
}

function testTables(r: RunResult): Table[] {
  const t = r.test;
  if (t.accuracy === undefined || !t.perClass || !t.confusionMatrix || !t.macro || !t.micro || !t.weighted) {
    return [{ title: 'test metrics', columns: ['metric', 'value'], rows: [['loss', t.loss], ...Object.entries(t.metrics)] }];
  }
  return classificationTables({
    accuracy: t.accuracy,
    macro: t.macro,
    micro: t.micro,
    weighted: t.weighted,
    perClass: t.perClass.map((c) => ({ ...c })),
    confusionMatrix: t.confusionMatrix,
    labels: t.perClass.map((c) => c.label),
  });
}

const steps = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export function registerTrainCommands(program: Command, ctx: Context, argv: readonly string[]): void {
  const train = program
    .command('train')
    .description("train a model; with no options: an MLP on the bundled digits with Adam and a warm-up + cosine schedule (hyper-parameters of the chosen optimizer, schedule and loss appear as flags: 'lab train --optimizer sgd --help')")
    .option('--checkpoint <file>', 'write a checkpoint (atomically) after every epoch, on Ctrl-C and at the end')
    .option('--resume', 'continue from the --checkpoint file');
  addRunOptions(train, ctx, argv);
  train.action(async (_o, cmd: Command) => {
    const f = cmd.optsWithGlobals<RunFlags & GlobalOptions>();
    const prepared = await prepareData(f);
    const progress = progressReporter(ctx, f.progress !== false);
    let r: RunResult;
    try {
      r = await runTraining(ctx, f, prepared, { onEvent: progress.onEvent });
    } finally {
      progress.stop();
    }
    const h = r.fit.history;
    const charts: Chart[] = [
      { title: 'training loss per step', xLabel: 'iteration', yLabel: 'loss', series: [{ label: 'batch loss', x: steps(h.loss.length), y: h.loss }] },
      { title: 'learning rate per step', xLabel: 'iteration', yLabel: 'lr', series: [{ label: 'lr', x: steps(h.lr.length), y: h.lr }] },
    ];
    if (h.epochs.some((e) => e.val?.loss !== undefined))
      charts.push({
        title: 'loss per epoch',
        xLabel: 'epoch',
        yLabel: 'loss',
        series: [
          { label: 'train', x: h.epochs.map((e) => e.epoch + 1), y: h.epochs.map((e) => e.trainLoss) },
          { label: 'validation', x: h.epochs.map((e) => e.epoch + 1), y: h.epochs.map((e) => e.val?.loss ?? NaN) },
        ],
      });
    const interrupted = r.fit.stopReason === 'aborted';
    await emit(ctx, f, {
      title: `lab train: ${r.data}`,
      json: runJson(r),
      summary: { data: r.data, model: JSON.stringify(r.model), optimizer: JSON.stringify(r.optimizer), schedule: JSON.stringify(r.schedule), steps: r.fit.steps, seconds: (r.fit.elapsedMs / 1000).toFixed(1) },
      text: [
        `${r.data} (${r.backend} backend): ${r.splits.train} train / ${r.splits.validation} validation / ${r.splits.test} test samples; ${r.fit.steps} steps (${r.stepsPerEpoch} per epoch) in ${(r.fit.elapsedMs / 1000).toFixed(1)} s; stopped: ${r.fit.stopReason}`,
        ...(interrupted && f.checkpoint ? [`interrupted: checkpoint written to ${f.checkpoint}; continue with --resume`] : []),
      ],
      tables: testTables(r),
      charts,
    });
  });

  const compare = program
    .command('compare')
    .description('several optimizers, schedules or batch sizes on the same data and seed, side by side: a table and overlaid loss curves against iterations and epochs')
    .option('--optimizers <specs...>', 'optimizers to compare, each name or name:key=value,... (e.g. sgd:lr=0.1,momentum=0.9 adam:lr=0.001)')
    .option('--schedules <specs...>', 'schedules to compare, each name or name:key=value,... (with the run’s --optimizer)')
    .option('--batch-sizes <sizes>', 'batch sizes to compare, comma-separated (e.g. 1,32,1437: SGD, mini-batch, batch GD)');
  addRunOptions(compare, ctx, argv);
  compare.action(async (_o, cmd: Command) => {
    const f = cmd.optsWithGlobals<RunFlags & GlobalOptions & { optimizers?: string[]; schedules?: string[]; batchSizes?: string }>();
    const given = [f.optimizers, f.schedules, f.batchSizes].filter((x) => x !== undefined).length;
    if (given !== 1) throw new UsageError('compare: give exactly one of --optimizers, --schedules, --batch-sizes');
    const prepared = await prepareData(f);
    type Variant = { label: string; optimizer?: BuildConfig; batchSize?: number; schedule?: string; sched?: Record<string, unknown> };
    let variants: Variant[];
    if (f.optimizers) variants = f.optimizers.map((s) => ({ label: s, optimizer: parseDefinitionSpec(ctx.registry, 'optimizer', s) }));
    else if (f.schedules)
      variants = f.schedules.map((s) => {
        const c = s === 'none' ? { type: 'none' } : parseDefinitionSpec(ctx.registry, 'schedule', s);
        const { type, ...rest } = c;
        return { label: s, schedule: type, sched: rest };
      });
    else
      variants = (f.batchSizes as string).split(',').map((s) => {
        const b = Number(s);
        if (!Number.isInteger(b) || b < 1) throw new UsageError(`--batch-sizes: ${JSON.stringify(s)} is not an integer >= 1`);
        return { label: `batch ${b}`, batchSize: b };
      });
    const results: RunResult[] = [];
    for (const v of variants) {
      const flags: RunFlags = v.schedule ? { ...f, schedule: v.schedule, ...Object.fromEntries(Object.entries(v.sched ?? {}).map(([k, x]) => [`sched${k[0].toUpperCase()}${k.slice(1)}`, String(x)])) } : f;
      const progress = progressReporter(ctx, f.progress !== false, `${v.label}: `);
      try {
        results.push(await runTraining(ctx, flags, prepared, { label: v.label, optimizer: v.optimizer, batchSize: v.batchSize, onEvent: progress.onEvent }));
      } finally {
        progress.stop();
      }
      if (ctx.signal.aborted) break;
    }
    const perEpoch = (r: RunResult) => r.fit.history.loss.map((_, i) => (i + 1) / r.stepsPerEpoch);
    await emit(ctx, f, {
      title: 'lab compare',
      json: results.map(runJson),
      tables: [
        {
          columns: ['variant', 'steps', 'epochs', 'final train loss', 'test loss', 'test accuracy', 'seconds'],
          rows: results.map((r) => [
            r.label,
            r.fit.steps,
            Number((r.fit.steps / r.stepsPerEpoch).toFixed(2)),
            r.fit.history.epochs.at(-1)?.trainLoss ?? NaN,
            r.test.loss,
            r.test.accuracy ?? NaN,
            Number((r.fit.elapsedMs / 1000).toFixed(2)),
          ]),
        },
      ],
      charts: [
        { title: 'training loss against iterations', xLabel: 'iteration', yLabel: 'loss', logY: true, series: results.map((r) => ({ label: r.label, x: steps(r.fit.history.loss.length), y: r.fit.history.loss })) },
        { title: 'training loss against epochs', xLabel: 'epoch', yLabel: 'loss', logY: true, series: results.map((r) => ({ label: r.label, x: perEpoch(r), y: r.fit.history.loss })) },
      ],
    });
  });
}
