import { defineSchedule, type Schedule } from '@lab/core';
import { guard, int, num, pos } from './check';
import { decaySteps as decayStepsSpec, endValue, initValue, transitionBegin } from './params';

export interface PolynomialDecayOptions {
  /** α_0, the value at step 0. */
  initValue: number;
  /** Value from step `transitionBegin + decaySteps` on (default 0). */
  endValue?: number;
  /** Exponent p > 0 (default 1: linear). */
  power?: number;
  /** Length T of the decay (integer >= 1). */
  decaySteps: number;
  /** Hold α_0 for this many steps first (default 0). */
  transitionBegin?: number;
}

/**
 * Polynomial decay: `α_t = (α_0 - α_end) · (1 - τ / T)^p + α_end` with
 * `τ = clip(t - transitionBegin, 0, T)`; constant at `α_end` past the end. Defaults: `endValue = 0`,
 * `power = 1`, `transitionBegin = 0`. Accepts fractional steps.
 *
 * Reference: optax `polynomial_schedule`; PyTorch `PolynomialLR` is `endValue = 0`.
 *
 * @example
 * const lr = polynomialDecay({ initValue: 0.1, decaySteps: 100, power: 2 });
 * lr(50); // 0.025
 * lr(100); // 0
 */
export function polynomialDecay({ initValue, endValue = 0, power = 1, decaySteps, transitionBegin = 0 }: PolynomialDecayOptions): Schedule {
  num('initValue', initValue);
  num('endValue', endValue);
  pos('power', power);
  int('decaySteps', decaySteps, 1);
  num('transitionBegin', transitionBegin, 0);
  return guard((t) => (initValue - endValue) * (1 - Math.min(Math.max(t - transitionBegin, 0), decaySteps) / decaySteps) ** power + endValue);
}

export interface LinearOptions {
  /** Value at step 0 (and until `transitionBegin`). */
  initValue: number;
  /** Value from step `transitionBegin + transitionSteps` on. */
  endValue: number;
  /** Length of the ramp (integer >= 1). */
  transitionSteps: number;
  /** Hold initValue for this many steps first (default 0). */
  transitionBegin?: number;
}

/**
 * Linear ramp from `initValue` to `endValue` over `transitionSteps` steps, constant after:
 * `α_t = α_0 + (α_end - α_0) · τ / T` with `τ = clip(t - transitionBegin, 0, T)`. Accepts fractional steps.
 *
 * Reference: optax `linear_schedule`; PyTorch `LinearLR(start_factor, end_factor, total_iters)` is
 * `linear({ initValue: base·start_factor, endValue: base·end_factor, transitionSteps: total_iters })`.
 *
 * @example
 * const lr = linear({ initValue: 0.1, endValue: 0, transitionSteps: 10 });
 * lr(5); // 0.05
 * lr(20); // 0
 */
export function linear({ initValue, endValue, transitionSteps, transitionBegin = 0 }: LinearOptions): Schedule {
  num('initValue', initValue);
  num('endValue', endValue);
  int('transitionSteps', transitionSteps, 1);
  num('transitionBegin', transitionBegin, 0);
  return guard((t) => initValue + ((endValue - initValue) * Math.min(Math.max(t - transitionBegin, 0), transitionSteps)) / transitionSteps);
}

/** {@link polynomialDecay} as a definition. */
export const polynomialDecayDefinition = /* @__PURE__ */ defineSchedule({
  name: 'polynomialDecay',
  meta: { description: '(α0 − αend)·(1 − t/T)^p + αend', docsUrl: 'https://optax.readthedocs.io/en/latest/api/optimizer_schedules.html' },
  params: {
    initValue,
    endValue,
    power: { kind: 'number', default: 1, min: 0, exclusiveMin: true, description: 'exponent p' },
    decaySteps: decayStepsSpec,
    transitionBegin,
  },
  create: polynomialDecay,
});

/** {@link linear} as a definition. */
export const linearDefinition = /* @__PURE__ */ defineSchedule({
  name: 'linear',
  meta: { description: 'Linear ramp from initValue to endValue, constant after' },
  params: {
    initValue,
    endValue: { kind: 'number', description: 'value at the end of the ramp' },
    transitionSteps: { kind: 'integer', min: 1, description: 'length of the ramp' },
    transitionBegin,
  },
  create: linear,
});
