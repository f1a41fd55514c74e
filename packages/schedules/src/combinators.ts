import type { Scalar, Schedule } from '@lab/core';
import { count, fail, int, num, steps } from './check';

/**
 * Join schedules at boundaries: schedule `i` runs from `boundaries[i-1]` (inclusive; 0 for the first)
 * to `boundaries[i]`, and sees the step counted from its own start, `step - boundaries[i-1]`
 * (so every schedule starts at its own step 0, as PyTorch's `SequentialLR` restarts them).
 * `boundaries` are increasing integers, one fewer than the schedules.
 *
 * Reference: optax `join_schedules`.
 *
 * @example
 * const lr = join([linearWarmup({ peakValue: 0.1, warmupSteps: 5 }), cosineDecay({ initValue: 0.1, decaySteps: 95 })], [5]);
 * lr(5); // 0.1: the cosine at its step 0
 */
export function join(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  if (!Array.isArray(schedules) || !schedules.length || schedules.some((s) => typeof s != 'function'))
    fail('schedules', schedules, 'a non-empty list of schedules');
  if (steps('boundaries', boundaries).length != schedules.length - 1)
    fail('boundaries', boundaries, `${schedules.length - 1} boundaries`);
  return (step) => {
    const i = count(boundaries, num('step', step, 0));
    return schedules[i](i ? step - boundaries[i - 1] : step);
  };
}

/** One part of a {@link sequence}: a schedule and how many steps it runs. */
export interface Segment {
  readonly schedule: Schedule;
  /** Steps this segment runs (integer >= 1); may be left out on the last segment, which runs on. */
  readonly steps?: number;
}

/**
 * Chain schedules by duration rather than by boundary: each segment runs `steps` steps from its
 * own step 0; the last runs on forever. Equal to {@link join} with the running sums of the durations
 * as boundaries.
 *
 * @example
 * const lr = sequence([
 *   { schedule: linearWarmup({ peakValue: 0.1, warmupSteps: 5 }), steps: 5 },
 *   { schedule: constant({ value: 0.1 }), steps: 45 },
 *   { schedule: exponentialDecay({ initValue: 0.1, decayRate: 0.9 }) },
 * ]);
 * lr(50); // 0.1: the exponential decay at its step 0
 */
export function sequence(segments: readonly Segment[]): Schedule {
  if (!Array.isArray(segments)) fail('segments', segments, 'a list of { schedule, steps }');
  let at = 0;
  return join(
    segments.map((s) => s?.schedule),
    segments.slice(0, -1).map((s, i) => (at += int(`segments[${i}].steps`, s.steps, 1))),
  );
}

/**
 * Multiply a schedule by a constant or by another schedule: `α_t = factor(t) · schedule(t)`.
 *
 * @example
 * const lr = scale(cosineDecay({ initValue: 1, decaySteps: 100 }), 0.1); // peak 0.1
 */
export function scale(schedule: Schedule, factor: Scalar): Schedule {
  if (typeof schedule != 'function') fail('schedule', schedule, 'a schedule (step) => value');
  if (typeof factor != 'function') num('factor', factor);
  return (step) => (typeof factor == 'function' ? factor(step) : factor) * schedule(step);
}

/**
 * Prepend a linear warm-up: from `initValue` (default 0) at step 0 up to `schedule(0)` at step
 * `warmupSteps`, then `schedule(step - warmupSteps)`.
 *
 * @example
 * const lr = warmup(cosineDecay({ initValue: 0.1, decaySteps: 90 }), 10);
 * lr(5); // 0.05
 * lr(10); // 0.1
 */
export function warmup(schedule: Schedule, warmupSteps: number, initValue = 0): Schedule {
  if (typeof schedule != 'function') fail('schedule', schedule, 'a schedule (step) => value');
  int('warmupSteps', warmupSteps, 1);
  num('initValue', initValue);
  const peak = schedule(0);
  return join([(t) => initValue + ((peak - initValue) * t) / warmupSteps, schedule], [warmupSteps]);
}
