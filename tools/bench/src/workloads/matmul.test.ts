import { beforeAll, describe, expect, test } from 'vitest';
import { jsBackend } from '@lab/tensor';
import { tfPeers, useTf } from '../tfjs';
import { checksum, gflops, labMatmul, matmulInputs, runRelaxedChild, sameBits, tfMatmul, threadedMatmul } from './matmul';

const n = 16;
const { a, b } = matmulInputs(n);
const naive = () => {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[i * n + j] += a[i * n + k] * b[k * n + j];
  return c;
};

beforeAll(async () => {
  await tfPeers();
});

describe('matmul workload', () => {
  test('inputs are deterministic', () => {
    expect(matmulInputs(n).a).toEqual(a);
    expect(a).not.toEqual(b);
  });
  test('lab and tfjs (cpu, wasm) compute the same product as a float64 reference', async () => {
    const ref = naive();
    const lab = labMatmul(jsBackend, a, b, n)().data();
    for (let i = 0; i < ref.length; i++) expect(lab[i]).toBeCloseTo(ref[i], 4);
    for (const backend of ['cpu', 'wasm'] as const) {
      await useTf(backend);
      const f = tfMatmul(a, b, n);
      const got = f.run();
      f.dispose();
      for (let i = 0; i < ref.length; i++) expect(got[i]).toBeCloseTo(ref[i], 4);
    }
    expect(checksum(lab)).toBeCloseTo(checksum(ref), 3);
  });
  test('GFLOP/s is 2n³ per second', () => {
    expect(gflops(512, 10)).toBeCloseTo((2 * 512 ** 3) / 0.01 / 1e9, 9);
  });
  test('2 threads (main + 1 worker) give the bits of the same kernel on one thread, and the product', async () => {
    const m = 40;
    const inputs = matmulInputs(m);
    const t = await threadedMatmul(inputs.a, inputs.b, m, { workers: 1 });
    try {
      t.single();
      const one = t.result();
      t.clear();
      expect(t.result()[0]).toBeNaN();
      t.run();
      const two = t.result();
      expect(sameBits(one, two)).toBe(true);
      t.clear();
      t.runCopying();
      expect(sameBits(one, t.result())).toBe(true);
      const ref = labMatmul(jsBackend, inputs.a, inputs.b, m)().data();
      for (let i = 0; i < ref.length; i++) expect(two[i]).toBeCloseTo(ref[i], 4);
    } finally {
      t.close();
    }
  });
  test('sameBits compares bit patterns (NaN equals itself, -0 differs from 0)', () => {
    expect(sameBits(Float32Array.of(NaN, 1), Float32Array.of(NaN, 1))).toBe(true);
    expect(sameBits(Float32Array.of(-0), Float32Array.of(0))).toBe(false);
    expect(sameBits(Float32Array.of(1), Float32Array.of(1, 2))).toBe(false);
  });
});

describe('the relaxed-SIMD child process', () => {
  test('validates relaxed SIMD behind the flag and computes the same product (within FMA rounding)', async () => {
    const n = 48;
    const r = await runRelaxedChild(n, 2, 1);
    expect(r.validates).toBe(true);
    expect(r.ms).toBeGreaterThan(0);
    const { a, b } = matmulInputs(n);
    let sum = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
    expect(Math.abs(r.checksum! - sum) / Math.abs(sum)).toBeLessThan(1e-4);
  }, 60_000);
});
