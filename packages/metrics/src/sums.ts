/**
 * Sufficient statistics of the per-sample score metrics (log loss, hinge, top-k, Brier): for each
 * true label, a vector of weighted sums, one per candidate class column. The column a label maps
 * to (its rank among the classes) is only known once all labels are seen, so every column is kept
 * and `compute` picks. Merged by addition.
 */
import type { Label, ScoreBatch } from './types';
import { mergeStart, scoreInput, sortLabels, sum } from './util';

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

/**
 * A streaming metric over per-label sums: `row(scores, offset, width, out)` writes a sample's
 * vector (length `size(width)`); `range` bounds the scores, named `arg` in errors.
 */
export const sumsMetric = <R>(
  compute: (s: SumsState) => R,
  size: (width: number) => number,
  row: (x: Float64Array, at: number, width: number, out: Float64Array) => void,
  arg = 'yScore',
  range?: [number?, number?],
) => ({
  init: (): SumsState => ({ labels: [], sums: [], width: -1, w: 0, n: 0, lo: Infinity, hi: -Infinity }),
  update(s: SumsState, b: ScoreBatch): SumsState {
    const r = scoreInput(s, b, arg, range);
    if (!r) return s;
    const { w, data, width, labels, y } = r;
    const m = size(width);
    const sums = s.sums.map((x) => x.slice());
    while (sums.length < labels.length) sums.push(new Float64Array(m));
    const out = new Float64Array(m);
    let tw = s.w;
    y.forEach((j, i) => {
      out.fill(0);
      row(data, i * width, width, out);
      const wi = w ? w[i] : 1;
      for (let c = 0; c < m; c++) sums[j][c] += wi * out[c];
      tw += wi;
    });
    const lo = data.reduce((a, x) => Math.min(a, x), s.lo);
    const hi = data.reduce((a, x) => Math.max(a, x), s.hi);
    return { labels, sums, width, w: tw, n: s.n + y.length, lo, hi };
  },
  merge(a: SumsState, b: SumsState): SumsState {
    const u = mergeStart(a, b);
    if (!Array.isArray(u)) return u;
    const sums = a.sums.slice();
    u[1].forEach((j, i) => (sums[j] = sums[j] ? sums[j].map((x, c) => x + b.sums[i][c]) : b.sums[i].slice()));
    return { labels: u[0], sums, width: a.width, w: a.w + b.w, n: a.n + b.n, lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
  },
  compute,
});

/** Sum over labels (in sorted order, so the result does not depend on batch order) of `f(label, sums)`. */
export const total = (s: SumsState, f: (l: Label, v: Float64Array) => number): number =>
  sum(sortLabels(s.labels).map((l) => f(l, s.sums[s.labels.indexOf(l)])));
