import { Rng } from '@lab/core';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { getBackend, setBackend, withBackend } from '../backend';
import { jsBackend } from './js';
import { randn } from '../random';
import { tensor, type Tensor } from '../tensor';
import { Parameter } from '../nn/parameter';
import { ReLU } from '../nn/activations';
import { Linear } from '../nn/linear';
import { Sequential } from '../nn/sequential';
import { where } from '../ops/elementwise';
import type { Backend, BinaryOp, FloatArray } from '../types';
import { createWasmBackend, useBestBackend, wasmSupport, WasmStorage } from '../wasm';
import { createWasmBackendFrom, type WasmKernels } from './wasm';
import { RELAXED_SIMD_WASM, SIMD_WASM } from './wasm-binary';

// Importing the subpath changed nothing (checked before any backend is created).
const importedDefault = getBackend();
const wasm = await createWasmBackend();
const js = jsBackend as Backend;

afterAll(() => setBackend(js));

/** Run `fn` on both backends with the same seed; returns [js, wasm] results as plain arrays. */
function both<T extends Tensor | Tensor[]>(fn: (rng: Rng) => T): [FloatArray[], FloatArray[]] {
  const run = (b: Backend) =>
    withBackend(b, () => {
      const r = fn(new Rng(42));
      const ts = Array.isArray(r) ? r : [r];
      for (const t of ts) expect(t.backend).toBe(b);
      return ts.map((t) => t.data());
    });
  return [run(js), run(wasm as Backend)];
}

/** Same values, NaN equal to NaN and -0 equal to 0 (the SIMD and scalar paths may differ in the sign of zero). */
function expectSame(a: FloatArray[], b: FloatArray[]): void {
  expect(b.length).toBe(a.length);
  a.forEach((x, i) => {
    expect(b[i].length).toBe(x.length);
    for (let j = 0; j < x.length; j++) if (!(x[j] === b[i][j] || (x[j] !== x[j] && b[i][j] !== b[i][j]))) expect([i, j, b[i][j]]).toEqual([i, j, x[j]]);
  });
}

/** Within `rtol` relative to the largest magnitude of each output. */
function expectNear(a: FloatArray[], b: FloatArray[], rtol: number): void {
  a.forEach((x, i) => {
    let scale = 1;
    for (let j = 0; j < x.length; j++) scale = Math.max(scale, Math.abs(x[j]));
    for (let j = 0; j < x.length; j++) if (!(Math.abs(x[j] - b[i][j]) <= rtol * scale)) expect([i, j, b[i][j]]).toEqual([i, j, x[j]]);
  });
}

/** Values with NaN, ±0 and ties sprinkled in. */
function special(shape: number[], rng: Rng): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const pick = [NaN, 0, -0, 1, -1, Infinity, -Infinity];
  return tensor(
    Float32Array.from({ length: n }, () => (rng.next() < 0.15 ? pick[rng.int(pick.length)] : Math.round(rng.normal() * 4) / 2)),
    { shape },
  );
}

describe('wasm backend: set-up', () => {
  test('importing @lab/tensor/wasm registers nothing; the module has no imports and SIMD validates here', () => {
    expect(importedDefault).toBe(jsBackend);
    expect(getBackend()).toBe(jsBackend);
    const bytes = Uint8Array.from(atob(SIMD_WASM), (c) => c.charCodeAt(0));
    expect(WebAssembly.Module.imports(new WebAssembly.Module(bytes))).toEqual([]);
    expect(wasmSupport().simd).toBe(true);
    expect(wasm.name).toBe(wasmSupport().relaxedSimd ? 'wasm-relaxed-simd' : 'wasm-simd');
  });

  test('the relaxed-SIMD build has no imports and validates exactly where relaxed SIMD is supported', () => {
    const bytes = Uint8Array.from(atob(RELAXED_SIMD_WASM), (c) => c.charCodeAt(0));
    expect(WebAssembly.validate(bytes)).toBe(wasmSupport().relaxedSimd);
    expect(bytes.length).toBeGreaterThan(1000);
  });

  test('useBestBackend makes the wasm backend current; relaxedSimd: false picks the SIMD build', async () => {
    const b = await useBestBackend({ relaxedSimd: false });
    expect(getBackend()).toBe(b);
    expect(b.name).toBe('wasm-simd');
    expect(tensor([1, 2]).storage).toBeInstanceOf(WasmStorage);
    setBackend(js);
  });
});

describe('wasm backend: matmul', () => {
  const sizes = [
    [1, 1, 1],
    [2, 3, 5],
    [3, 17, 16],
    [17, 33, 19],
    [33, 300, 45], // k > KC: accumulates over depth slices
    [130, 7, 530], // m > MC, n > NC
  ];
  for (const [m, k, n] of sizes) {
    test(`${m}×${k} · ${k}×${n}, all four transposes`, () => {
      const [ref, got] = both((rng) => {
        const a = randn([m, k], rng);
        const b = randn([k, n], rng);
        const at = a.transpose().contiguous(true);
        const bt = b.transpose().contiguous(true);
        return [a.matmul(b), at.matmul(b, { transA: true }), a.matmul(bt, { transB: true }), at.matmul(bt, { transA: true, transB: true })];
      });
      expectNear(ref, got, 1e-5 * Math.sqrt(k));
      // the four variants agree with each other on the wasm backend too
      for (let v = 1; v < 4; v++) expectNear([got[0]], [got[v]], 1e-5 * Math.sqrt(k));
    });
  }

  test('batched, broadcast batch axes, offsets from slices, empty dimensions', () => {
    const [ref, got] = both((rng) => {
      const a = randn([2, 1, 5, 7], rng);
      const b = randn([3, 7, 6], rng);
      const big = randn([9, 8], rng);
      return [a.matmul(b), big.slice([1, 1], [5, 7]).contiguous().matmul(b), randn([0, 3], rng).matmul(randn([3, 4], rng)), randn([2, 0], rng).matmul(randn([0, 3], rng))];
    });
    expectNear(ref, got, 1e-5);
    expect(Array.from(got[3])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('random sizes and transposes agree with the js backend (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.boolean(), (m, k, n, ta, tb) => {
        const [ref, got] = both((rng) => randn(ta ? [k, m] : [m, k], rng).matmul(randn(tb ? [n, k] : [k, n], rng), { transA: ta, transB: tb }));
        expectNear(ref, got, 1e-5 * Math.sqrt(k));
      }),
      { numRuns: 60 },
    );
  });

  test('gradients of a matmul chain (backward uses the transposed kernels)', () => {
    const [ref, got] = both((rng) => {
      const x = randn([19, 23], rng, { requiresGrad: true });
      const w = randn([31, 23], rng, { requiresGrad: true });
      const v = randn([31, 5], rng, { requiresGrad: true });
      x.matmul(w, { transB: true }).tanh().matmul(v).square().mean().backward();
      return [x.grad!, w.grad!, v.grad!];
    });
    expectNear(ref, got, 1e-5);
  });
});

describe('wasm backend: element-wise and reductions', () => {
  const ops: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'gt', 'ge', 'lt', 'le', 'eq'];
  const pairs: [number[], number[]][] = [
    [[13], [13]],
    [[7, 9], [9]],
    [[7, 9], [7, 1]],
    [[1, 9], [6, 1]],
    [[], [5, 3]],
    [[2, 3, 4, 5], [3, 1, 5]],
  ];

  test('binary ops with broadcasting are bit-identical to the js backend (NaN, ±0, ±Infinity, ties)', () => {
    for (const op of ops)
      for (const [sa, sb] of pairs) {
        const [ref, got] = both((rng) => {
          const a = special(sa, rng);
          const b = special(sb, rng);
          const call = (x: Tensor, y: Tensor) => (['gt', 'ge', 'lt', 'le', 'eq'].includes(op) ? (x[op as 'gt'](y)) : (x[op as 'add'](y)));
          return [call(a, b), call(b, a)];
        });
        expectSame(ref, got);
      }
  });

  test('non-contiguous operands: transposed, sliced and expanded views', () => {
    const [ref, got] = both((rng) => {
      const a = randn([6, 10], rng);
      const b = randn([10, 6], rng);
      const c = randn([5, 1, 4], rng);
      const d = randn([3, 5, 4], rng).transpose([1, 0, 2]);
      return [a.add(b.transpose()), a.slice([1, 2], [4, 5]).mul(b.transpose().slice([0, 1], [4, 5])), c.expand([5, 3, 4]).sub(d), d.maximum(c), a.transpose().relu(), a.transpose().neg()];
    });
    expectSame(ref, got);
  });

  test('unary ops match the js backend (exactly for the SIMD ones)', () => {
    const [ref, got] = both((rng) => {
      const x = special([7, 11], rng);
      return [x.neg(), x.abs(), x.sqrt(), x.relu(), x.sign(), x.clamp(-1, 0.5), x.clamp(undefined, 2), x.exp(), x.log(), x.tanh(), x.sigmoid(), x.softplus(), x.log1p(), x.pow(2)];
    });
    expectSame(ref, got);
    const [lr, lg] = both((rng) => special([5, 9], rng).leakyRelu(0.1));
    expectNear(lr, lg, 1e-7);
  });

  test('where with broadcast condition and operands', () => {
    const [ref, got] = both((rng) => {
      const c = special([4, 1, 6], rng).gt(0);
      return [where(c, randn([3, 6], rng), randn([4, 3, 1], rng)), where(special([9], rng), special([9], rng), 0)];
    });
    expectSame(ref, got);
  });

  test('sum, max and min over leading, trailing, middle and all axes; argmax/argmin; NaN propagates', () => {
    const [ref, got] = both((rng) => {
      const x = randn([5, 6, 7], rng);
      const s = special([4, 9, 3], rng);
      return [
        x.sum(0), x.sum([0, 1]), x.sum(2), x.sum([1, 2]), x.sum(1), x.sum(), x.mean(0),
        x.max(0), x.max(2), x.min([1, 2]), x.max(1), x.argmax(2), x.argmin(0),
        s.max(0), s.min(2), s.max([1, 2]), s.min(0), x.transpose().sum(0), x.logSoftmax(), x.softmax(0),
      ];
    });
    expectNear(ref, got, 2e-7);
  });

  test('float64 tensors run the js kernels on the wasm backend (identical results), and .to() converts', () => {
    const [ref, got] = both((rng) => {
      const a = randn([6, 5], rng, { dtype: 'float64' });
      const b = randn([5, 4], rng, { dtype: 'float64' });
      const c = a.matmul(b).tanh().sum(0);
      return [c, c.to('float32'), randn([3, 3], rng).to('float64').exp()];
    });
    expectSame(ref, got);
    withBackend(wasm as Backend, () => {
      expect(tensor([1], { dtype: 'float64' }).storage).toBeInstanceOf(Float64Array);
      expect(tensor([1]).storage).toBeInstanceOf(WasmStorage);
    });
  });

  test('gather, scatter (through its gradient), concat, stack, one-hot', () => {
    const [ref, got] = both((rng) => {
      const x = randn([4, 5], rng, { requiresGrad: true });
      const g = x.gather(1, tensor([[0, 4], [1, 1], [2, 3], [4, 0]]));
      g.square().sum().backward();
      return [g, x.grad!, x.indexSelect(0, [3, 1]), x.detach().transpose().contiguous()];
    });
    expectSame(ref, got);
  });
});

describe('wasm backend: memory', () => {
  async function fresh(maxMemoryBytes?: number) {
    const bytes = Uint8Array.from(atob(SIMD_WASM), (c) => c.charCodeAt(0));
    const { instance } = await WebAssembly.instantiate(bytes, {});
    return createWasmBackendFrom(instance.exports as unknown as WasmKernels, false, { maxMemoryBytes });
  }

  test('dispose frees a block that the next allocation of that size reuses; disposed storage is unusable', async () => {
    const b = await fresh();
    const h = b.fromArray([1, 2, 3], 'float32') as WasmStorage;
    const ptr = h.ptr;
    const before = b.memoryStats();
    b.dispose(h);
    expect(b.memoryStats().bytesInUse).toBeLessThan(before.bytesInUse);
    const h2 = b.fromArray([4, 5, 6], 'float32') as WasmStorage;
    expect(h2.ptr).toBe(ptr);
    expect(b.memoryStats().bytesInUse).toBe(before.bytesInUse);
    expect(() => b.read(h, 'float32')).toThrow(/disposed/);
    b.dispose(h); // twice is harmless
    expect(Array.from(b.read(h2, 'float32'))).toEqual([4, 5, 6]);
  });

  test('views stay correct across memory growth (re-created after memory.grow detaches them)', async () => {
    const b = await fresh();
    withBackend(b as Backend, () => {
      const x = tensor([1, 2, 3, 4]);
      const view = b.read(x.storage as WasmStorage, 'float32');
      expect(b.read(x.storage as WasmStorage, 'float32')).toBe(view); // stable while memory does not grow
      const grownFrom = b.memoryStats().memoryBytes;
      const big = randn([1024, 1024], 1); // 4 MB: linear memory grows
      expect(b.memoryStats().memoryBytes).toBeGreaterThan(grownFrom);
      expect(view.length).toBe(0); // the old view was detached by the growth...
      expect(Array.from(x.data())).toEqual([1, 2, 3, 4]); // ...but reads make new ones
      expect(x.add(1).sum().item()).toBe(14);
      expect(big.size).toBe(1 << 20);
    });
  });

  test('garbage-collected tensors return their blocks (FinalizationRegistry), so a training loop reuses memory', async () => {
    const gc = (globalThis as { gc?: () => void }).gc!;
    const b = await fresh();
    const step = () =>
      withBackend(b as Backend, () => {
        const x = randn([64, 64], 1, { requiresGrad: true });
        x.matmul(x).relu().sum().backward();
      });
    const round = async () => {
      for (let i = 0; i < 20; i++) step();
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((r) => setTimeout(r, 0)); // finalizers run between tasks
      }
    };
    await round();
    const after1 = b.memoryStats();
    expect(after1.bytesFree).toBeGreaterThan(0);
    for (let r = 0; r < 5; r++) await round();
    expect(b.memoryStats().memoryBytes).toBe(after1.memoryBytes); // reused, not grown
  });

  test('past maxMemoryBytes new storage goes to JavaScript arrays and every kernel still works on it', async () => {
    const b = await fresh(1); // every tensor is over the cap
    const [ref, got] = [js, b as Backend].map((backend) =>
      withBackend(backend, () => {
        const rng = new Rng(3);
        const x = randn([9, 20], rng, { requiresGrad: true });
        const w = randn([20, 4], rng, { requiresGrad: true });
        const y = x.matmul(w).add(randn([4], rng)).relu();
        y.logSoftmax().sum(0).max().backward();
        return [y.data(), x.grad!.data(), w.grad!.data(), where(y.gt(0), y, y.neg()).sum(1).data()];
      }),
    );
    expectNear(ref, got, 1e-5);
    expect(b.memoryStats().spilled).toBeGreaterThan(0);
    expect(b.memoryStats().bytesInUse).toBeLessThan(1 << 20); // only the pack buffers
  });
});

describe('wasm backend: parameters as optimizers use them', () => {
  test('zeroing gradients through the setter (p.grad = p.grad.fill(0)) survives memory growth during a training loop', () => {
    withBackend(wasm as Backend, () => {
      const model = new Sequential(new Linear(784, 128, { rng: 1 }), new ReLU(), new Linear(128, 10, { rng: 2 }));
      const params = model.parameters();
      for (let i = 0; i < 20; i++) {
        const loss = model.forward(randn([256, 784], i)).square().mean();
        for (const p of params) if (p.grad) p.grad = p.grad.fill(0); // what Optimizer.zeroGrad does
        loss.backward();
        for (const p of params) {
          const v = p.value;
          const g = p.grad!;
          for (let j = 0; j < v.length; j++) v[j] -= 1e-3 * g[j];
        }
      }
      expect(params.every((p) => p.value.every(Number.isFinite))).toBe(true);
      const a = new Parameter('a', tensor([1, 2, 3], { requiresGrad: true }));
      a.grad = new Float32Array([7, 8, 9]);
      a.grad = a.grad.fill(1);
      expect(Array.from(a.grad)).toEqual([1, 1, 1]);
    });
  });
});

describe('wasm backend: build', () => {
  test('the committed src/backends/wasm-binary.ts matches a fresh compile of assembly/index.ts', async () => {
    const { generate } = await import('../../scripts/build-wasm.mjs');
    const { readFileSync } = await import('node:fs');
    const committed = readFileSync(new URL('./wasm-binary.ts', import.meta.url), 'utf8');
    expect(await generate()).toBe(committed);
  }, 60_000);
});
