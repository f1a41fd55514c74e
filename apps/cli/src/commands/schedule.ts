import { Command } from 'commander';
import type { Schedule } from '@lab/core';
import { sample } from '@lab/schedules';
import { emit, type Context, type GlobalOptions } from '../context';
import { addSpecOptions, intFlag, readSpecOptions } from '../spec-options';

/** `lab schedule NAME [params]`: print and plot a schedule; its flags come from the schedule's spec. */
export function registerSchedule(program: Command, ctx: Context, argv: readonly string[]): void {
  const i = argv.indexOf('schedule');
  const name = i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('-') ? argv[i + 1] : undefined;
  const cmd = program
    .command('schedule')
    .argument('<name>', `a schedule: ${ctx.registry.list('schedule').map((e) => e.name).join(', ')}`)
    .description("print and plot a learning-rate schedule (its parameters as flags: see 'lab schedule NAME --help')")
    .option('--steps <n>', 'steps to sample (default: 100)')
    .option('--every <n>', 'print every n-th step in the table (default: steps/10)');
  if (name && ctx.registry.has('schedule', name)) addSpecOptions(cmd, ctx.registry.get('schedule', name).params);
  cmd.action(async (n: string, _o, c: Command) => {
    const opts = c.optsWithGlobals<GlobalOptions & { steps?: string; every?: string }>();
    const def = ctx.registry.get('schedule', n);
    const params = readSpecOptions(c.opts(), def.params);
    const schedule = ctx.registry.build('schedule', { type: n, ...params }) as Schedule;
    const steps = intFlag('--steps', opts.steps ?? '100');
    const every = intFlag('--every', opts.every ?? String(Math.max(1, Math.floor(steps / 10))));
    const pts = sample(schedule, { start: 0, end: steps, step: 1 });
    const xs = Array.from(pts.steps);
    const ys = Array.from(pts.values);
    await emit(ctx, opts, {
      title: `schedule ${n}`,
      json: { schedule: n, params: ctx.registry.resolve('schedule', { type: n, ...params }), steps: xs, values: ys },
      tables: [{ columns: ['step', 'value'], rows: xs.filter((s) => s % every === 0 || s === xs[xs.length - 1]).map((s) => [s, ys[s]]) }],
      charts: [{ title: `${n}`, xLabel: 'step', yLabel: 'value', series: [{ label: n, x: xs, y: ys }] }],
    });
  });
}
