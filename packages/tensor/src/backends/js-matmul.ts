/**
 * Pure-TypeScript matrix products over row-major panels. Each variant keeps its innermost loop on
 * contiguous memory: A·B and Aᵀ·B run i-k-j over four rows of C at a time (a row of B streams into
 * four accumulator rows), A·Bᵀ runs dot products of contiguous rows (four columns of C at a time to
 * reuse the loaded row of A). Accumulation is in float64 for both dtypes.
 */
import type { DType, FloatArray, Shape } from '../types';

const NB = 256;

type Mat = { data: FloatArray; offset: number };

export function matmulKernel(
  a: Mat,
  b: Mat,
  aShape: Shape,
  bShape: Shape,
  aBatchStride: number,
  bBatchStride: number,
  transA: boolean,
  transB: boolean,
  dtype: DType,
  alloc: (n: number, dtype: DType) => FloatArray,
): FloatArray {
  const batch = aShape[0];
  const m = transA ? aShape[2] : aShape[1];
  const k = transA ? aShape[1] : aShape[2];
  const n = transB ? bShape[1] : bShape[2];
  const out = alloc(batch * m * n, dtype);
  // Aᵀ·Bᵀ is rare: make Aᵀ contiguous once and use A·Bᵀ.
  if (transA && transB) {
    const at = alloc(m * k, dtype);
    for (let p = 0; p < batch; p++) {
      const ao = a.offset + p * aBatchStride;
      for (let i = 0; i < m; i++) for (let q = 0; q < k; q++) at[i * k + q] = a.data[ao + q * m + i];
      nt(at, 0, b.data, b.offset + p * bBatchStride, out, p * m * n, m, n, k);
    }
    return out;
  }
  for (let p = 0; p < batch; p++) {
    const ao = a.offset + p * aBatchStride;
    const bo = b.offset + p * bBatchStride;
    const co = p * m * n;
    if (transB) nt(a.data, ao, b.data, bo, out, co, m, n, k);
    else if (transA) panel(a.data, ao, 1, m, b.data, bo, out, co, m, n, k);
    else panel(a.data, ao, k, 1, b.data, bo, out, co, m, n, k);
  }
  return out;
}

/**
 * C[m,n] = A·B[k,n], where A's element (i, q) is at `ao + i·ars + q·acs` (A·B: ars = k, acs = 1;
 * Aᵀ·B: ars = 1, acs = m). Four rows of C are built at once in float64 accumulators, so each loaded
 * element of B is used four times; columns are blocked so the accumulators stay in L1 cache.
 */
function panel(
  A: FloatArray,
  ao: number,
  ars: number,
  acs: number,
  B: FloatArray,
  bo: number,
  C: FloatArray,
  co: number,
  m: number,
  n: number,
  k: number,
): void {
  const nb = Math.min(n, NB);
  const r0 = new Float64Array(nb);
  const r1 = new Float64Array(nb);
  const r2 = new Float64Array(nb);
  const r3 = new Float64Array(nb);
  for (let j0 = 0; j0 < n; j0 += NB) {
    const w = Math.min(NB, n - j0);
    let i = 0;
    for (; i + 3 < m; i += 4) {
      r0.fill(0);
      r1.fill(0);
      r2.fill(0);
      r3.fill(0);
      const a0 = ao + i * ars;
      for (let q = 0; q < k; q++) {
        const aq = a0 + q * acs;
        const x0 = A[aq];
        const x1 = A[aq + ars];
        const x2 = A[aq + 2 * ars];
        const x3 = A[aq + 3 * ars];
        const bq = bo + q * n + j0;
        for (let j = 0; j < w; j++) {
          const b = B[bq + j];
          r0[j] += x0 * b;
          r1[j] += x1 * b;
          r2[j] += x2 * b;
          r3[j] += x3 * b;
        }
      }
      const c = co + i * n + j0;
      for (let j = 0; j < w; j++) {
        C[c + j] = r0[j];
        C[c + n + j] = r1[j];
        C[c + 2 * n + j] = r2[j];
        C[c + 3 * n + j] = r3[j];
      }
    }
    for (; i < m; i++) {
      r0.fill(0);
      const ai = ao + i * ars;
      for (let q = 0; q < k; q++) {
        const x = A[ai + q * acs];
        const bq = bo + q * n + j0;
        for (let j = 0; j < w; j++) r0[j] += x * B[bq + j];
      }
      const c = co + i * n + j0;
      for (let j = 0; j < w; j++) C[c + j] = r0[j];
    }
  }
}

/** C[m,n] = A[m,k] · B[n,k]ᵀ */
function nt(A: FloatArray, ao: number, B: FloatArray, bo: number, C: FloatArray, co: number, m: number, n: number, k: number): void {
  for (let i = 0; i < m; i++) {
    const ai = ao + i * k;
    const ci = co + i * n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = bo + j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let q = 0; q < k; q++) {
        const x = A[ai + q];
        s0 += x * B[b0 + q];
        s1 += x * B[b1 + q];
        s2 += x * B[b2 + q];
        s3 += x * B[b3 + q];
      }
      C[ci + j] = s0;
      C[ci + j + 1] = s1;
      C[ci + j + 2] = s2;
      C[ci + j + 3] = s3;
    }
    for (; j < n; j++) {
      const bj = bo + j * k;
      let s = 0;
      for (let q = 0; q < k; q++) s += A[ai + q] * B[bj + q];
      C[ci + j] = s;
    }
  }
}
