import { defineSchedule, type Schedule } from '@lab/core';
import { count, guardInt, int, num, pos, steps } from './check';
import { gamma, initValue } from './params';

export interface StepDecayOptions {
  /** α_0, the value at step 0. */
  initValue: number;
  /** Decay every `stepSize` steps (integer >= 1). */
  stepSize: number;
  /** Multiplicative factor γ of each decay (default 0.1). */
  gamma?: number;
}

/**
 * Step decay: `α_t = α_0 · γ^⌊t / stepSize⌋`. Integer steps only. Default `gamma = 0.1`.
 *
 * Reference: PyTorch `StepLR` (closed form; for torch's chained floating-point sequence see
 * `torch.stepLR`).
 *
 * @example
 * const lr = stepDecay({ initValue: 0.1, stepSize: 30 });
 * lr(29); // 0.1
 * lr(30); // 0.01
 */
export function stepDecay({ initValue, stepSize, gamma = 0.1 }: StepDecayOptions): Schedule {
  num('initValue', initValue);
  int('stepSize', stepSize, 1);
  pos('gamma', gamma);
  return guardInt((t) => initValue * gamma ** Math.floor(t / stepSize));
}

export interface MultiStepOptions {
  /** α_0, the value at step 0. */
  initValue: number;
  /** Non-decreasing integer steps at which the value is multiplied by γ (a repeated milestone applies γ twice). */
  milestones: number[];
  /** Multiplicative factor γ (default 0.1). */
  gamma?: number;
}

/**
 * Multi-step decay: `α_t = α_0 · γ^k`, `k = #{m : milestone_m <= t}`. Integer steps only.
 * Default `gamma = 0.1`.
 *
 * Reference: PyTorch `MultiStepLR` (closed form; see `torch.multiStepLR` for torch's chained sequence).
 *
 * @example
 * const lr = multiStep({ initValue: 0.1, milestones: [30, 80] });
 * lr(30); // 0.01
 * lr(80); // 0.001
 */
export function multiStep({ initValue, milestones, gamma = 0.1 }: MultiStepOptions): Schedule {
  num('initValue', initValue);
  steps('milestones', milestones, false);
  pos('gamma', gamma);
  return guardInt((t) => initValue * gamma ** count(milestones, t));
}

/** {@link stepDecay} as a definition. */
export const stepDecayDefinition = /* @__PURE__ */ defineSchedule({
  name: 'stepDecay',
  meta: { description: 'Multiply by gamma every stepSize steps', docsUrl: 'https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.StepLR.html' },
  params: { initValue, stepSize: { kind: 'integer', min: 1, description: 'steps between decays' }, gamma },
  create: stepDecay,
});

/** {@link multiStep} as a definition. */
export const multiStepDefinition = /* @__PURE__ */ defineSchedule({
  name: 'multiStep',
  meta: { description: 'Multiply by gamma at each milestone', docsUrl: 'https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.MultiStepLR.html' },
  params: { initValue, milestones: { kind: 'numbers', min: 0, description: 'steps where the value is multiplied by gamma' }, gamma },
  create: multiStep,
});
