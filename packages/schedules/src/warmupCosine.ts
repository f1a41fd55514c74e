import { defineSchedule, type Schedule } from '@lab/core';
import { fail, guard, int, num } from './check';
import { decaySteps, endValue, peakValue } from './params';

export interface WarmupCosineOptions {
  /** Value at step 0 (default 0). */
  initValue?: number;
  /** Value at the end of the warm-up. */
  peakValue: number;
  /** Warm-up length W (integer >= 0). */
  warmupSteps: number;
  /** Decay length; whether it includes the warm-up is set by `decayIncludesWarmup`. */
  decaySteps: number;
  /** Value at the end of the cosine, kept after (default 0). */
  endValue?: number;
  /**
   * true (default, optax): `decaySteps` counts from step 0, so the cosine lasts `decaySteps - W` steps
   * and ends at step `decaySteps`. false (Keras `CosineDecay(warmup_steps)`): the cosine lasts
   * `decaySteps` steps after the warm-up and ends at step `W + decaySteps`.
   */
  decayIncludesWarmup?: boolean;
}

/**
 * Linear warm-up then cosine decay:
 * `α_t = α_init + (α_peak - α_init) · t / W` for `t < W`, then
 * `α_t = α_end + (α_peak - α_end) · (1 + cos(π · min(t - W, D) / D)) / 2`, where the cosine length is
 * `D = decaySteps - W` when `decayIncludesWarmup` (the default, as optax) and `D = decaySteps` when not
 * (as Keras). Defaults: `initValue = 0`, `endValue = 0`, `decayIncludesWarmup = true`.
 * Accepts fractional steps.
 *
 * Reference: optax `warmup_cosine_decay_schedule`; Keras `CosineDecay(warmup_target, warmup_steps)`.
 *
 * @example
 * const lr = warmupCosine({ peakValue: 0.1, warmupSteps: 10, decaySteps: 110 });
 * lr(5); // 0.05
 * lr(10); // 0.1
 * lr(60); // 0.05
 * lr(110); // 0, and after
 */
export function warmupCosine({ initValue = 0, peakValue, warmupSteps, decaySteps, endValue = 0, decayIncludesWarmup = true }: WarmupCosineOptions): Schedule {
  num('initValue', initValue);
  num('peakValue', peakValue);
  num('endValue', endValue);
  int('warmupSteps', warmupSteps);
  const d = int('decaySteps', decaySteps, 1) - (decayIncludesWarmup ? warmupSteps : 0);
  if (d < 1) fail('decaySteps', decaySteps, `> warmupSteps (${warmupSteps})`);
  return guard(
    (t) =>
      t < warmupSteps
        ? initValue + ((peakValue - initValue) * t) / warmupSteps
        : endValue + ((peakValue - endValue) * (1 + Math.cos((Math.PI * Math.min(t - warmupSteps, d)) / d))) / 2,
  );
}

/** {@link warmupCosine} as a definition. */
export const warmupCosineDefinition = /* @__PURE__ */ defineSchedule({
  name: 'warmupCosine',
  meta: { description: 'Linear warm-up then cosine decay to endValue', docsUrl: 'https://optax.readthedocs.io/en/latest/api/optimizer_schedules.html' },
  params: {
    initValue: { kind: 'number', default: 0, description: 'value at step 0' },
    peakValue,
    warmupSteps: { kind: 'integer', min: 0, description: 'warm-up length' },
    decaySteps,
    endValue,
    decayIncludesWarmup: { kind: 'boolean', default: true, description: 'decaySteps counts the warm-up (optax); false: decay lasts decaySteps after it (Keras)' },
  },
  create: warmupCosine,
});
