/**
 * Validation shared by every schedule (internal). Kept tiny on purpose: a single tree-shaken
 * schedule pulls in only these few lines and @lab/core's InvalidArgumentError.
 */
import { InvalidArgumentError, type Schedule } from '@lab/core';

/** Throw an InvalidArgumentError naming the argument, the value and what was expected. */
export const fail = (argument: string, value: unknown, expected: string): never => {
  throw new InvalidArgumentError(argument, value, expected);
};

const check = (ok: boolean, argument: string, value: unknown, expected: string): number => (ok ? (value as number) : fail(argument, value, expected));

/** A finite number, `>= lo` when `lo` is given. Returns the value so checks read as assignments. */
export const num = (argument: string, value: unknown, lo?: number): number =>
  // Number.isFinite is false for non-numbers, NaN and ±Infinity; `x < undefined` is false
  check(Number.isFinite(value) && !((value as number) < lo!), argument, value, 'a finite number' + (lo != null ? ' >= ' + lo : ''));

/** A finite number > 0. */
export const pos = (argument: string, value: unknown): number => check(Number.isFinite(value) && (value as number) > 0, argument, value, 'a finite number > 0');

/** An integer >= lo (default 0). */
export const int = (argument: string, value: unknown, lo = 0): number => check(Number.isInteger(value) && (value as number) >= lo, argument, value, 'an integer >= ' + lo);

/** Check that `value` is one of `choices`; returns its index. */
export function oneOf(argument: string, value: unknown, choices: readonly string[]): number {
  const i = choices.indexOf(value as string);
  if (i < 0) fail(argument, value, `one of '${choices.join("', '")}'`);
  return i;
}

/** A non-decreasing (or, when `strict`, increasing) list of integers >= 0. */
export function steps(argument: string, value: unknown, strict = true): number[] {
  if (!Array.isArray(value)) fail(argument, value, 'a list of integers >= 0');
  const list = value as number[];
  list.forEach((b, i) => {
    int(`${argument}[${i}]`, b);
    if (i && (strict ? b <= list[i - 1] : b < list[i - 1])) fail(argument, list, `${strict ? 'increasing' : 'non-decreasing'} integers >= 0`);
  });
  return list;
}

/** Wrap a formula as a Schedule that checks its step: a finite number >= 0 (fractional steps, epochs, allowed). */
export const guard =
  (formula: Schedule): Schedule =>
  (step) =>
    formula(num('step', step, 0));

/** Wrap a formula as a Schedule of whole steps: the step must be an integer >= 0 (schedules that count discrete events). */
export const guardInt =
  (formula: Schedule): Schedule =>
  (step) =>
    formula(int('step', step));

/** Number of entries of a sorted list that are <= x (Python's bisect_right). */
export const count = (sorted: readonly number[], x: number): number => {
  let k = 0;
  while (k < sorted.length && sorted[k] <= x) k++;
  return k;
};
