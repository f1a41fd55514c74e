import type { Schedule } from '@lab/core';
import { fail, num, pos } from './check';

/** Points of a schedule, as `sample` returns them. */
export interface SchedulePoints {
  readonly steps: number[];
  readonly values: number[];
}

export interface SampleOptions {
  /** First step (default 0). */
  start?: number;
  /** Last step, included when it falls on the grid. */
  end: number;
  /** Distance between steps (default 1; fractional for epoch schedules). */
  step?: number;
}

/**
 * Sample a schedule at `start, start + step, ...` up to `end` inclusive, for plotting and tables
 * (the CLI's `lab schedule` and the docs' plots). At most 1e6 points.
 *
 * @example
 * sample(linear({ initValue: 1, endValue: 0, transitionSteps: 4 }), { end: 4, step: 2 });
 * // { steps: [0, 2, 4], values: [1, 0.5, 0] }
 */
export function sample(schedule: Schedule, { start = 0, end, step = 1 }: SampleOptions): SchedulePoints {
  if (typeof schedule != 'function') fail('schedule', schedule, 'a schedule (step) => value');
  num('start', start, 0);
  num('end', end, start);
  pos('step', step);
  const n = Math.floor((end - start) / step + 1e-9) + 1;
  if (n > 1e6) fail('step', step, 'giving <= 1e6 points');
  const steps = Array.from({ length: n }, (_, i) => start + i * step);
  return { steps, values: steps.map((s) => schedule(s)) };
}
