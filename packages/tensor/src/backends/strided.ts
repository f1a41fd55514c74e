/**
 * Strided iteration helpers for the pure-TypeScript backend: merge axes that are contiguous in every
 * view, then walk the remaining outer axes with counters and hand each innermost row to a row
 * kernel (one call per row, never one closure call per element).
 */
import type { Shape } from '../types';

/** Drop size-1 axes and merge neighbours that are contiguous in every stride list. */
export function collapse(shape: Shape, stridesList: readonly Shape[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = stridesList.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = outShape.length - 1;
    if (last >= 0 && stridesList.every((s, k) => outStrides[k][last] === s[d] * shape[d])) {
      outShape[last] *= shape[d];
      for (let k = 0; k < stridesList.length; k++) outStrides[k][last] = stridesList[k][d];
    } else {
      outShape.push(shape[d]);
      for (let k = 0; k < stridesList.length; k++) outStrides[k].push(stridesList[k][d]);
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Call `row(offsets, n, innerStrides)` for every innermost row of `shape`, where `offsets[k]` is the
 * start of the row in view k. `offsets` is reused between calls (do not keep it).
 */
export function forEachRow(
  shape: Shape,
  stridesList: readonly Shape[],
  offsets: readonly number[],
  row: (offsets: number[], n: number, inner: number[]) => void,
): void {
  const { shape: s, strides } = collapse(shape, stridesList);
  const views = strides.length;
  const cur = offsets.slice();
  const r = s.length;
  if (r === 0) {
    row(cur, 1, strides.map(() => 0));
    return;
  }
  const n = s[r - 1];
  const inner = strides.map((st) => st[r - 1]);
  if (n === 0) return;
  for (let d = 0; d < r - 1; d++) if (s[d] === 0) return;
  const idx = new Array<number>(r - 1).fill(0);
  for (;;) {
    row(cur, n, inner);
    let d = r - 2;
    for (; d >= 0; d--) {
      for (let k = 0; k < views; k++) cur[k] += strides[k][d];
      if (++idx[d] < s[d]) break;
      for (let k = 0; k < views; k++) cur[k] -= strides[k][d] * s[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
