/** Internal argument checks shared by the generators and utilities (not exported from the package). */
import { InvalidArgumentError, NonFiniteError, Rng, toRng } from '@lab/core';

export function checkInteger(argument: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new InvalidArgumentError(argument, value, max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`);
  return value;
}

export function checkNumber(argument: string, value: unknown, min = -Infinity, exclusiveMin = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidArgumentError(argument, value, 'a finite number');
  if (exclusiveMin ? value <= min : value < min) throw new InvalidArgumentError(argument, value, `a number ${exclusiveMin ? '>' : '>='} ${min}`);
  return value;
}

export function checkRange(argument: string, value: unknown): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(value[0] < value[1]))
    throw new InvalidArgumentError(argument, value, '[low, high] with finite low < high');
  return value as unknown as readonly [number, number];
}

export function checkBoolean(argument: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidArgumentError(argument, value, 'true or false');
  return value;
}

export function checkRng(seed: unknown): Rng {
  if (!(seed instanceof Rng) && (typeof seed !== 'number' || !Number.isSafeInteger(seed)))
    throw new InvalidArgumentError('seed', seed, 'a safe integer or an Rng');
  return toRng(seed);
}

/** Rejects unknown option names (a typo should not be silently ignored). */
export function checkOptions(fn: string, options: object | undefined, known: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(`${fn} options`, options, 'an object');
  for (const key of Object.keys(options))
    if (!known.includes(key)) throw new InvalidArgumentError(`${fn} options`, key, `one of ${known.join(', ')}`, `${fn}: unknown option "${key}"; known: ${known.join(', ')}`);
}

export function checkFeatures(argument: string, x: unknown, nFeatures: number): number {
  if (!(x instanceof Float32Array) && !(x instanceof Float64Array)) throw new InvalidArgumentError(argument, x, 'a Float32Array or Float64Array');
  checkInteger('nFeatures', nFeatures, 1);
  if (x.length % nFeatures !== 0)
    throw new InvalidArgumentError(argument, x.length, `a length divisible by nFeatures = ${nFeatures}`, `${argument} has ${x.length} entries, not a multiple of nFeatures = ${nFeatures}`);
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) throw new NonFiniteError(argument, x[i], i);
  return x.length / nFeatures;
}
