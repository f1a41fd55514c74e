/**
 * The sufficient statistics of every label metric (accuracy, confusion matrix, P/R/F, balanced
 * accuracy, MCC, kappa): weighted counts, merged by addition. Unweighted counts are integers, so a
 * merge of states built on any partition of the data is bit-identical to the one-shot state.
 */
import { ShapeMismatchError, type StreamingMetric } from '@lab/core';
import type { Label, LabelBatch, Rows } from './types';
import { encode, fail, indexOf, isRows, noData, sameLength, sortLabels, sum, union, weights } from './util';

export interface CountsState {
  /** Labels seen, in order of first appearance (a batch counted through the 256 x 256 table: in the table's cell order; multi-label input: none). */
  readonly labels: Label[];
  /** k x k weighted counts, row = true label, column = predicted label (indices into `labels`). */
  readonly cm: Float64Array;
  /** Multi-label input: number of indicator columns (0 for single-label input). */
  readonly nOut: number;
  /** Multi-label input: per column [tp, predicted, true] weights. */
  readonly col: Float64Array;
  /** Multi-label input: weight per per-sample "tp,predicted,true" count triple (over `cols`). */
  readonly rows: Record<string, number>;
  /** Total weight (the sample count when unweighted). */
  readonly n: number;
}

const countsInit = (): CountsState => ({ labels: [], cm: new Float64Array(0), nOut: 0, col: new Float64Array(0), rows: {}, n: 0 });

/** Add a k0 x k0 matrix into a k x k one, remapping indices (none: identity). */
function grow(cm: Float64Array, k0: number, k: number, map?: ArrayLike<number>, into: Float64Array = new Float64Array(k * k)): Float64Array {
  for (let r = 0; r < k0; r++) for (let c = 0; c < k0; c++) into[(map ? map[r] * k + map[c] : r * k + c)] += cm[r * k0 + c];
  return into;
}

const shapes = (a: number, b: number) => {
  throw new ShapeMismatchError('yTrue', [[a], [b]], 'do not match earlier batches');
};

function multilabel(s: CountsState, yt: Rows, yp: Rows, w: Float64Array | null, cols?: readonly Label[]): CountsState {
  const L = yt[0].length;
  if (s.labels.length || (s.n && s.nOut !== L)) shapes(s.nOut || s.labels.length, L);
  const pick = new Uint8Array(L);
  for (const c of (cols ?? Array.from(pick.keys())) as number[]) {
    if (!(Number.isInteger(c) && c >= 0 && c < L)) fail('labels', c, `column indices < ${L}`);
    pick[c] = 1;
  }
  const col = s.col.length ? s.col.slice() : new Float64Array(3 * L);
  const rows = { ...s.rows };
  let n = s.n;
  Array.from(yt, (a, i) => {
    const b = yp[i];
    if (a?.length !== L || b?.length !== L) throw new ShapeMismatchError('multi-label rows', [[a?.length], [b?.length], [L]], `must all have ${L} columns`);
    const wi = w ? w[i] : 1;
    const k = [0, 0, 0];
    for (let c = 0; c < L; c++) {
      const v = [a[c] * b[c], b[c], a[c]];
      for (const j of [2, 1]) if (v[j] !== 0 && v[j] !== 1) fail(`${j > 1 ? 'yTrue' : 'yPred'}[${i}][${c}]`, v[j], '0 or 1');
      for (let j = 0; j < 3; j++) {
        col[3 * c + j] += v[j] * wi;
        k[j] += pick[c] * v[j];
      }
    }
    rows[`${k}`] = (rows[`${k}`] ?? 0) + wi;
    n += wi;
  });
  return { labels: [], cm: s.cm, nOut: L, col, rows, n };
}

/**
 * Labels that are all integers in [0, 256): the distinct (true, predicted) pairs and how often each
 * occurs, counted in a 256 x 256 table in one pass. Otherwise undefined.
 */
function tally(t: ArrayLike<number>, p: ArrayLike<number>): [number[], number[], number[]] | undefined {
  const raw = new Float64Array(65536);
  for (let i = 0, m = t.length; i < m; i++) {
    const a = t[i];
    const b = p[i];
    if ((a & 255) !== a || (b & 255) !== b) return;
    raw[(a << 8) + b]++;
  }
  const cells = [...raw.keys()].filter((c) => raw[c]);
  return [cells.map((c) => c >> 8), cells.map((c) => c & 255), cells.map((c) => raw[c])];
}

/** Add a batch. `cols` restricts the per-sample counts of multi-label input to these columns. */
function countsUpdate(s: CountsState, { yTrue, yPred, sampleWeight }: LabelBatch, cols?: readonly Label[]): CountsState {
  sameLength('yPred', yPred, 'yTrue', yTrue);
  const w = weights(sampleWeight, yTrue.length, 'yTrue');
  if (!yTrue.length) return s;
  const ml = isRows(yTrue);
  if (ml !== isRows(yPred)) fail('yPred', yPred, `${ml ? 'indicator rows' : 'labels'} like yTrue`);
  if (ml) return multilabel(s, yTrue, yPred as Rows, w, cols);
  if (s.nOut) shapes(s.nOut, 1);
  const labels = s.labels.slice();
  // unweighted batches of 1,024+ small non-negative integer labels: one counting pass, then the
  // distinct pairs, weighted by their counts, take the general route below
  const [yt, yp, ws]: [ArrayLike<unknown>, ArrayLike<unknown>, ArrayLike<number> | null] = (!w && yTrue.length >> 10 && typeof labels[0] != 'string' && tally(yTrue as ArrayLike<number>, yPred as ArrayLike<number>)) || [yTrue, yPred, w];
  const t = encode(yt, 'yTrue', labels);
  const p = encode(yp, 'yPred', labels);
  const k = labels.length;
  const cm = grow(s.cm, s.labels.length, k);
  let n = s.n;
  t.forEach((ti, i) => {
    const wi = ws ? ws[i] : 1;
    cm[ti * k + p[i]] += wi;
    n += wi;
  });
  return { ...s, labels, cm, n };
}

const empty = (s: CountsState) => !s.n && !s.labels.length;

function countsMerge(a: CountsState, b: CountsState): CountsState {
  if (empty(b)) return a;
  if (empty(a)) return b;
  if (a.nOut !== b.nOut) fail('state', b.nOut, `${a.nOut} label columns`);
  const n = a.n + b.n;
  if (a.nOut) {
    const rows = { ...a.rows };
    for (const key in b.rows) rows[key] = (rows[key] ?? 0) + b.rows[key];
    return { ...a, col: a.col.map((v, i) => v + b.col[i]), rows, n };
  }
  const [labels, map] = union(a.labels, b.labels);
  const k = labels.length;
  return { ...a, labels, cm: grow(b.cm, b.labels.length, k, map, grow(a.cm, a.labels.length, k)), n };
}

/** The sorted labels present and accessors over the counts. */
export function view(s: CountsState) {
  if (empty(s)) noData();
  const k = s.labels.length;
  const idx = indexOf(s.labels);
  const at = (a: Label, b: Label) => {
    const i = idx.get(a);
    const j = idx.get(b);
    return i === undefined || j === undefined ? 0 : s.cm[i * k + j];
  };
  return {
    present: s.nOut ? [...Array(s.nOut).keys()] : sortLabels(s.labels),
    type: s.nOut ? 'multilabel' : k <= 2 ? 'binary' : 'multiclass',
    /** Weighted count of (true = a, predicted = b); 0 for labels never seen. */
    at,
    /** The confusion matrix over `labels` (rows true, columns predicted). */
    matrix: (labels: readonly Label[]) => labels.map((a) => labels.map((b) => at(a, b))),
  };
}

export type View = ReturnType<typeof view>;

/**
 * A streaming metric over label counts with the given compute. `single` names a metric that takes
 * single-label input only (confusion matrix, MCC, kappa, balanced accuracy).
 */
export const countsMetric = <R>(compute: (s: CountsState, v: View) => R, cols?: readonly Label[] | null, single?: string): StreamingMetric<CountsState, LabelBatch, R> => ({
  init: countsInit,
  update: (s, b) => countsUpdate(s, b, cols ?? undefined),
  merge: countsMerge,
  compute: (s) => {
    const v = view(s);
    if (single && s.nOut) fail('yTrue', 'multi-label indicator rows', `single-label input for ${single}`);
    return compute(s, v);
  },
});

/** Sums of the rows and of the columns of a square matrix. */
export const margins = (cm: number[][]): [number[], number[]] => [cm.map(sum), cm.map((_, j) => sum(cm.map((r) => r[j])))];
