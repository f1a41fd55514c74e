import type { Command } from 'commander';
import { Optimizer } from '@lab/optimizers';
import { emit, type Context, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { parseDefinitionSpec } from '../optimizer-spec';
import { SURFACES, surface } from '@lab/optimizers/surfaces';
import { intFlag } from '../spec-options';

const DEFAULT_OPTIMIZERS = ['sgd:lr=0.001', 'sgd:lr=0.001,momentum=0.9', 'sgd:lr=0.001,momentum=0.9,nesterov=true', 'adagrad:lr=0.5', 'rmsprop:lr=0.01', 'adadelta:lr=1', 'adam:lr=0.05'];

/** `lab surface`: optimizer trajectories on 2-D test functions. */
export function registerSurface(program: Command, ctx: Context): void {
  program
    .command('surface')
    .description(`optimizer trajectories on 2-D surfaces (${SURFACES.map((s) => s.name).join(', ')})`)
    .option('--surface <name>', `one of ${SURFACES.map((s) => s.name).join(', ')}`, 'rosenbrock')
    .option('--optimizer <spec...>', "optimizers as name or name:key=value,... (repeatable); default: a set of the lecture's optimizers")
    .option('--steps <n>', 'optimizer steps', '500')
    .option('--start <x,y>', 'starting point (default: the surface’s own)')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<GlobalOptions & { surface: string; optimizer?: string[]; steps: string; start?: string }>();
      const s = surface(o.surface);
      const steps = intFlag('--steps', o.steps);
      let start = s.start;
      if (o.start) {
        const xy = o.start.split(',').map(Number);
        if (xy.length !== 2 || !xy.every(Number.isFinite)) throw new UsageError(`--start must be two numbers x,y, got ${JSON.stringify(o.start)}`);
        start = [xy[0], xy[1]];
      }
      const specs = o.optimizer ?? DEFAULT_OPTIMIZERS;
      const runs = specs.map((text) => {
        const config = parseDefinitionSpec(ctx.registry, 'optimizer', text);
        const p = { name: 'xy', value: new Float64Array(start), grad: new Float64Array(2) as Float64Array | null };
        const opt = new Optimizer([p], ctx.registry.build('optimizer', config));
        const path: [number, number][] = [[p.value[0], p.value[1]]];
        const loss: number[] = [s.f(p.value[0], p.value[1])];
        let diverged = false;
        for (let t = 0; t < steps; t++) {
          const g = s.grad(p.value[0], p.value[1]);
          if (!g.every(Number.isFinite) || Math.abs(loss[loss.length - 1]) > 1e12) {
            diverged = true;
            break;
          }
          p.grad = new Float64Array(g);
          opt.step();
          path.push([p.value[0], p.value[1]]);
          loss.push(s.f(p.value[0], p.value[1]));
        }
        const [x, y] = path[path.length - 1];
        const dist = s.minima.length ? Math.min(...s.minima.map(([a, b]) => Math.hypot(x - a, y - b))) : NaN;
        return { optimizer: text, final: { x, y, loss: loss[loss.length - 1] }, distanceToMinimum: dist, diverged, path, loss };
      });
      await emit(ctx, o, {
        title: `lab surface ${s.name}`,
        text: [s.description, `start (${start.join(', ')}), ${steps} steps`],
        json: { surface: s.name, start, steps, runs },
        tables: [
          {
            columns: ['optimizer', 'final x', 'final y', 'f(x, y)', 'distance to nearest minimum', 'diverged'],
            rows: runs.map((r) => [r.optimizer, r.final.x, r.final.y, r.final.loss, r.distanceToMinimum, r.diverged ? 'yes' : 'no']),
          },
        ],
        charts: [
          {
            title: `f(x, y) on ${s.title}`,
            xLabel: 'step',
            yLabel: 'f',
            logY: true,
            series: runs.map((r) => ({ label: r.optimizer, x: r.loss.map((_, i) => i), y: r.loss })),
          },
        ],
      });
    });
}
