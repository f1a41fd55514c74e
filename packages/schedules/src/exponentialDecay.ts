import { defineSchedule, type Schedule } from '@lab/core';
import { guard, num, pos } from './check';
import { decayRate, initValue, staircase, transitionBegin } from './params';

export interface ExponentialDecayOptions {
  /** α_0, the value at step 0. */
  initValue: number;
  /** β > 0 (β < 1 decays, β > 1 grows). */
  decayRate: number;
  /** Steps per factor β (default 1). */
  transitionSteps?: number;
  /** Use `⌊(t - transitionBegin) / transitionSteps⌋` (default false). */
  staircase?: boolean;
  /** Hold α_0 for this many steps first (default 0). */
  transitionBegin?: number;
  /** Bound: the value never goes below it (β < 1) or above it (β > 1). Default: none. */
  endValue?: number;
}

/**
 * Exponential decay: `α_t = α_0 · β^p` with `p = (t - transitionBegin) / transitionSteps`
 * (floored with `staircase`; `α_t = α_0` while `t <= transitionBegin`), clipped at `endValue`.
 * With the defaults this is the lecture's `α_t = α_0 · β^t` and PyTorch's `ExponentialLR(gamma = β)`.
 * Accepts fractional steps.
 *
 * Reference: optax `exponential_decay`; Keras `ExponentialDecay`.
 *
 * @example
 * const lr = exponentialDecay({ initValue: 0.1, decayRate: 0.5, transitionSteps: 10, endValue: 0.01 });
 * lr(10); // 0.05
 * lr(100); // 0.01 (clipped)
 */
export function exponentialDecay({
  initValue,
  decayRate,
  transitionSteps = 1,
  staircase = false,
  transitionBegin = 0,
  endValue,
}: ExponentialDecayOptions): Schedule {
  num('initValue', initValue);
  pos('decayRate', decayRate);
  pos('transitionSteps', transitionSteps);
  num('transitionBegin', transitionBegin, 0);
  if (endValue !== undefined) num('endValue', endValue);
  return guard((t) => {
    const p = Math.max(0, t - transitionBegin) / transitionSteps;
    const v = initValue * decayRate ** (staircase ? Math.floor(p) : p);
    return endValue === undefined ? v : decayRate < 1 ? Math.max(v, endValue) : Math.min(v, endValue);
  });
}

export interface NaturalExpDecayOptions {
  /** α_0, the value at step 0. */
  initValue: number;
  /** β > 0. */
  decayRate: number;
  /** Time unit (default 1). */
  decaySteps?: number;
  /** Use `⌊t / decaySteps⌋` (default false). */
  staircase?: boolean;
}

/**
 * Natural exponential decay: `α_t = α_0 · exp(-β · p)` with `p = t / decaySteps` (floored with
 * `staircase`). With the defaults this is the lecture's `α_t = α_0 · e^{-βt}`. Accepts fractional steps.
 *
 * Reference: TensorFlow 1 `tf.train.natural_exp_decay`.
 *
 * @example
 * const lr = naturalExpDecay({ initValue: 0.1, decayRate: 0.1 });
 * lr(10); // 0.1 · e^-1 ≈ 0.0368
 */
export function naturalExpDecay({ initValue, decayRate, decaySteps = 1, staircase = false }: NaturalExpDecayOptions): Schedule {
  num('initValue', initValue);
  pos('decayRate', decayRate);
  pos('decaySteps', decaySteps);
  return guard((t) => initValue * Math.exp(-decayRate * (staircase ? Math.floor(t / decaySteps) : t / decaySteps)));
}

/** {@link exponentialDecay} as a definition. */
export const exponentialDecayDefinition = /* @__PURE__ */ defineSchedule({
  name: 'exponentialDecay',
  meta: { description: 'α0·β^(t / transitionSteps), optionally staircase and clipped at endValue', docsUrl: 'https://optax.readthedocs.io/en/latest/api/optimizer_schedules.html' },
  params: {
    initValue,
    decayRate,
    transitionSteps: { kind: 'number', default: 1, min: 0, exclusiveMin: true, description: 'steps per factor β' },
    staircase,
    transitionBegin,
    endValue: { kind: 'number', optional: true, description: 'bound the value never passes' },
  },
  create: exponentialDecay,
});

/** {@link naturalExpDecay} as a definition. */
export const naturalExpDecayDefinition = /* @__PURE__ */ defineSchedule({
  name: 'naturalExpDecay',
  meta: { description: 'α0·exp(−β·t / decaySteps)' },
  params: { initValue, decayRate, decaySteps: { kind: 'number', default: 1, min: 0, exclusiveMin: true, description: 'time unit of the decay' }, staircase },
  create: naturalExpDecay,
});
