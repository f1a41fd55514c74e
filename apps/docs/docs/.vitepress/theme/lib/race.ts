/**
 * The optimizer race's engine, apart from the UI: racers built through a registry, stepped on a
 * 2-D surface with the optimizers' own `init` / `update` and `applyUpdates`.
 */
import type { FloatArray, GradientTransformation, Registry } from '@lab/core';
import type { Surface } from '@lab/optimizers/surfaces';

export interface RacerSpec {
  /** Unique id in the race (a definition may race twice with different presets). */
  readonly id: string;
  readonly label: string;
  /** The optimizer's name in the registry. */
  readonly type: string;
  /** Options that differ from the definition's defaults at the start (momentum for "sgd + momentum"). */
  readonly preset?: Record<string, unknown>;
}

/** The learning rate each racer starts from on each surface (a reasonable value, not a tuned one). */
export function startingLr(surface: string, racer: RacerSpec): number {
  const sgdLike: Record<string, number> = { saddle: 0.05, 'local-minima': 0.05, plateau: 0.1, rosenbrock: 0.001, beale: 0.01 };
  if (racer.type === 'sgd') return sgdLike[surface] ?? 0.01;
  if (racer.type === 'adadelta') return 1;
  if (racer.type === 'radam') return { rosenbrock: 0.001, beale: 0.005 }[surface] ?? 0.05;
  if (racer.type === 'lion') return { rosenbrock: 0.002, beale: 0.005 }[surface] ?? 0.01;
  return 0.05;
}

export interface Run {
  readonly id: string;
  readonly xs: number[];
  readonly ys: number[];
  /** f − f* after each step (index 0: the start). */
  readonly losses: number[];
  status: 'running' | 'done' | 'diverged' | 'error';
  message: string;
  params: FloatArray[];
  state: unknown;
  readonly opt: GradientTransformation | null;
}

/** A run's starting point; an invalid option gives a run in the 'error' state with the message. */
export function startRun(registry: Registry, id: string, type: string, options: Record<string, unknown>, s: Surface): Run {
  const params = [new Float64Array(s.start)];
  const base = { id, xs: [s.start[0]], ys: [s.start[1]], losses: [s.f(...s.start) - s.fMin], params, message: '' };
  try {
    const opt = registry.build('optimizer', { type, ...options });
    return { ...base, status: 'running', state: opt.init(params), opt };
  } catch (e) {
    return { ...base, status: 'error', message: (e as Error).message, state: null, opt: null };
  }
}

/** One step of gradient descent with the run's optimizer; stops the run when it leaves the map or fails. */
export function stepRun(run: Run, s: Surface, applyUpdates: (p: FloatArray[], u: readonly FloatArray[]) => FloatArray[]): void {
  if (run.status !== 'running' || !run.opt) return;
  const [x, y] = run.params[0];
  try {
    const grads = [new Float64Array(s.grad(x, y))];
    const { updates, state } = run.opt.update(grads, run.state, run.params);
    run.params = applyUpdates(run.params, updates);
    run.state = state;
  } catch (e) {
    run.status = 'diverged';
    run.message = (e as Error).message;
    return;
  }
  const [nx, ny] = run.params[0];
  const w = s.x[1] - s.x[0];
  const h = s.y[1] - s.y[0];
  run.xs.push(nx);
  run.ys.push(ny);
  run.losses.push(s.f(nx, ny) - s.fMin);
  if (!Number.isFinite(nx) || !Number.isFinite(ny) || nx < s.x[0] - 2 * w || nx > s.x[1] + 2 * w || ny < s.y[0] - 2 * h || ny > s.y[1] + 2 * h) {
    run.status = 'diverged';
    run.message = 'left the map';
  }
}
