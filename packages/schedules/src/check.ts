/**
 * Validation shared by every schedule (internal). Kept tiny on purpose: a single tree-shaken
 * schedule pulls in only these few lines and @lab/core's InvalidArgumentError.
 */
import { InvalidArgumentError, type Schedule } from '@lab/core';

/** Throw an InvalidArgumentError naming the argument, the value and what was expected. */
export const fail = (argument: string, value: unknown, expected: string): never => {
  throw new InvalidArgumentError(argument, value, expected);
};

/**
 * Check a numeric parameter: finite, `> lo` when `strict`, else `>= lo`, and whole when `whole`.
 * Returns the value so checks read as assignments.
 */
export function num(argument: string, value: unknown, lo = -Infinity, strict = false, whole = false): number {
  if (
    typeof value != 'number' ||
    !Number.isFinite(value) ||
    (strict ? value <= lo : value < lo) ||
    (whole && !Number.isInteger(value))
  )
    fail(argument, value, `${whole ? 'an integer' : 'a finite number'}${lo > -Infinity ? ` ${strict ? '>' : '>='} ${lo}` : ''}`);
  return value as number;
}

/** A non-decreasing (or, when `strict`, increasing) list of integers >= 0. */
export function steps(argument: string, value: unknown, strict = true): number[] {
  if (!Array.isArray(value)) fail(argument, value, 'a list of integers >= 0');
  const list = value as number[];
  list.forEach((b, i) => {
    num(`${argument}[${i}]`, b, 0, false, true);
    if (i && (strict ? b <= list[i - 1] : b < list[i - 1])) fail(argument, list, `${strict ? 'increasing' : 'non-decreasing'} integers >= 0`);
  });
  return list;
}

/**
 * Wrap a formula as a Schedule that checks its step: a finite number >= 0, and a whole number
 * unless the schedule accepts fractional steps (epochs).
 */
export const guard =
  (formula: Schedule, fractional = false): Schedule =>
  (step) =>
    formula(num('step', step, 0, false, !fractional));

/** Number of entries of a sorted list that are <= x (Python's bisect_right). */
export const count = (sorted: readonly number[], x: number): number => {
  let k = 0;
  while (k < sorted.length && sorted[k] <= x) k++;
  return k;
};
