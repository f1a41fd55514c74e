import { defineSchedule, type Schedule } from '@lab/core';
import { guard, num, pos } from './check';
import { decayRate, initValue, staircase } from './params';

export interface InverseTimeDecayOptions {
  /** α_0, the value at step 0. */
  initValue: number;
  /** β > 0. */
  decayRate: number;
  /** Time unit of the decay (default 1): `p = t / decaySteps`. */
  decaySteps?: number;
  /** Use `⌊t / decaySteps⌋` (default false). */
  staircase?: boolean;
}

/**
 * Inverse time decay: `α_t = α_0 / (1 + β · p)` with `p = t / decaySteps` (or `⌊t / decaySteps⌋`
 * with `staircase`). With the defaults (`decaySteps = 1`, `staircase = false`) this is the
 * lecture's `α_t = α_0 / (1 + β t)`. Accepts fractional steps (epochs).
 *
 * Reference: Keras `InverseTimeDecay`.
 *
 * @example
 * const lr = inverseTimeDecay({ initValue: 0.1, decayRate: 0.5 });
 * lr(0); // 0.1
 * lr(2); // 0.05
 */
export function inverseTimeDecay({ initValue, decayRate, decaySteps = 1, staircase = false }: InverseTimeDecayOptions): Schedule {
  num('initValue', initValue);
  pos('decayRate', decayRate);
  pos('decaySteps', decaySteps);
  return guard((t) => initValue / (1 + decayRate * (staircase ? Math.floor(t / decaySteps) : t / decaySteps)));
}

/** {@link inverseTimeDecay} as a definition. */
export const inverseTimeDecayDefinition = /* @__PURE__ */ defineSchedule({
  name: 'inverseTimeDecay',
  meta: { description: 'α0 / (1 + β·t / decaySteps)', docsUrl: 'https://keras.io/api/optimizers/learning_rate_schedules/inverse_time_decay/' },
  params: { initValue, decayRate, decaySteps: { kind: 'number', default: 1, min: 0, exclusiveMin: true, description: 'time unit of the decay' }, staircase },
  create: inverseTimeDecay,
});
