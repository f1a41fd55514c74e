/**
 * Pure-TypeScript matrix products over row-major panels. Each variant keeps its innermost loop on
 * contiguous memory: A·B runs i-k-j (a row of B streams into a row of C), A·Bᵀ runs dot products of
 * two contiguous rows (four columns of C at a time to reuse the loaded row of A), Aᵀ·B runs k-i-j.
 * The k loop is blocked so a panel of B stays in cache while it is reused by every row of A.
 */
import type { DType, FloatArray, Shape } from '../types';

const KB = 128;

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
    else if (transA) tn(a.data, ao, b.data, bo, out, co, m, n, k);
    else nn(a.data, ao, b.data, bo, out, co, m, n, k);
  }
  return out;
}

/** C[m,n] = A[m,k] · B[k,n] */
function nn(A: FloatArray, ao: number, B: FloatArray, bo: number, C: FloatArray, co: number, m: number, n: number, k: number): void {
  for (let k0 = 0; k0 < k; k0 += KB) {
    const k1 = Math.min(k, k0 + KB);
    for (let i = 0; i < m; i++) {
      const ci = co + i * n;
      const ai = ao + i * k;
      for (let q = k0; q < k1; q++) {
        const aiq = A[ai + q];
        if (aiq === 0) continue;
        const bq = bo + q * n;
        for (let j = 0; j < n; j++) C[ci + j] += aiq * B[bq + j];
      }
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

/** C[m,n] = A[k,m]ᵀ · B[k,n] */
function tn(A: FloatArray, ao: number, B: FloatArray, bo: number, C: FloatArray, co: number, m: number, n: number, k: number): void {
  for (let q = 0; q < k; q++) {
    const aq = ao + q * m;
    const bq = bo + q * n;
    for (let i = 0; i < m; i++) {
      const x = A[aq + i];
      if (x === 0) continue;
      const ci = co + i * n;
      for (let j = 0; j < n; j++) C[ci + j] += x * B[bq + j];
    }
  }
}
