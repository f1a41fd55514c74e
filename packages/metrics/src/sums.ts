/**
 * Sufficient statistics of the per-sample score metrics (log loss, hinge, top-k, Brier): for each
 * true label, a vector of weighted sums, one per candidate class column. The column a label maps
 * to (its rank among the classes) is only known once all labels are seen, so every column is kept
 * and `compute` picks. Merged by addition.
 */
import { InvalidArgumentError, UndefinedResultError } from '@lab/core';
import type { Label, LabelArray, ScoreBatch } from './types';
import { checkLabel, indexOf, matrix, sameLength, sortLabels, weights } from './util';

export interface SumsState {
  /** True labels seen, in order of first appearance. */
  readonly labels: Label[];
  /** Per label: weighted sums of the per-sample vectors. */
  readonly sums: Float64Array[];
  /** Score columns (1 for 1-D scores); -1 before the first batch. */
  readonly width: number;
  /** Total weight and sample count. */
  readonly w: number;
  readonly n: number;
  /** Smallest and largest score seen. */
  readonly lo: number;
  readonly hi: number;
}

export const sumsInit = (): SumsState => ({ labels: [], sums: [], width: -1, w: 0, n: 0, lo: Infinity, hi: -Infinity });

/**
 * Add a batch: `row(scores, offset, width, out)` writes the per-sample vector (length `size(width)`).
 */
export function sumsUpdate(
  s: SumsState,
  { yTrue, yScore, sampleWeight }: ScoreBatch,
  size: (width: number) => number,
  row: (x: Float64Array, at: number, width: number, out: Float64Array) => void,
  range: [number?, number?] = [],
  scoreArg = 'yScore',
): SumsState {
  sameLength(scoreArg, yScore, 'yTrue', yTrue);
  const w = weights(sampleWeight, yTrue.length, 'yTrue');
  if (!yTrue.length) return s;
  const { data, width } = matrix(scoreArg, yScore, ...range);
  if (s.width >= 0 && width !== s.width) throw new InvalidArgumentError(scoreArg, width, `${s.width} score columns like earlier batches`);
  const labels = s.labels.slice();
  const idx = indexOf(labels);
  const m = size(width);
  const sums = s.sums.map((x) => x.slice());
  const out = new Float64Array(m);
  let [lo, hi, tw] = [s.lo, s.hi, s.w];
  for (let i = 0; i < yTrue.length; i++) {
    const v = (yTrue as LabelArray)[i];
    let j = idx.get(v);
    if (j === undefined) {
      checkLabel(v, `yTrue[${i}]`, labels.length ? typeof labels[0] : undefined);
      idx.set(v, (j = labels.push(v) - 1));
      sums.push(new Float64Array(m));
    }
    out.fill(0);
    row(data, i * width, width, out);
    const wi = w ? w[i] : 1;
    const t = sums[j];
    for (let c = 0; c < m; c++) t[c] += wi * out[c];
    tw += wi;
  }
  for (const x of data) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return { labels, sums, width, w: tw, n: s.n + yTrue.length, lo, hi };
}

export function sumsMerge(a: SumsState, b: SumsState): SumsState {
  if (!b.n) return a;
  if (!a.n) return b;
  if (a.width !== b.width) throw new InvalidArgumentError('state', b.width, `${a.width} score columns`);
  checkLabel(b.labels[0], 'state.labels[0]', typeof a.labels[0]);
  const labels = a.labels.slice();
  const sums = a.sums.map((x) => x.slice());
  const idx = indexOf(labels);
  b.labels.forEach((l, i) => {
    const j = idx.get(l);
    if (j === undefined) {
      idx.set(l, labels.push(l) - 1);
      sums.push(b.sums[i].slice());
    }
    else sums[j] = sums[j].map((x, c) => x + b.sums[i][c]);
  });
  return { labels, sums, width: a.width, w: a.w + b.w, n: a.n + b.n, lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** Sorted true labels; throws on an empty state. */
export function classesOf(s: SumsState): Label[] {
  if (!s.n) throw new UndefinedResultError('no samples: the metric has seen no data');
  return sortLabels(s.labels);
}

/** Sum over labels (in sorted order, so the result does not depend on batch order) of `f(label, sums)`. */
export const total = (s: SumsState, f: (l: Label, v: Float64Array) => number): number =>
  sortLabels(s.labels).reduce((a: number, l) => a + f(l, s.sums[s.labels.indexOf(l)]), 0);
