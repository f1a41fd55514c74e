import { InvalidArgumentError, type Schedule } from '@lab/core';
import { expect } from 'vitest';

/** Expect `fn` to throw an InvalidArgumentError whose argument is `argument` (and whose message names it). */
export function rejects(fn: () => unknown, argument: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect((error as InvalidArgumentError).argument).toBe(argument);
  expect((error as Error).message).toContain(argument);
}

/** Values of a schedule at the given steps. */
export const at = (s: Schedule, steps: number[]) => steps.map((t) => s(t));

/** Relative closeness for closed forms. */
export function near(got: number, want: number, rtol = 1e-12): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rtol * Math.abs(want) + 1e-15);
}

/** Step validation shared by every integer-step schedule. */
export function integerSteps(s: Schedule): void {
  for (const bad of [-1, 1.5, NaN, Infinity]) rejects(() => s(bad), 'step');
}

/** Step validation of a schedule that accepts fractional steps (epochs). */
export function fractionalSteps(s: Schedule): void {
  expect(Number.isFinite(s(1.5))).toBe(true);
  for (const bad of [-0.5, NaN, Infinity]) rejects(() => s(bad), 'step');
}
