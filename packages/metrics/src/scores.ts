/**
 * State of the ranking metrics (ROC, precision-recall, average precision, calibration): the scores
 * themselves, grouped by true label, so results are exact. Merge concatenates; `compute` sorts, so
 * the result does not depend on how the data was split into batches.
 */
import { InvalidArgumentError, UndefinedResultError } from '@lab/core';
import type { Label, LabelArray, ScoreBatch } from './types';
import { checkLabel, indexOf, matrix, sameLength, sortLabels, weights } from './util';

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

export const scoresInit = (): ScoresState => ({ labels: [], x: [], w: [], width: -1 });

export function scoresUpdate(s: ScoresState, { yTrue, yScore, sampleWeight }: ScoreBatch, arg = 'yScore', range: [number?, number?] = []): ScoresState {
  sameLength(arg, yScore, 'yTrue', yTrue);
  const wt = weights(sampleWeight, yTrue.length, 'yTrue');
  if (!yTrue.length) return s;
  const { data, width } = matrix(arg, yScore, ...range);
  if (s.width >= 0 && width !== s.width) throw new InvalidArgumentError(arg, width, `${s.width} score columns like earlier batches`);
  const labels = s.labels.slice();
  const idx = indexOf(labels);
  const enc = new Int32Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const v = (yTrue as LabelArray)[i];
    let j = idx.get(v);
    if (j === undefined) {
      checkLabel(v, `yTrue[${i}]`, labels.length ? typeof labels[0] : undefined);
      idx.set(v, (j = labels.push(v) - 1));
    }
    enc[i] = j;
  }
  const count = new Int32Array(labels.length);
  for (const j of enc) count[j]++;
  const xs = Array.from(count, (c) => new Float64Array(c * width));
  const ws = Array.from(count, (c) => (wt ? new Float64Array(c) : null));
  const at = new Int32Array(labels.length);
  for (let i = 0; i < enc.length; i++) {
    const j = enc[i];
    for (let c = 0; c < width; c++) xs[j][at[j] * width + c] = data[i * width + c];
    if (wt) ws[j]![at[j]] = wt[i];
    at[j]++;
  }
  const keep = (j: number) => count[j] > 0;
  return {
    labels,
    x: labels.map((_, j) => [...(s.x[j] ?? []), ...(keep(j) ? [xs[j]] : [])]),
    w: labels.map((_, j) => [...(s.w[j] ?? []), ...(keep(j) ? [ws[j]] : [])]),
    width,
  };
}

export function scoresMerge(a: ScoresState, b: ScoresState): ScoresState {
  if (!b.labels.length) return a;
  if (!a.labels.length) return b;
  if (a.width !== b.width) throw new InvalidArgumentError('state', b.width, `${a.width} score columns`);
  checkLabel(b.labels[0], 'state.labels[0]', typeof a.labels[0]);
  const labels = a.labels.slice();
  const x = a.x.slice();
  const w = a.w.slice();
  const idx = indexOf(labels);
  b.labels.forEach((l, i) => {
    let j = idx.get(l);
    if (j === undefined) {
      idx.set(l, (j = labels.push(l) - 1));
      x.push([]);
      w.push([]);
    }
    x[j] = [...x[j], ...b.x[i]];
    w[j] = [...w[j], ...b.w[i]];
  });
  return { labels, x, w, width: a.width };
}

/** Sorted labels present (throws on an empty state). */
export function present(s: ScoresState): Label[] {
  if (!s.labels.length) throw new UndefinedResultError('no samples: the metric has seen no data');
  return sortLabels(s.labels);
}

/** Column `col` of the scores of samples whose label satisfies `pick`, with their weights. */
export function gather(s: ScoresState, pick: (l: Label) => boolean, col = 0): { x: Float64Array; w: Float64Array | null } {
  const parts: [Float64Array, Float64Array | null][] = [];
  s.labels.forEach((l, j) => pick(l) && s.x[j].forEach((c, k) => parts.push([c, s.w[j][k]])));
  const n = parts.reduce((a, [c]) => a + c.length / s.width, 0);
  const x = new Float64Array(n);
  const weighted = parts.some(([, w]) => w);
  const w = weighted ? new Float64Array(n).fill(1) : null;
  let at = 0;
  for (const [c, cw] of parts) {
    for (let i = 0; i < c.length / s.width; i++) x[at + i] = c[i * s.width + col];
    if (cw) w!.set(cw, at);
    at += c.length / s.width;
  }
  return { x, w };
}

/** Scores sorted ascending (weights following, ties ordered by weight), zero weights dropped. */
function sorted({ x, w }: { x: Float64Array; w: Float64Array | null }): { x: Float64Array; w: Float64Array | null } {
  if (!w) return { x: x.slice().sort(), w };
  const order = Array.from(x.keys()).filter((i) => w[i] > 0);
  order.sort((a, b) => x[a] - x[b] || w[a] - w[b]);
  return { x: Float64Array.from(order, (i) => x[i]), w: Float64Array.from(order, (i) => w[i]) };
}

/**
 * The binary classification curve: for each distinct score (descending), the weighted counts of
 * positives (`tps`) and negatives (`fps`) scoring at least that much.
 */
export function binaryCurve(pos: { x: Float64Array; w: Float64Array | null }, neg: { x: Float64Array; w: Float64Array | null }) {
  const P = sorted(pos);
  const N = sorted(neg);
  const m = P.x.length + N.x.length;
  const th = new Float64Array(m);
  const tps = new Float64Array(m);
  const fps = new Float64Array(m);
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
