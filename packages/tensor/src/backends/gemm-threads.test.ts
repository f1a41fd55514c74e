import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isLabError, InvalidArgumentError, Rng } from '@lab/core';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { createGemmKernels, createGemmWorkers, injectWorkerFault, OFFLOAD_MIN_MNK, OFFLOAD_MIN_ROWS, shouldOffload, WorkerThreadError, type GemmKernels, type GemmWorkers } from './gemm-threads';
import { enableMatmulThreads, type GemmOffload } from '../threads';
import type { WasmBackend } from './wasm';
import { RELAXED_SIMD_WASM } from './wasm-binary';

const relaxedOk = WebAssembly.validate(Uint8Array.from(atob(RELAXED_SIMD_WASM), (ch) => ch.charCodeAt(0)));

const pools: GemmWorkers[] = [];
function pool(options: Parameters<typeof createGemmWorkers>[0] = {}): GemmWorkers {
  const p = createGemmWorkers(options);
  pools.push(p);
  return p;
}
afterAll(() => pools.forEach((p) => p.close()));

interface Problem {
  readonly k: GemmKernels;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly m: number;
  readonly n: number;
  readonly depth: number;
}

/** A, B with random values (a few exact zeros, negatives, large and tiny magnitudes) in `k`'s memory; C filled with NaN. */
function problem(k: GemmKernels, m: number, n: number, depth: number, seed: number): Problem {
  k.reset();
  const a = k.alloc(m * depth * 4);
  const b = k.alloc(depth * n * 4);
  const c = k.alloc(m * n * 4);
  const F = k.f32();
  const rng = new Rng(seed);
  const value = () => (rng.next() < 0.05 ? 0 : rng.normal() * 10 ** (rng.int(7) - 3));
  for (let i = 0; i < m * depth; i++) F[(a >> 2) + i] = value();
  for (let i = 0; i < depth * n; i++) F[(b >> 2) + i] = value();
  F.fill(NaN, c >> 2, (c >> 2) + m * n);
  return { k, a, b, c, m, n, depth };
}

/** The single-thread kernel's C, then the pool's C: both copied out. */
function both(p: Problem, workers: GemmWorkers, tA: boolean, tB: boolean, inPlace: boolean): [Float32Array, Float32Array] {
  const { k, a, b, c, m, n, depth } = p;
  k.gemm(a, b, c, m, n, depth, tA, tB);
  const single = k.f32().slice(c >> 2, (c >> 2) + m * n);
  k.f32().fill(NaN, c >> 2, (c >> 2) + m * n);
  workers.gemm(k.f32(), a, b, c, m, n, depth, tA, tB, inPlace ? k.gemm : undefined);
  return [single, k.f32().slice(c >> 2, (c >> 2) + m * n)];
}

/** Bit-identical (compares the float32 bit patterns). */
function expectBits(single: Float32Array, threaded: Float32Array): void {
  const x = new Uint32Array(single.buffer, single.byteOffset, single.length);
  const y = new Uint32Array(threaded.buffer, threaded.byteOffset, threaded.length);
  expect(y.length).toBe(x.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) expect([i, threaded[i]]).toEqual([i, single[i]]);
}

const variants = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

describe('createGemmWorkers: gemm is bit-identical to the single-thread kernel', () => {
  const kernels = createGemmKernels();
  const one = pool({ workers: 1 });
  const two = pool({ workers: 2 });

  test.each(variants)('transA=%s transB=%s, beyond every blocking size (m > MC, k > KC, n not a multiple of 16)', (tA, tB) => {
    const p = problem(kernels, 300, 203, 530, 1);
    for (const inPlace of [true, false]) {
      const [s, t] = both(p, one, tA, tB, inPlace);
      expect(s.some((v) => v !== 0 && Number.isFinite(v))).toBe(true);
      expectBits(s, t);
    }
    const [s2, t2] = both(p, two, tA, tB, true);
    expectBits(s2, t2);
  });

  test('random shapes, all variants, one and two workers, with and without the in-place main share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 140 }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom(...variants),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (m, n, depth, [tA, tB], inPlace, twoWorkers, seed) => {
          const p = problem(kernels, m, n, depth, seed);
          const [s, t] = both(p, twoWorkers ? two : one, tA, tB, inPlace);
          expectBits(s, t);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('k = 0 gives zeros; m = 0 or n = 0 writes nothing', () => {
    const p = problem(kernels, 64, 64, 0, 2);
    const [, t] = both(p, one, false, false, false);
    expect(t.every((v) => v === 0)).toBe(true);
    const q = problem(kernels, 0, 16, 16, 3);
    expect(() => one.gemm(kernels.f32(), q.a, q.b, q.c, 0, 16, 16, false, false)).not.toThrow();
    const r = problem(kernels, 64, 0, 16, 4);
    const bytes = () => Buffer.from(kernels.f32().buffer);
    const before = Buffer.from(bytes());
    one.gemm(kernels.f32(), r.a, r.b, r.c, 64, 0, 16, false, false);
    expect(bytes().equals(before)).toBe(true);
  });

  test('the shared buffer grows (re-allocated and re-posted) and shrinking problems reuse it', () => {
    const p = pool({ workers: 2 });
    for (const [m, n, depth] of [[16, 16, 16], [200, 180, 260], [40, 40, 40], [400, 300, 350]]) {
      const [s, t] = both(problem(kernels, m, n, depth, m), p, false, true, false);
      expectBits(s, t);
    }
  });

  test('the main thread may take no rows or most of them', () => {
    for (const mainShare of [0, 0.8]) {
      const [s, t] = both(problem(kernels, 150, 70, 90, 9), pool({ workers: 1, mainShare }), true, false, true);
      expectBits(s, t);
    }
  });

  test('relaxed SIMD: rejected where it does not validate, bit-identical to its own kernel where it does', () => {
    if (!relaxedOk) {
      expect(() => createGemmWorkers({ relaxedSimd: true })).toThrow(InvalidArgumentError);
      expect(() => createGemmKernels({ relaxedSimd: true })).toThrow(InvalidArgumentError);
      return;
    }
    const k = createGemmKernels({ relaxedSimd: true });
    const p = pool({ relaxedSimd: true });
    for (const [tA, tB] of variants) {
      const [s, t] = both(problem(k, 150, 70, 300, 5), p, tA, tB, false);
      expectBits(s, t);
    }
  });
});

describe('createGemmWorkers: bad input and failures', () => {
  const kernels = createGemmKernels();

  test('options are checked, naming the option', () => {
    for (const workers of [0, 1.5, 65, Number.NaN]) expect(() => createGemmWorkers({ workers })).toThrow(/workers/);
    expect(() => createGemmWorkers({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createGemmWorkers({ mainShare: 1 })).toThrow(/mainShare/);
    expect(() => createGemmWorkers({ relaxedSimd: 'yes' as unknown as boolean })).toThrow(/relaxedSimd/);
  });

  test('arguments are checked: sizes, alignment and extent of every operand', () => {
    const p = pool();
    const q = problem(kernels, 8, 8, 8, 1);
    const F = kernels.f32();
    const call = (a: number, b: number, c: number, m: number, n: number, k: number) => () => p.gemm(F, a, b, c, m, n, k, false, false);
    expect(call(q.a, q.b, q.c, -1, 8, 8)).toThrow(/m must be/);
    expect(call(q.a, q.b, q.c, 8, 2.5, 8)).toThrow(/n must be/);
    expect(call(q.a + 2, q.b, q.c, 8, 8, 8)).toThrow(/a must be/);
    expect(call(q.a, F.length * 4, q.c, 8, 8, 8)).toThrow(/b must be/);
    expect(call(q.a, q.b, F.length * 4 - 16, 8, 8, 8)).toThrow(/c must be/);
    expect(() => p.gemm(new Float64Array(8) as unknown as Float32Array, 0, 0, 0, 1, 1, 1, false, false)).toThrow(/F32/);
    try {
      call(q.a, q.b, q.c, 8, 8, -3)();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
    }
  });

  test('a worker that throws: WorkerThreadError with its message; the pool still works', () => {
    const p = pool();
    const q = problem(kernels, 96, 64, 64, 1);
    injectWorkerFault(p, 'throw');
    let error: unknown;
    try {
      p.gemm(kernels.f32(), q.a, q.b, q.c, 96, 64, 64, false, false, kernels.gemm);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkerThreadError);
    expect(isLabError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/worker 0 failed: Error: injected fault/);
    const [s, t] = both(q, p, false, false, true);
    expectBits(s, t);
  });

  test('a worker that exits mid-product: WorkerThreadError, then every call throws (no hang)', () => {
    const p = pool();
    const q = problem(kernels, 96, 64, 64, 1);
    injectWorkerFault(p, 'exit');
    expect(() => p.gemm(kernels.f32(), q.a, q.b, q.c, 96, 64, 64, false, false)).toThrow(/worker 0 exited during a gemm/);
    expect(() => p.gemm(kernels.f32(), q.a, q.b, q.c, 96, 64, 64, false, false)).toThrow(WorkerThreadError);
  });

  test('a worker that stops answering: WorkerThreadError after timeoutMs, and the pool is closed', () => {
    const p = pool({ timeoutMs: 200 });
    const q = problem(kernels, 96, 64, 64, 1);
    injectWorkerFault(p, 'hang');
    expect(() => p.gemm(kernels.f32(), q.a, q.b, q.c, 96, 64, 64, true, true)).toThrow(/did not answer within 200 ms/);
    expect(() => p.gemm(kernels.f32(), q.a, q.b, q.c, 96, 64, 64, false, false)).toThrow(/closed/);
  });

  test('close() is idempotent and later calls throw WorkerThreadError', async () => {
    const p = pool();
    await p.ready;
    p.close();
    p.close();
    const q = problem(kernels, 8, 8, 8, 1);
    expect(() => p.gemm(kernels.f32(), q.a, q.b, q.c, 8, 8, 8, false, false)).toThrow(/closed/);
  });

  test('a pool that is never closed does not keep Node alive', async () => {
    // A child process creates a pool, runs a product on it and returns: it must exit by itself.
    const source = fileURLToPath(new URL('./gemm-threads.ts', import.meta.url));
    const script = `
      const { createGemmWorkers, createGemmKernels } = await import(${JSON.stringify(source)});
      const k = createGemmKernels();
      const a = k.alloc(4 * 128 * 128), c = k.alloc(4 * 128 * 128);
      const p = createGemmWorkers({ workers: 1 });
      await p.ready;
      p.gemm(k.f32(), a, a, c, 128, 128, 128, false, false);
      console.log('done');`;
    const tsconfig = fileURLToPath(new URL('../../../../tsconfig.paths.json', import.meta.url));
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig }, timeout: 30_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number | null) ?? -1 : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
    expect(out.stderr).toBe('');
    expect(out).toMatchObject({ code: 0, stdout: 'done\n' });
  }, 40_000);
});

describe('shouldOffload', () => {
  test('the measured threshold: never below it, always at and above it (with enough rows)', () => {
    expect(shouldOffload(1, 1, 1)).toBe(false);
    expect(shouldOffload(512, 512, 512)).toBe(true);
    expect(shouldOffload(OFFLOAD_MIN_ROWS - 1, 4096, 4096)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2048 }), fc.integer({ min: 0, max: 2048 }), fc.integer({ min: 0, max: 2048 }), (m, n, k) => {
        expect(shouldOffload(m, n, k)).toBe(m >= OFFLOAD_MIN_ROWS && m * n * k >= OFFLOAD_MIN_MNK);
        if (shouldOffload(m, n, k)) expect(shouldOffload(m + 1, n + 1, k + 1)).toBe(true);
      }),
    );
  });
});

describe('enableMatmulThreads', () => {
  const kernels = createGemmKernels();
  function fakeBackend(relaxedSimd = false) {
    const calls: (GemmOffload | null)[] = [];
    const backend = { name: 'wasm-simd', relaxedSimd, setGemmOffload: (fn: GemmOffload | null) => calls.push(fn) } as unknown as WasmBackend;
    return { backend, calls };
  }

  test('installs a hook that splits large products exactly and declines small ones; close() removes it', () => {
    const { backend, calls } = fakeBackend();
    const threads = enableMatmulThreads(backend, { workers: 1 });
    pools.push(threads.pool);
    expect(calls.length).toBe(1);
    const hook = calls[0]!;

    const small = problem(kernels, 8, 8, 8, 1);
    expect(hook(kernels.f32(), small.a, small.b, small.c, 8, 8, 8, false, false)).toBe(false);
    expect(kernels.f32()[small.c >> 2]).toBeNaN(); // untouched

    for (const [tA, tB] of variants) {
      const p = problem(kernels, 256, 128, 160, 2);
      expect(shouldOffload(256, 128, 160)).toBe(true);
      kernels.gemm(p.a, p.b, p.c, 256, 128, 160, tA, tB);
      const single = kernels.f32().slice(p.c >> 2, (p.c >> 2) + 256 * 128);
      kernels.f32().fill(NaN, p.c >> 2, (p.c >> 2) + 256 * 128);
      expect(hook(kernels.f32(), p.a, p.b, p.c, 256, 128, 160, tA, tB)).toBe(true);
      expectBits(single, kernels.f32().slice(p.c >> 2, (p.c >> 2) + 256 * 128));
    }
    threads.close();
    threads.close();
    expect(calls).toEqual([hook, null]);
    const p = problem(kernels, 256, 128, 160, 2);
    expect(() => hook(kernels.f32(), p.a, p.b, p.c, 256, 128, 160, false, false)).toThrow(WorkerThreadError);
  });

  test('a custom offload rule is used as given', () => {
    const { backend, calls } = fakeBackend();
    const seen: number[][] = [];
    const threads = enableMatmulThreads(backend, { offload: (m, n, k) => (seen.push([m, n, k]), false) });
    pools.push(threads.pool);
    const p = problem(kernels, 512, 16, 16, 1);
    expect(calls[0]!(kernels.f32(), p.a, p.b, p.c, 512, 16, 16, false, false)).toBe(false);
    expect(seen).toEqual([[512, 16, 16]]);
    threads.close();
  });

  test('on a real wasm backend: tensor matmuls (all variants, batched, backward) equal one thread bit for bit', async () => {
    const { createWasmBackend } = await import('../wasm');
    const { withBackend } = await import('../backend');
    const { tensor } = await import('../tensor');
    const backend = await createWasmBackend();
    const rng = new Rng(7);
    const run = () =>
      withBackend(backend, () => {
        const a = tensor(Array.from({ length: 2 * 192 * 160 }, () => rng.normal()), { shape: [2, 192, 160], requiresGrad: true });
        const b = tensor(Array.from({ length: 160 * 176 }, () => rng.normal()), { shape: [160, 176], requiresGrad: true });
        const y = a.matmul(b);
        const z = y.swapAxes(1, 2).matmul(a); // [2, 176, 160]: Aᵀ-style product
        z.sum().backward();
        return [y.data(), z.data(), a.grad!.data(), b.grad!.data()];
      });
    const one = run();
    const seen: number[][] = [];
    const threads = enableMatmulThreads(backend, { workers: 1, offload: (m, n, k) => (seen.push([m, n, k]), shouldOffload(m, n, k)) });
    pools.push(threads.pool);
    rng.setState(new Rng(7).getState());
    const two = run();
    threads.close();
    expect(seen.some(([m, n, k]) => shouldOffload(m, n, k))).toBe(true);
    one.forEach((x, i) => expectBits(x as Float32Array, two[i] as Float32Array));
  });

  test('rejects a backend without the hook and a bad offload rule', () => {
    expect(() => enableMatmulThreads({ name: 'js' } as unknown as WasmBackend)).toThrow(/backend must be a wasm backend with setGemmOffload/);
    expect(() => enableMatmulThreads(fakeBackend().backend, { offload: 3 as unknown as () => boolean })).toThrow(/offload/);
    expect(() => enableMatmulThreads(fakeBackend().backend, { workers: 0 })).toThrow(/workers/);
  });
});
