/**
 * Internal helpers: input validation with lab errors, label encoding and ordering, the
 * metric-definition and one-shot helpers. Nothing here is exported from the package index.
 */
import {
  defineMetric,
  InvalidArgumentError,
  LengthMismatchError,
  NonFiniteError,
  UndefinedResultError,
  UnknownNameError,
  type Definition,
  type ParamsSpec,
  type StreamingMetric,
} from '@lab/core';
import type { Label, Rows, SampleWeight, ScoreBatch, WarningOptions, ZeroDivision } from './types';

/** A metric definition whose `create` also takes the full (richer than JSON) options. */
export type MetricDef<S extends ParamsSpec, O, B, R> = Definition<'metric', S, StreamingMetric<unknown, B, R>> & {
  create(options?: O): StreamingMetric<unknown, B, R>;
};

/** Build a metric definition; `ref` is the scikit-learn function (`f1_score`, or `calibration.calibration_curve`). */
export function metric<const S extends ParamsSpec, O, St, B, R>(
  name: string,
  description: string,
  ref: string,
  params: S,
  create: (o: O) => StreamingMetric<St, B, R>,
): MetricDef<S, O, B, R> {
  const docsUrl = `https://scikit-learn.org/1.2/modules/generated/sklearn.${ref.includes('.') ? ref : `metrics.${ref}`}.html`;
  // options null = none; a batch must be an object (update(state, null) is a lab error, not a TypeError)
  const make = (o: O) => {
    const m = create(o ?? ({} as O));
    return { ...m, update: (s: St, b: B) => m.update(s, b !== null && typeof b == 'object' ? b : fail('batch', b, 'an object { yTrue, ... }')) };
  };
  return defineMetric({ name, meta: { description, docsUrl }, params, create: make as never }) as never;
}

/**
 * The one-shot function of a definition: `compute(update(init(), { yTrue, [key]: y, sampleWeight }))`.
 * Its exact signature is given where it is exported.
 */
export const once =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (def: { name: string; params: ParamsSpec; create(o: any): StreamingMetric<any, any, any> }, key = 'yPred', extra: string[] = []) => {
  // a misspelt option must not be ignored: the spec's options, sampleWeight, onWarning and `extra`
  const known = [...Object.keys(def.params), 'sampleWeight', 'onWarning', ...extra];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (yTrue: unknown, y: unknown, o: { sampleWeight?: SampleWeight | undefined } | any = {}): any => {
    array('yTrue', yTrue);
    array(key, y);
    for (const k of Object.keys(o ?? fail('options', o, 'an object'))) if (!known.includes(k)) fail(`${def.name}.${k}`, o[k], `one of the known options (${known.join(', ')})`);
    const m = def.create(o);
    return m.compute(m.update(m.init(), { yTrue, [key]: y, sampleWeight: o.sampleWeight }));
  };
};

export const fail = (arg: string, value: unknown, expected: string): never => {
  throw new InvalidArgumentError(arg, value, expected);
};

/** The error of `compute` on a state that has seen no data. */
export const noData = (): never => {
  throw new UndefinedResultError('no samples seen');
};

export function oneOf<T>(arg: string, v: T, known: readonly T[]): T {
  if (!known.includes(v)) throw new UnknownNameError(arg, v, known.map(String));
  return v;
}

/** `x` itself when it is an array or typed array (anything with an integer `length`, not a string). */
export const array = <T>(arg: string, x: T): T =>
  x !== null && typeof x == 'object' && Number.isInteger((x as { length?: unknown }).length) ? x : fail(arg, x, 'an array');

export function sameLength(a: string, x: ArrayLike<unknown>, b: string, y: ArrayLike<unknown>): void {
  if (array(a, x).length !== array(b, y).length) throw new LengthMismatchError(a, x.length, b, y.length);
}

export const warn = (o: WarningOptions, message: string): void => (o.onWarning ?? console.warn)(message);

export const isRows = (x: ArrayLike<unknown>): x is Rows => x?.length > 0 && typeof x[0] === 'object' && x[0] !== null;

export const sum = (x: ArrayLike<number>): number => Array.from(x).reduce((a, b) => a + b, 0);

/** `sum_i x_i y_i`, in order. */
export const dot = (x: readonly number[], y: ArrayLike<number>): number => x.reduce((a, q, i) => a + q * y[i], 0);

/** Finite numbers as a Float64Array (NonFiniteError names the first bad entry); a Float64Array is checked, not copied. */
export function finite(arg: string, x: ArrayLike<number>, lo = -Infinity, hi = Infinity): Float64Array {
  for (let i = 0, n = x.length; i < n; i++) {
    const v = x[i];
    if (typeof v !== 'number' || !(v - v === 0 && v >= lo && v <= hi)) {
      if (typeof v !== 'number') fail(`${arg}[${i}]`, v, 'a number');
      if (v - v !== 0) throw new NonFiniteError(arg, v, i);
      fail(`${arg}[${i}]`, v, `in [${lo}, ${hi}]`);
    }
  }
  return x instanceof Float64Array ? x : new Float64Array(x);
}

/** 1-D numbers or rows -> { data (row-major), width } (width 1 for 1-D input). */
export function matrix(arg: string, x: ArrayLike<number> | Rows, lo?: number, hi?: number): { data: Float64Array; width: number } {
  if (!isRows(x)) return { data: finite(arg, x as ArrayLike<number>, lo, hi), width: 1 };
  const width = x[0].length;
  if (!(Number.isInteger(width) && width > 0)) fail(`${arg}[0]`, x[0], 'a number or a non-empty row of numbers');
  const data = new Float64Array(x.length * width);
  for (let i = 0; i < x.length; i++) {
    if (x[i]?.length !== width) fail(`${arg}[${i}]`, x[i], `${width} numbers like ${arg}[0]`);
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

/** Check one class label: an integer or a string, of the same kind as `like` when given. */
export function checkLabel(v: unknown, arg: string, like?: unknown): void {
  if (typeof v === 'number' ? !Number.isInteger(v) : typeof v !== 'string') fail(arg, v, 'an integer or string class label');
  if (like !== undefined && typeof v !== typeof like) fail(arg, v, `a ${typeof like} (no mix of numbers and strings)`);
}

/** Label indices into `labels`, appending (checked) unseen labels to it in place. */
export function encode(y: ArrayLike<unknown>, arg: string, labels: Label[]): Int32Array {
  // int32 labels spanning fewer than 2^16 values (and numeric labels so far): index through a table
  let lo = 2 ** 31 - 1;
  let hi = -lo;
  const n = y.length;
  for (let i = 0; i < n && hi - lo < 65536; i++) {
    const v = y[i] as number;
    if ((v | 0) !== v) hi = Infinity;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo <= hi && hi - lo < 65536 && typeof labels[0] != 'string') {
    const t = new Int32Array(hi - lo + 1).fill(-1);
    labels.forEach((l, j) => (t[(l as number) - lo] = j));
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = (y[i] as number) - lo;
      out[i] = t[v] < 0 ? (t[v] = labels.push(y[i] as number) - 1) : t[v];
    }
    return out;
  }
  return encodeByMap(y, arg, labels);
}

/** {@link encode}'s general route (any labels): a Map from label to index. */
export function encodeByMap(y: ArrayLike<unknown>, arg: string, labels: Label[]): Int32Array {
  const idx = indexOf(labels);
  return Int32Array.from(y, (v, i) => {
    let j = idx.get(v as Label);
    if (j === undefined) {
      checkLabel(v, `${arg}[${i}]`, labels[0]);
      idx.set(v as Label, (j = labels.push(v as Label) - 1));
    }
    return j;
  });
}

/** Merge two label lists: the union (a's labels first) and where each of b's labels went. */
export function union(a: readonly Label[], b: readonly Label[]): [Label[], Int32Array] {
  const labels = a.slice();
  return [labels, encode(b, 'state.labels', labels)];
}

/** Labels sorted as scikit-learn sorts unique labels (numbers ascending, strings by code unit). */
export const sortLabels = (l: readonly Label[]): Label[] =>
  [...l].sort((a, b) => (typeof a === 'number' ? (a as number) - (b as number) : a < b ? -1 : +(a > b)));

/** The `labels` option checked: integers or strings, one kind, no repeats. */
export function labelList(l: readonly Label[] | null | undefined): Label[] | undefined {
  if (l == null) return;
  if (!Array.isArray(l) || !l.length) fail('labels', l, 'a non-empty list of labels');
  l.forEach((v, i) => checkLabel(v, `labels[${i}]`, l[0]));
  if (new Set(l).size !== l.length) fail('labels', l, 'distinct labels');
  return [...l];
}

/** zeroDivision normalised to 0, 1, NaN or 'warn'. */
export function zeroDivision(z: ZeroDivision | undefined): number | 'warn' {
  const v = z === undefined || z === 'warn' ? 'warn' : Number(z);
  if (v !== 'warn' && v !== 0 && v !== 1 && v === v) fail('zeroDivision', z, "0, 1, NaN or 'warn'");
  return v;
}

/** Label -> index map. */
export const indexOf = (labels: readonly Label[]): Map<Label, number> => new Map(labels.map((l, i) => [l, i]));

/** Mean of values ignoring NaN, optionally weighted (NaN when nothing is left). */
export function average(v: ArrayLike<number>, w?: ArrayLike<number> | null): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== v[i]) continue;
    const wi = w ? w[i] : 1;
    s += v[i] * wi;
    n += wi;
  }
  return n ? s / n : NaN;
}

/** Sorted labels of a state; throws when it has seen no data. */
export const classes = (s: { labels: readonly Label[] }): Label[] => (s.labels.length ? sortLabels(s.labels) : noData());

/**
 * A checked score batch for a state of `width` score columns (-1: any): weights, row-major scores
 * and yTrue encoded into a copy of the state's labels. Undefined for an empty batch.
 */
export function scoreInput(s: { labels: readonly Label[]; width: number }, { yTrue, yScore, sampleWeight }: ScoreBatch, arg: string, range: [number?, number?] = []) {
  sameLength(arg, yScore, 'yTrue', yTrue);
  const w = weights(sampleWeight, yTrue.length, 'yTrue');
  if (!yTrue.length) return;
  const { data, width } = matrix(arg, yScore, ...range);
  if (s.width >= 0 && width !== s.width) fail(arg, width, `${s.width} columns like earlier batches`);
  const labels = s.labels.slice();
  return { w, data, width, labels, y: encode(yTrue, 'yTrue', labels) };
}

/** The start of a score-state merge: the other state when one is empty, else the label union. */
export function mergeStart<S extends { labels: readonly Label[]; width: number }>(a: S, b: S): S | [Label[], Int32Array] {
  if (!b.labels.length) return a;
  if (!a.labels.length) return b;
  if (a.width !== b.width) fail('state', b.width, `${a.width} columns`);
  return union(a.labels, b.labels);
}

/**
 * The positive class of binary score metrics when `posLabel` is not given (scikit-learn's rule):
 * 1 when the classes are a subset of {0, 1} or {-1, 1}; with `fallbackGreatest`, otherwise the
 * greater numeric class.
 */
export function defaultPosLabel(c: readonly Label[], fallbackGreatest?: boolean): Label {
  if (c.every((x) => x === 1 || x === 0 || x === -1) && !(c.includes(0) && c.includes(-1))) return 1;
  if (fallbackGreatest && typeof c[0] === 'number') return c[c.length - 1];
  return fail('posLabel', undefined, `given (labels ${c} are not {0, 1} or {-1, 1})`);
}

/**
 * The class set of a score metric with `n` score columns (named `arg`): `labels` (which must be
 * sorted and contain every label of yTrue, `got`) or the labels present.
 */
export function scoreClasses(got: Label[], labels: Label[] | undefined, n: number, arg: string): Label[] {
  if (labels) {
    if (sortLabels(labels).some((l, i) => l !== labels[i])) fail('labels', labels, 'sorted labels');
    const out = got.find((l) => !labels.includes(l));
    if (out !== undefined) fail('yTrue', out, `a label in labels (${labels.join(', ')})`);
  }
  const c = labels ?? got;
  if (c.length !== n) fail(labels ? 'labels' : 'yTrue', c, `${n} classes, one per ${arg} column`);
  return c;
}
