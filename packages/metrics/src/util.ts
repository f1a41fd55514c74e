/**
 * Internal helpers: input validation with lab errors, label ordering, the metric-definition helper.
 * Nothing here is exported from the package index.
 */
import {
  defineMetric,
  InvalidArgumentError,
  LengthMismatchError,
  NonFiniteError,
  UnknownNameError,
  type Definition,
  type ParamsSpec,
  type StreamingMetric,
} from '@lab/core';
import type { Label, Rows, SampleWeight, WarningOptions, ZeroDivision } from './types';

export const SK = 'https://scikit-learn.org/1.2/modules/generated/sklearn.';

/** A metric definition whose `create` also takes the full (richer than JSON) options. */
export type MetricDef<S extends ParamsSpec, O, B, R> = Definition<'metric', S, StreamingMetric<unknown, B, R>> & {
  create(options?: O): StreamingMetric<unknown, B, R>;
};

/** Build a metric definition; `ref` is the scikit-learn reference (`metrics.f1_score`). */
export function metric<const S extends ParamsSpec, O, St, B, R>(
  name: string,
  description: string,
  ref: string,
  params: S,
  create: (o: O) => StreamingMetric<St, B, R>,
): MetricDef<S, O, B, R> {
  return defineMetric({ name, meta: { description, docsUrl: `${SK}${ref}.html` }, params, create: create as never }) as never;
}

/** The one-shot form of a streaming metric: `compute(update(init(), batch))`. */
export const run = <B, R>(m: StreamingMetric<unknown, B, R>, batch: B): R => m.compute(m.update(m.init(), batch));

export const fail = (arg: string, value: unknown, expected: string): never => {
  throw new InvalidArgumentError(arg, value, expected);
};

export function oneOf<T>(arg: string, v: T, known: readonly T[]): T {
  if (!known.includes(v)) throw new UnknownNameError(arg, v, known.map(String));
  return v;
}

export function sameLength(a: string, x: ArrayLike<unknown>, b: string, y: ArrayLike<unknown>): void {
  if (x.length !== y.length) throw new LengthMismatchError(a, x.length, b, y.length);
}

export const warn = (o: WarningOptions, message: string): void => (o.onWarning ?? console.warn)(message);

export const isRows = (x: ArrayLike<unknown>): x is Rows => x.length > 0 && typeof x[0] === 'object' && x[0] !== null;

/** Finite numbers as a Float64Array (NonFiniteError names the first bad entry). */
export function finite(arg: string, x: ArrayLike<number>, lo = -Infinity, hi = Infinity): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number') fail(`${arg}[${i}]`, v, 'a number');
    if (!Number.isFinite(v)) throw new NonFiniteError(arg, v, i);
    if (v < lo || v > hi) fail(`${arg}[${i}]`, v, `in [${lo}, ${hi}]`);
    out[i] = v;
  }
  return out;
}

/** 1-D numbers or rows -> { data (row-major), width } (width 1 for 1-D input). */
export function matrix(arg: string, x: ArrayLike<number> | Rows, lo?: number, hi?: number): { data: Float64Array; width: number } {
  if (!isRows(x)) return { data: finite(arg, x as ArrayLike<number>, lo, hi), width: 1 };
  const width = x[0].length;
  const data = new Float64Array(x.length * width);
  for (let i = 0; i < x.length; i++) {
    if (x[i]?.length !== width) fail(`${arg}[${i}]`, x[i], `a row of ${width} numbers like ${arg}[0]`);
    data.set(finite(`${arg}[${i}]`, x[i], lo, hi), i * width);
  }
  return { data, width };
}

/** Sample weights checked against n samples (null when absent). */
export function weights(w: SampleWeight, n: number, other: string): Float64Array | null {
  if (w == null) return null;
  sameLength('sampleWeight', w, other, { length: n });
  return finite('sampleWeight', w, 0);
}

/** Check one class label (integer or string, one kind per metric). */
export function checkLabel(v: unknown, arg: string, kind: string | undefined): void {
  if (typeof v === 'number' ? !Number.isInteger(v) : typeof v !== 'string')
    fail(arg, v, 'an integer or string class label');
  if (kind && typeof v !== kind) fail(arg, v, `a ${kind} label like the others (no mix of numbers and strings)`);
}

/** Labels sorted as scikit-learn sorts unique labels (numbers ascending, strings by code unit). */
export const sortLabels = (l: readonly Label[]): Label[] =>
  [...l].sort((a, b) => (typeof a === 'number' ? (a as number) - (b as number) : a < b ? -1 : a > b ? 1 : 0));

/** The `labels` option checked: integers or strings, one kind, no repeats. */
export function labelList(l: readonly Label[] | null | undefined): Label[] | undefined {
  if (l == null) return undefined;
  if (!Array.isArray(l) || !l.length) fail('labels', l, 'a non-empty list of labels');
  l.forEach((v, i) => checkLabel(v, `labels[${i}]`, typeof l[0]));
  if (new Set(l).size !== l.length) fail('labels', l, 'distinct labels');
  return [...l];
}

/** zeroDivision normalised to 0, 1, NaN or 'warn'. */
export function zeroDivision(z: ZeroDivision | undefined): number | 'warn' {
  const v = z === undefined || z === 'warn' ? 'warn' : Number(z);
  if (v !== 'warn' && v !== 0 && v !== 1 && !Number.isNaN(v)) fail('zeroDivision', z, "0, 1, NaN or 'warn'");
  return v;
}

/** Empty-safe label index map. */
export const indexOf = (labels: readonly Label[]): Map<Label, number> => new Map(labels.map((l, i) => [l, i]));

/** Mean of values ignoring NaN, optionally weighted (NaN when nothing is left). */
export function average(v: ArrayLike<number>, w?: ArrayLike<number> | null): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) continue;
    const wi = w ? w[i] : 1;
    s += v[i] * wi;
    n += wi;
  }
  return n ? s / n : NaN;
}
