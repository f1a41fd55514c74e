import { InvalidArgumentError } from './errors';
import type { InputOptions, ParamSpec, ParamsSpec, ResolvedOptions } from './types';

/**
 * Validation of options against a params spec. It is hand-written rather than built on a schema
 * library: the spec kinds are few, the whole of it is well under 1 kB min+gzip, and the errors say
 * exactly what lab wants them to say (argument, value, expectation). A schema library (zod, valibot)
 * would have cost 2-15 kB of @lab/core's 3 kB budget for the same checks.
 */

function bounds(p: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean }): string {
  const lo = p.min === undefined ? '' : `${p.exclusiveMin ? '>' : '>='} ${p.min}`;
  const hi = p.max === undefined ? '' : `${p.exclusiveMax ? '<' : '<='} ${p.max}`;
  return lo && hi ? ` ${lo} and ${hi}` : lo || hi ? ` ${lo || hi}` : '';
}

function inRange(v: number, p: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean }): boolean {
  return (
    (p.min === undefined || (p.exclusiveMin ? v > p.min : v >= p.min)) && (p.max === undefined || (p.exclusiveMax ? v < p.max : v <= p.max))
  );
}

/** Describe what a param accepts, e.g. "a number >= 0" (used in errors, CLI help and docs). */
export function describeParam(p: ParamSpec): string {
  switch (p.kind) {
    case 'number':
      return `a finite number${bounds(p)}`;
    case 'integer':
      return `an integer${bounds(p)}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${p.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'numbers':
      return `${p.length === undefined ? 'a list' : `a list of ${p.length}`} of finite numbers${bounds(p)}`;
    case 'number-or-schedule':
      return `a finite number${bounds(p)} or a schedule (step) => value`;
  }
}

/** Check one value against its spec; throws InvalidArgumentError naming `argument`. */
export function checkParam(argument: string, p: ParamSpec, v: unknown): unknown {
  const fail = (): never => {
    throw new InvalidArgumentError(argument, v, describeParam(p));
  };
  switch (p.kind) {
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v) || (p.kind === 'integer' && !Number.isInteger(v)) || !inRange(v, p)) fail();
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') fail();
      return v;
    case 'enum':
      if (!(p.values as readonly unknown[]).includes(v)) fail();
      return v;
    case 'numbers': {
      if (!Array.isArray(v) || (p.length !== undefined && v.length !== p.length)) fail();
      const arr = v as unknown[];
      for (const x of arr) if (typeof x !== 'number' || !Number.isFinite(x) || !inRange(x, p)) fail();
      return arr.slice();
    }
    case 'number-or-schedule':
      if (typeof v === 'function') return v;
      if (typeof v !== 'number' || !Number.isFinite(v) || !inRange(v, p)) fail();
      return v;
  }
}

/**
 * Validate user options against a spec and fill defaults. Unknown keys are an error (a typo must
 * not be ignored silently); `context` prefixes argument names (`adam.lr`).
 */
export function resolveOptions<S extends ParamsSpec>(spec: S, input: InputOptions<S> | Record<string, unknown> = {}, context = ''): ResolvedOptions<S> {
  const prefix = context ? `${context}.` : '';
  const given = input as Record<string, unknown>;
  if (typeof given !== 'object' || given === null) throw new InvalidArgumentError(context || 'options', input, 'an object');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (key === 'type') continue;
    if (!Object.prototype.hasOwnProperty.call(spec, key)) {
      throw new InvalidArgumentError(`${prefix}${key}`, given[key], `one of the known options (${Object.keys(spec).join(', ') || 'none'})`, `unknown option ${prefix}${key}; known options: ${Object.keys(spec).join(', ') || 'none'}`);
    }
  }
  for (const [key, p] of Object.entries(spec)) {
    const v = given[key];
    if (v === undefined) {
      if (p.default !== undefined) out[key] = Array.isArray(p.default) ? p.default.slice() : p.default;
      else if (!p.optional) throw new InvalidArgumentError(`${prefix}${key}`, v, `${describeParam(p)} (required)`);
    } else out[key] = checkParam(`${prefix}${key}`, p, v);
  }
  return out as ResolvedOptions<S>;
}

/** The spec's defaults, as a plain object. */
export function defaults<S extends ParamsSpec>(spec: S): Partial<ResolvedOptions<S>> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(spec)) if (p.default !== undefined) out[k] = p.default;
  return out as Partial<ResolvedOptions<S>>;
}
