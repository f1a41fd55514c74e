import { defineSchedule, type Schedule } from '@lab/core';
import { fail, guard, int, num } from './check';
import { peakValue } from './params';

export interface LinearWarmupOptions {
  /** α, the value reached at the end of the warm-up and kept after it. */
  peakValue: number;
  /** Warm-up length τ (integer >= 1). */
  warmupSteps: number;
  /** Value at step 0 (default 0: the lecture's form). Exclusive with `startFactor`. */
  initValue?: number;
  /** PyTorch's form: the value at step 0 as a fraction of peakValue, in [0, 1]. Exclusive with `initValue`. */
  startFactor?: number;
}

/**
 * Linear warm-up: `α_t = α_init + (α - α_init) · t / τ` for `t < τ`, then `α_t = α`.
 *
 * - The lecture's form is `initValue = 0`: `α_t = α · t / τ` (the default).
 * - PyTorch's `LinearLR(start_factor, end_factor = 1, total_iters = τ)` is `startFactor`:
 *   `α_t = α · (s + (1 - s) · min(t, τ) / τ)`.
 *
 * Accepts fractional steps. Reference: Goyal et al., "Accurate, Large Minibatch SGD: Training
 * ImageNet in 1 Hour", 2017; PyTorch `LinearLR`.
 *
 * @example
 * const lr = linearWarmup({ peakValue: 0.1, warmupSteps: 10 });
 * lr(0); // 0
 * lr(5); // 0.05
 * lr(10); // 0.1, and after
 * linearWarmup({ peakValue: 0.1, warmupSteps: 10, startFactor: 0.25 })(0); // 0.025
 */
export function linearWarmup({ peakValue, warmupSteps, initValue, startFactor }: LinearWarmupOptions): Schedule {
  num('peakValue', peakValue);
  int('warmupSteps', warmupSteps, 1);
  if (startFactor !== undefined) {
    if (initValue !== undefined) fail('initValue', initValue, 'unset with startFactor');
    if (num('startFactor', startFactor, 0) > 1) fail('startFactor', startFactor, 'a fraction in [0, 1]');
    return guard((t) => peakValue * (startFactor + ((1 - startFactor) * Math.min(t, warmupSteps)) / warmupSteps));
  }
  const a = num('initValue', initValue ?? 0);
  return guard((t) => (t < warmupSteps ? a + ((peakValue - a) * t) / warmupSteps : peakValue));
}

/** {@link linearWarmup} as a definition. */
export const linearWarmupDefinition = /* @__PURE__ */ defineSchedule({
  name: 'linearWarmup',
  meta: { description: 'Linear warm-up to peakValue, then constant', paper: 'Goyal et al., Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour, 2017' },
  params: {
    peakValue,
    warmupSteps: { kind: 'integer', min: 1, description: 'warm-up length' },
    initValue: { kind: 'number', optional: true, description: 'value at step 0 (default 0)' },
    startFactor: { kind: 'number', optional: true, min: 0, max: 1, description: 'value at step 0 as a fraction of peakValue (PyTorch LinearLR)' },
  },
  create: linearWarmup,
});
