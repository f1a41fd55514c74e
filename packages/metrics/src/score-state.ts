/**
 * State of the ranking metrics (ROC, precision-recall, average precision, calibration): the scores
 * themselves, grouped by true label, so results are exact. Merge concatenates; `compute` sorts, so
 * the result does not depend on how the data was split into batches.
 */
import type { Label, ScoreBatch } from './types';
import { fail, mergeStart, scoreInput, sum } from './util';

export interface ScoresState {
  /** True labels seen, in order of first appearance. */
  readonly labels: Label[];
  /** Per label: chunks of row-major score rows. */
  readonly x: Float64Array[][];
  /** Per label: chunks of sample weights (null: all 1). */
  readonly w: (Float64Array | null)[][];
  /** Score columns; -1 before the first batch. */
  readonly width: number;
}

/** Scores of some samples (one column) and their weights (null: all 1). */
export interface Scored {
  x: Float64Array;
  w: Float64Array | null;
}

/**
 * A streaming metric over the scores: `check` sees each batch first; `range` bounds the scores,
 * named `arg` in errors; `weighted: false` rejects sample weights.
 */
export const scoresMetric = <R>(compute: (s: ScoresState) => R, arg = 'yScore', range?: [number?, number?], check?: (b: ScoreBatch) => void) => ({
  init: (): ScoresState => ({ labels: [], x: [], w: [], width: -1 }),
  update(s: ScoresState, b: ScoreBatch): ScoresState {
    check?.(b);
    const r = scoreInput(s, b, arg, range);
    if (!r) return s;
    const { w, data, width, labels, y } = r;
    const count = new Int32Array(labels.length);
    for (let i = 0; i < y.length; i++) count[y[i]]++;
    const xs = Array.from(count, (c) => new Float64Array(c * width));
    const ws = Array.from(count, (c) => (w ? new Float64Array(c) : null));
    const at = new Int32Array(labels.length);
    for (let i = 0; i < y.length; i++) {
      const j = y[i];
      const a = at[j]++;
      if (w) ws[j]![a] = w[i];
      for (let c = 0; c < width; c++) xs[j][a * width + c] = data[i * width + c];
    }
    const add = <T>(old: T[][], part: T[]) => labels.map((_, j) => (old[j] ?? []).concat(count[j] ? [part[j]] : []));
    return { labels, x: add(s.x, xs), w: add(s.w, ws), width };
  },
  merge(a: ScoresState, b: ScoresState): ScoresState {
    const u = mergeStart(a, b);
    if (!Array.isArray(u)) return u;
    const [x, w] = [a.x.slice(), a.w.slice()];
    u[1].forEach((j, i) => {
      x[j] = (x[j] ?? []).concat(b.x[i]);
      w[j] = (w[j] ?? []).concat(b.w[i]);
    });
    return { labels: u[0], x, w, width: a.width };
  },
  compute,
});

/** Reject sample weights (metrics that are unweighted, as in scikit-learn). */
export const unweighted = (what: string) => (b: ScoreBatch) => b.sampleWeight != null && fail('sampleWeight', 'weights', `none: ${what} is unweighted`);

/** Column `col` of the scores of samples whose label satisfies `pick`, with their weights. */
export function gather(s: ScoresState, pick: (l: Label) => boolean, col = 0): Scored {
  const parts: [Float64Array, Float64Array | null][] = [];
  s.labels.forEach((l, j) => pick(l) && s.x[j].forEach((c, k) => parts.push([c, s.w[j][k]])));
  const n = sum(parts.map(([c]) => c.length / s.width));
  const x = new Float64Array(n);
  const w = parts.some(([, cw]) => cw) ? new Float64Array(n).fill(1) : null;
  let at = 0;
  for (const [c, cw] of parts) {
    const rows = c.length / s.width;
    for (let i = 0; i < rows; i++) x[at + i] = c[i * s.width + col];
    if (cw) w!.set(cw, at);
    at += rows;
  }
  return { x, w };
}

/**
 * Finite scores sorted ascending (weights following): short unweighted arrays by the built-in sort,
 * others by an LSD radix sort on their IEEE-754 bits, 16 at a time, skipping a pass whose digit is
 * the same for every score. Raw bits order non-negative numbers, and negative ones by magnitude, so
 * the last (sign) pass lays the negative buckets out backwards. Returns the sorted arrays (the
 * input's or new buffers). `x` must start at offset 0 of its buffer.
 */
export function radixSort(x: Float64Array, w: Float64Array | null): Scored {
  const n = x.length;
  if (n < 65536 && !w) return { x: x.sort(), w };
  const counts = [0, 0, 0, 0].map(() => new Uint32Array(65536));
  const [c0, c1, c2, c3] = counts;
  let h = new Uint16Array(x.buffer as ArrayBuffer, 0, 4 * n);
  for (let i = 0; i < 4 * n; i += 4) {
    c0[h[i]]++;
    c1[h[i + 1]]++;
    c2[h[i + 2]]++;
    c3[h[i + 3]]++;
  }
  let y: Float64Array = new Float64Array(n);
  let v: Float64Array | null = w && new Float64Array(n);
  for (let d = 0; d < 4; d++) {
    const count = counts[d];
    const neg = d > 2 ? 32768 : 65536;
    if (count[h[d]] === n && (d < 3 || h[d] < 32768)) continue;
    let at = 0;
    for (let k = 65535; k >= neg; k--) count[k] = at += count[k];
    for (let k = 0; k < neg; k++) {
      const c = count[k];
      count[k] = at;
      at += c;
    }
    for (let i = 0, q = d; i < n; i++, q += 4) {
      const k = h[q];
      const j = k < neg ? count[k]++ : --count[k];
      y[j] = x[i];
      if (w) v![j] = w[i];
    }
    [x, y] = [y, x];
    [w, v] = [v, w];
    h = new Uint16Array(x.buffer as ArrayBuffer, 0, 4 * n);
  }
  return { x, w };
}

/** Scores sorted ascending (weights following, ties ordered by weight), zero weights dropped. */
function sorted({ x, w }: Scored): Scored {
  let n = x.length;
  if (w) {
    n = 0;
    for (let i = 0; i < x.length; i++)
      if (w[i] > 0) {
        x[n] = x[i];
        w[n++] = w[i];
      }
    w = w.subarray(0, n);
  }
  const r = radixSort(x.subarray(0, n), w);
  if (w) for (let i = 0, j = 0; i < n; i = j) {
    while (++j < n && r.x[j] === r.x[i]);
    if (j - i > 1) r.w!.subarray(i, j).sort();
  }
  return r;
}

/**
 * The binary classification curve: for each distinct score (descending), the weighted counts of
 * positives (`tps`) and negatives (`fps`) scoring at least that much.
 */
export const binaryCurve = (pos: Scored, neg: Scored) => curveOfSorted(sorted(pos), sorted(neg));

/** {@link binaryCurve} from scores already sorted ascending (weights aligned, zero weights dropped). */
export function curveOfSorted(P: Scored, N: Scored) {
  const m = P.x.length + N.x.length;
  const [th, tps, fps] = [0, 0, 0].map(() => new Float64Array(m));
  let [i, j, k, tp, fp] = [P.x.length - 1, N.x.length - 1, 0, 0, 0];
  while (i >= 0 || j >= 0) {
    const v = Math.max(i >= 0 ? P.x[i] : -Infinity, j >= 0 ? N.x[j] : -Infinity);
    for (; i >= 0 && P.x[i] === v; i--) tp += P.w ? P.w[i] : 1;
    for (; j >= 0 && N.x[j] === v; j--) fp += N.w ? N.w[j] : 1;
    th[k] = v;
    tps[k] = tp;
    fps[k++] = fp;
  }
  return { th: th.subarray(0, k), tps: tps.subarray(0, k), fps: fps.subarray(0, k) };
}
