/**
 * Typed errors. Each names the argument, the value received and what was expected, so a message
 * reads like `LengthMismatchError: yPred has 9 entries but yTrue has 10`.
 *
 * `isLabError(e)` recognises them across duplicated package copies (it checks a brand, not the
 * prototype chain), which is what the CLI uses to print one line and exit 2.
 */

const BRAND = Symbol.for('lab.error');

/** Short, bounded rendering of a received value for error messages (at most 60 characters). */
export function describeValue(value: unknown): string {
  let s: string | undefined;
  try {
    s =
      typeof value == 'number'
        ? Object.is(value, -0)
          ? '-0'
          : String(value)
        : JSON.stringify(ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value, (_k, x) =>
            typeof x == 'number' && !Number.isFinite(x) ? String(x) : x,
          );
  } catch {
    // cyclic or otherwise unserialisable: fall back to String()
  }
  s ??= typeof value == 'function' ? 'a function' : String(value);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/** Base class of every lab error. */
export class LabError extends Error {
  declare [BRAND]: true;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    this[BRAND] = true; // a symbol key: not enumerable by JSON.stringify or Object.keys
  }
}

/** True for any error thrown by a lab package (whichever copy of @lab/core created it). */
export function isLabError(error: unknown): error is LabError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

/** An argument with a wrong value: names the argument, the value and what was expected. */
export class InvalidArgumentError extends LabError {
  declare readonly argument: string;
  declare readonly value: unknown;
  declare readonly expected: string;
  constructor(argument: string, value: unknown, expected: string, message = `${argument} must be ${expected}, got ${describeValue(value)}`) {
    super(message);
    Object.assign(this, { argument, value, expected });
  }
}

/** Two inputs that must have the same length do not. */
export class LengthMismatchError extends InvalidArgumentError {
  constructor(argument: string, length: number, other: string, otherLength: number) {
    super(argument, length, `${otherLength} entries like ${other}`, `${argument} has ${length} entries but ${other} has ${otherLength}`);
  }
}

/** Tensor shapes that do not fit an operation. */
export class ShapeMismatchError extends InvalidArgumentError {
  declare readonly shapes: readonly (readonly number[])[];
  constructor(op: string, shapes: readonly (readonly number[])[], expected: string) {
    super(op, shapes, expected, `${op}: shapes ${shapes.map((s) => `[${s.join(', ')}]`).join(' and ')} ${expected}`);
    Object.assign(this, { shapes });
  }
}

/** NaN or ±Infinity where only finite numbers make sense. */
export class NonFiniteError extends InvalidArgumentError {
  constructor(argument: string, value: number, index?: number) {
    super(argument, value, 'finite', `${argument}${index === undefined ? '' : `[${index}]`} is ${value}; expected a finite number`);
  }
}

/** A name that is not in the registry (or not in a list of choices). */
export class UnknownNameError extends InvalidArgumentError {
  constructor(kind: string, name: unknown, known: readonly string[]) {
    super(kind, name, `one of ${known.join(', ') || '(none registered)'}`, `unknown ${kind} ${describeValue(name)}; known: ${known.join(', ') || '(none)'}`);
  }
}

/** A name registered twice. */
export class DuplicateNameError extends InvalidArgumentError {
  constructor(kind: string, name: string, plugin: string) {
    super(kind, name, 'a name not yet registered', `${kind} "${name}" from plugin "${plugin}" is already registered`);
  }
}

/** Saved state (optimizer, RNG, checkpoint) that does not fit what it is loaded into. */
export class StateMismatchError extends InvalidArgumentError {}

/** A precondition of a computation that the data does not meet (e.g. a metric undefined for one class). */
export class UndefinedResultError extends LabError {}
