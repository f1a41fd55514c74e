import { defineSchedule, type Schedule } from '@lab/core';
import { guard, num } from './check';

export interface ConstantOptions {
  /** The value at every step. */
  value: number;
}

/**
 * The same value at every step: `α_t = value`. Accepts fractional steps (epochs).
 *
 * Reference: optax `constant_schedule`.
 *
 * @example
 * const lr = constant({ value: 0.01 });
 * lr(0); // 0.01
 * lr(1000); // 0.01
 */
export function constant({ value }: ConstantOptions): Schedule {
  num('value', value);
  return guard(() => value);
}

/** {@link constant} as a definition (`{ type: 'constant', value }`). */
export const constantDefinition = /* @__PURE__ */ defineSchedule({
  name: 'constant',
  meta: { description: 'The same value at every step' },
  params: { value: { kind: 'number', description: 'the value at every step' } },
  create: constant,
});
