/**
 * The sufficient statistics of every label metric (accuracy, confusion matrix, P/R/F, balanced
 * accuracy, MCC, kappa): weighted counts, merged by addition. Unweighted counts are integers, so a
 * merge of states built on any partition of the data is bit-identical to the one-shot state.
 */
import { InvalidArgumentError, ShapeMismatchError, UndefinedResultError, type StreamingMetric } from '@lab/core';
import type { Label, LabelArray, LabelBatch, Rows } from './types';
import { checkLabel, fail, indexOf, isRows, sameLength, sortLabels, weights } from './util';

export interface CountsState {
  /** Labels seen, in order of first appearance (multi-label input: none). */
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

export const countsInit = (): CountsState => ({ labels: [], cm: new Float64Array(0), nOut: 0, col: new Float64Array(0), rows: {}, n: 0 });

/** Copy a k0 x k0 matrix into a k x k one (k >= k0), remapping indices. */
function grow(cm: Float64Array, k0: number, k: number, map: ArrayLike<number>, into: Float64Array = new Float64Array(k * k)): Float64Array {
  for (let r = 0; r < k0; r++) for (let c = 0; c < k0; c++) into[map[r] * k + map[c]] += cm[r * k0 + c];
  return into;
}

const ident = (k: number) => Int32Array.from({ length: k }, (_, i) => i);

/** Encode labels to indices, appending unseen labels to `labels` (in place). */
function encode(y: LabelArray, arg: string, labels: Label[], idx: Map<Label, number>): Int32Array {
  const out = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    let j = idx.get(v);
    if (j === undefined) {
      checkLabel(v, `${arg}[${i}]`, labels.length ? typeof labels[0] : undefined);
      idx.set(v, (j = labels.length));
      labels.push(v);
    }
    out[i] = j;
  }
  return out;
}

function multilabel(s: CountsState, yt: Rows, yp: Rows, w: Float64Array | null, cols?: readonly Label[]): CountsState {
  const L = yt[0].length;
  if (s.labels.length || (s.n && s.nOut !== L)) throw new ShapeMismatchError('yTrue', [[s.nOut || s.labels.length], [L]], 'do not match: earlier batches had another kind or width of labels');
  const sel = (cols ?? Array.from({ length: L }, (_, i) => i)) as number[];
  for (const c of sel) if (!(Number.isInteger(c) && c >= 0 && c < L)) fail('labels', c, `column indices in [0, ${L}) for multi-label input`);
  const col = s.col.length ? s.col.slice() : new Float64Array(3 * L);
  const rows = { ...s.rows };
  const pick = new Uint8Array(L);
  for (const c of sel) pick[c] = 1;
  let n = s.n;
  for (let i = 0; i < yt.length; i++) {
    const a = yt[i];
    const b = yp[i];
    if (a?.length !== L || b?.length !== L) throw new ShapeMismatchError('multi-label rows', [[a?.length], [b?.length], [L]], `must all have ${L} columns`);
    const wi = w ? w[i] : 1;
    let tp = 0;
    let np = 0;
    let nt = 0;
    for (let c = 0; c < L; c++) {
      const t = a[c];
      const p = b[c];
      if ((t !== 0 && t !== 1) || (p !== 0 && p !== 1)) fail(`${t !== 0 && t !== 1 ? 'yTrue' : 'yPred'}[${i}][${c}]`, t !== 0 && t !== 1 ? t : p, '0 or 1 (a multi-label indicator)');
      col[3 * c] += t * p * wi;
      col[3 * c + 1] += p * wi;
      col[3 * c + 2] += t * wi;
      if (pick[c]) {
        tp += t * p;
        np += p;
        nt += t;
      }
    }
    const key = `${tp},${np},${nt}`;
    rows[key] = (rows[key] ?? 0) + wi;
    n += wi;
  }
  return { labels: [], cm: s.cm, nOut: L, col, rows, n };
}

/** Add a batch. `cols` restricts the per-sample counts of multi-label input to these columns. */
export function countsUpdate(s: CountsState, { yTrue, yPred, sampleWeight }: LabelBatch, cols?: readonly Label[]): CountsState {
  sameLength('yPred', yPred, 'yTrue', yTrue);
  const w = weights(sampleWeight, yTrue.length, 'yTrue');
  if (!yTrue.length) return s;
  const ml = isRows(yTrue);
  if (ml !== isRows(yPred)) fail('yPred', yPred, ml ? 'multi-label indicator rows like yTrue' : 'labels like yTrue');
  if (ml) return multilabel(s, yTrue, yPred as Rows, w, cols);
  if (s.nOut) throw new ShapeMismatchError('yTrue', [[s.nOut], [1]], 'do not match: earlier batches were multi-label');
  const labels = s.labels.slice();
  const idx = indexOf(labels);
  const t = encode(yTrue as LabelArray, 'yTrue', labels, idx);
  const p = encode(yPred as LabelArray, 'yPred', labels, idx);
  const k0 = s.labels.length;
  const k = labels.length;
  const cm = k === k0 ? s.cm.slice() : grow(s.cm, k0, k, ident(k0));
  let n = s.n;
  if (w) {
    for (let i = 0; i < t.length; i++) {
      cm[t[i] * k + p[i]] += w[i];
      n += w[i];
    }
  } else {
    for (let i = 0; i < t.length; i++) cm[t[i] * k + p[i]]++;
    n += t.length;
  }
  return { ...s, labels, cm, n };
}

export function countsMerge(a: CountsState, b: CountsState): CountsState {
  if (!b.n && !b.labels.length) return a;
  if (!a.n && !a.labels.length) return b;
  if (a.nOut !== b.nOut) throw new InvalidArgumentError('state', b.nOut, `a state of the same kind of labels (${a.nOut} multi-label columns)`);
  if (a.nOut) {
    const rows = { ...a.rows };
    for (const [key, v] of Object.entries(b.rows)) rows[key] = (rows[key] ?? 0) + v;
    return { ...a, col: a.col.map((v, i) => v + b.col[i]), rows, n: a.n + b.n };
  }
  checkLabel(b.labels[0], 'state.labels[0]', typeof a.labels[0]);
  const labels = a.labels.slice();
  const idx = indexOf(labels);
  for (const l of b.labels) if (!idx.has(l)) idx.set(l, labels.push(l) - 1);
  const k = labels.length;
  const cm = grow(a.cm, a.labels.length, k, ident(a.labels.length));
  return { ...a, labels, cm: grow(b.cm, b.labels.length, k, b.labels.map((l) => idx.get(l)!), cm), n: a.n + b.n };
}

/** The sorted labels present and accessors over the counts. */
export function view(s: CountsState) {
  if (!s.n && !s.labels.length) throw new UndefinedResultError('no samples: the metric has seen no data');
  const k = s.labels.length;
  const idx = indexOf(s.labels);
  return {
    present: s.nOut ? Array.from({ length: s.nOut }, (_, i) => i) : sortLabels(s.labels),
    type: s.nOut ? 'multilabel' : k <= 2 ? 'binary' : 'multiclass',
    /** Weighted count of (true = a, predicted = b); 0 for labels never seen. */
    at: (a: Label, b: Label) => {
      const i = idx.get(a);
      const j = idx.get(b);
      return i === undefined || j === undefined ? 0 : s.cm[i * k + j];
    },
  };
}

/** The confusion matrix over `labels` (rows true, columns predicted). */
export function matrixOf(s: CountsState, labels: readonly Label[]): number[][] {
  const v = view(s);
  return labels.map((a) => labels.map((b) => v.at(a, b)));
}

/** A streaming metric over label counts with the given compute. */
export const countsMetric = <R>(compute: (s: CountsState) => R, cols?: readonly Label[]): StreamingMetric<CountsState, LabelBatch, R> => ({
  init: countsInit,
  update: (s, b) => countsUpdate(s, b, cols),
  merge: countsMerge,
  compute,
});

/** Single-label input only (confusion matrix, MCC, kappa, balanced accuracy). */
export function singleLabel(s: CountsState, what: string): void {
  if (s.nOut) fail('yTrue', 'multi-label indicator rows', `single-label input for ${what}`);
}
