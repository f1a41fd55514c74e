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
import { createWasmBackendFrom, type WasmBackend, type WasmKernels, type WasmOptimKernels } from './wasm';
import { OPTIM_WASM, RELAXED_SIMD_WASM, SIMD_WASM } from './wasm-binary';
import { rmspropPass } from '@lab/optimizers/rmsprop';
import { adamPass } from '@lab/optimizers/scale-by-adam';
import { sgdPass } from '@lab/optimizers/sgd';

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

/** A wasm backend on a fresh module instance (its own memory), optionally capped. */
async function fresh(maxMemoryBytes?: number) {
  const bytes = Uint8Array.from(atob(SIMD_WASM), (c) => c.charCodeAt(0));
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const k = instance.exports as unknown as WasmKernels;
  const optim = await WebAssembly.instantiate(Uint8Array.from(atob(OPTIM_WASM), (c) => c.charCodeAt(0)), { env: { memory: k.memory } });
  return createWasmBackendFrom(k, false, { maxMemoryBytes }, optim.instance.exports as unknown as WasmOptimKernels);
}

describe('wasm backend: memory', () => {

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

describe('wasm backend: fused optimizer steps (stepKernels)', () => {
  type Lists = Float32Array[];

  // The references are @lab/optimizers' own JavaScript passes (float64 intermediates).

  /** One optimizer family: how many state lists, and one step through the kernels / the reference. */
  interface Family {
    name: string;
    lists: number;
    kernel(b: WasmBackend, p: Float32Array, g: Float32Array, L: (Lists | undefined)[], i: number, t: number): boolean;
    ref(p: Float32Array, g: Float32Array, s: (Float32Array | undefined)[], t: number): void;
  }
  const adamFamily = (name: string, o: { lr: number; b1?: number; b2?: number; wd?: number; decoupled?: boolean; amsgrad?: boolean; maximize?: boolean; epsRoot?: number }): Family => {
    const { lr, b1 = 0.9, b2 = 0.999, wd = 0, decoupled = false, amsgrad = false, maximize = false, epsRoot = 0 } = o;
    const s = (t: number) => [b1, b2, maximize ? -1 : 1, decoupled ? 0 : wd, decoupled ? 1 - lr * wd : 1, -lr / (1 - b1 ** t), 1 / (1 - b2 ** t), epsRoot, epsRoot ? 0 : 1e-8] as const;
    return {
      name,
      lists: amsgrad ? 3 : 2,
      kernel: (b, p, g, L, i, t) => b.stepKernels.adam(p, g, L[0]!, L[1]!, L[2], i, ...s(t)),
      ref: (p, g, st, t) => adamPass(p, g, st[0]!, st[1]!, st[2], ...s(t)),
    };
  };
  const sgdFamily = (name: string, o: { lr: number; momentum?: number; dampening?: number; wd?: number; nesterov?: boolean; maximize?: boolean; inside?: boolean }): Family => {
    const { lr, momentum = 0, dampening = 0, wd = 0, nesterov = false, maximize = false, inside = false } = o;
    const s = [inside ? -lr : 1, inside ? 1 : -lr, maximize ? -1 : 1, wd, momentum, 1 - dampening] as const;
    return {
      name,
      lists: momentum ? 1 : 0,
      kernel: (b, p, g, L, i, t) => b.stepKernels.sgd(p, g, L[0], i, ...s, t === 1, nesterov),
      ref: (p, g, st, t) => sgdPass(p, g, st[0], ...s, t === 1, nesterov),
    };
  };
  const rmspropFamily = (name: string, o: { lr: number; alpha?: number; momentum?: number; wd?: number; maximize?: boolean }): Family => {
    const { lr, alpha = 0.99, momentum = 0, wd = 0, maximize = false } = o;
    const s = [alpha, -lr, maximize ? -1 : 1, wd, momentum, 0, 1e-8] as const;
    return {
      name,
      lists: momentum ? 2 : 1,
      kernel: (b, p, g, L, i, t) => b.stepKernels.rmsprop(p, g, L[0]!, L[1], i, ...s, t === 1),
      ref: (p, g, st, t) => rmspropPass(p, g, st[0]!, st[1], ...s, t === 1),
    };
  };
  const families: Family[] = [
    adamFamily('adam', { lr: 0.01 }),
    adamFamily('adam, L2 weight decay, maximize', { lr: 0.01, wd: 0.1, maximize: true }),
    adamFamily('adam, eps inside the root', { lr: 0.01, b2: 0.99, epsRoot: 1e-6 }),
    adamFamily('adamw', { lr: 0.01, wd: 0.05, decoupled: true }),
    adamFamily('amsgrad', { lr: 0.02, amsgrad: true }),
    adamFamily('adamw, amsgrad, maximize', { lr: 0.01, wd: 0.1, decoupled: true, amsgrad: true, maximize: true }),
    sgdFamily('sgd', { lr: 0.05 }),
    sgdFamily('sgd, weight decay, maximize', { lr: 0.05, wd: 0.01, maximize: true }),
    sgdFamily('sgd momentum', { lr: 0.05, momentum: 0.9 }),
    sgdFamily('sgd momentum, dampening, weight decay', { lr: 0.05, momentum: 0.9, dampening: 0.3, wd: 1e-3 }),
    sgdFamily('sgd nesterov', { lr: 0.05, momentum: 0.9, nesterov: true }),
    sgdFamily('sgd lr inside the momentum', { lr: 0.05, momentum: 0.8, inside: true }),
    rmspropFamily('rmsprop', { lr: 0.01 }),
    rmspropFamily('rmsprop, momentum, weight decay, maximize', { lr: 0.01, momentum: 0.9, wd: 0.01, maximize: true }),
  ];
  const SIZES = [1, 3, 4, 5, 17, 64, 131];

  /** Agreement within float32 rounding of the intermediates, relative to max(1, |reference|). */
  function close(got: ArrayLike<number>, want: ArrayLike<number>, rtol: number, what: string): void {
    expect(got.length, what).toBe(want.length);
    for (let j = 0; j < want.length; j++) if (!(Math.abs(got[j] - want[j]) <= rtol * Math.max(1, Math.abs(want[j])))) expect([what, j, got[j]]).toEqual([what, j, want[j]]);
  }

  /** Parameters on `b` (their views), the reference's copies, and gradient data for `steps` steps. */
  function setup(b: WasmBackend, seed: number, fam: Family, sizes = SIZES) {
    const rng = new Rng(seed);
    const handles = sizes.map((n) => b.fromArray(Float32Array.from({ length: n }, () => rng.normal()), 'float32') as WasmStorage);
    const gh = sizes.map((n) => b.full(n, 0, 'float32') as WasmStorage);
    const ref = handles.map((h) => b.read(h, 'float32').slice() as Float32Array);
    const lists: Lists[] = Array.from({ length: fam.lists }, () => sizes.map((n) => new Float32Array(n)));
    const refState = Array.from({ length: fam.lists }, () => sizes.map((n) => new Float32Array(n)));
    const fill = () =>
      sizes.forEach((n, i) => {
        const g = b.read(gh[i], 'float32');
        for (let j = 0; j < n; j++) g[j] = rng.normal() * (j % 3 === 0 ? 10 : 0.1) + ref[i][j];
      });
    const step = (t: number, P = (i: number) => b.read(handles[i], 'float32') as Float32Array, G = (i: number) => b.read(gh[i], 'float32') as Float32Array) => {
      fill();
      const L = [0, 1, 2].map((q) => lists[q]);
      sizes.forEach((_, i) => {
        const g = (b.read(gh[i], 'float32') as Float32Array).slice();
        expect(fam.kernel(b, P(i), G(i), L, i, t)).toBe(true);
        fam.ref(ref[i], g, [0, 1, 2].map((q) => refState[q]?.[i]), t);
      });
    };
    const check = (rtol: number) => {
      handles.forEach((h, i) => close(b.read(h, 'float32'), ref[i], rtol, `${fam.name}: θ[${i}]`));
      lists.forEach((l, q) => l.forEach((x, i) => close(x, refState[q][i], rtol, `${fam.name}: state ${q}[${i}]`)));
    };
    return { handles, gh, lists, step, check };
  }

  test.each(families.map((f) => [f.name, f] as const))('%s: the SIMD kernel agrees with the JavaScript pass over 40 steps (odd lengths: the scalar tail)', async (_, fam) => {
    const b = await fresh();
    const { lists, step, check } = setup(b, 7, fam);
    for (let t = 1; t <= 40; t++) step(t);
    check(2e-5);
    // the state lives in linear memory now: its arrays are views of it
    const buffer = b.read(b.fromArray([0], 'float32'), 'float32').buffer;
    for (const l of lists) for (const x of l) expect(x.buffer).toBe(buffer);
    expect(b.memoryStats().stateArrays).toBe(fam.lists * SIZES.length);
  });

  test('the optimizer-steps module imports only the memory; a backend made without it declines every step', async () => {
    const bytes = Uint8Array.from(atob(OPTIM_WASM), (c) => c.charCodeAt(0));
    expect(WebAssembly.Module.imports(new WebAssembly.Module(bytes))).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const { instance } = await WebAssembly.instantiate(Uint8Array.from(atob(SIMD_WASM), (c) => c.charCodeAt(0)), {});
    const bare = createWasmBackendFrom(instance.exports as unknown as WasmKernels, false);
    const p = bare.read(bare.fromArray([1, 2, 3], 'float32'), 'float32');
    const M = [new Float32Array(3)];
    expect(bare.stepKernels.adam(p, p.slice(), M, [new Float32Array(3)], undefined, 0, 0.9, 0.999, 1, 0, 1, -0.1, 1000, 0, 1e-8)).toBe(false);
    expect(bare.stepKernels.finite([p])).toBeUndefined();
    expect(bare.memoryStats().stateArrays).toBe(0);
    expect(Array.from(p)).toEqual([1, 2, 3]);
  });

  test('finite: a SIMD scan over arrays in linear memory finds NaN and ±Infinity anywhere (body or tail); undefined for other arrays', async () => {
    const b = await fresh();
    for (const n of [1, 3, 16, 17, 100, 1001]) {
      const h = b.fromArray(Float32Array.from({ length: n }, (_, j) => j - n / 2), 'float32');
      const other = b.read(b.full(5, 1, 'float32'), 'float32');
      expect(b.stepKernels.finite([b.read(h, 'float32'), other])).toBe(true);
      for (const bad of [NaN, Infinity, -Infinity])
        for (const at of new Set([0, n >> 1, n - 1])) {
          const x = b.read(h, 'float32');
          const keep = x[at];
          x[at] = bad;
          expect(b.stepKernels.finite([b.read(b.full(3, 0, 'float32'), 'float32'), b.read(h, 'float32')])).toBe(false);
          b.read(h, 'float32')[at] = keep;
        }
    }
    expect(b.stepKernels.finite([Float32Array.of(1, NaN)])).toBeUndefined();
    expect(b.stepKernels.finite([Float64Array.of(1)])).toBeUndefined();
    expect(b.stepKernels.finite([])).toBe(true);
  });

  test('state survives memory growth: the lists get fresh views at once, never a detached array', async () => {
    const b = await fresh();
    const fam = families[5]; // adamw + amsgrad: three lists
    const { lists, step, check } = setup(b, 11, fam);
    for (let t = 1; t <= 12; t++) {
      step(t);
      const { memoryBytes: before, bytesInUse, bytesFree } = b.memoryStats();
      b.full(((before - bytesInUse - bytesFree) >> 2) + 1000, 1, 'float32'); // more than is left: memory grows
      expect(b.memoryStats().memoryBytes).toBeGreaterThan(before);
      for (const l of lists) l.forEach((x, i) => expect(x.length).toBe(SIZES[i]));
    }
    check(2e-5);
  });

  test('a parameter view detached by growth earlier in the step (the caller took it before) is still found and updated', async () => {
    const b = await fresh();
    const fam = families[0];
    const { handles, gh, step, check } = setup(b, 5, fam, [300_000, 7, 1]); // homing the state grows memory
    const views = handles.map((h) => b.read(h, 'float32') as Float32Array);
    const grads = gh.map((h) => b.read(h, 'float32') as Float32Array);
    step(1, (i) => views[i], (i) => grads[i]); // the first step homes the state: memory grows under the views
    expect(views.map((v) => v.length)).toEqual([0, 0, 0]);
    for (let t = 2; t <= 5; t++) step(t);
    check(2e-5);
  });

  test('a gradient outside linear memory is copied in; float64, plain arrays and spilled storage fall back (false, nothing moved)', async () => {
    const b = await fresh();
    const p = b.read(b.fromArray([1, 2, 3, 4, 5], 'float32'), 'float32') as Float32Array;
    const M = [new Float32Array(5)];
    const V = [new Float32Array(5)];
    const s = [0.9, 0.999, 1, 0, 1, -0.01 / 0.1, 1 / 0.001, 0, 1e-8] as const;
    const want = p.slice();
    const [m, v] = [new Float32Array(5), new Float32Array(5)];
    adamPass(want, Float32Array.of(1, -1, 2, -2, 0.5), m, v, undefined, ...s);
    expect(b.stepKernels.adam(p, Float32Array.of(1, -1, 2, -2, 0.5), M, V, undefined, 0, ...s)).toBe(true);
    close(p, want, 1e-6, 'θ');
    close(M[0], m, 1e-6, 'm');

    const stats = b.memoryStats();
    const M2 = [new Float32Array(3)];
    const V2 = [new Float32Array(3)];
    const [m2, v2] = [M2[0], V2[0]];
    expect(b.stepKernels.adam(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 1), M2, V2, undefined, 0, ...s)).toBe(false);
    expect(b.stepKernels.adam(Float32Array.of(1, 2, 3), Float32Array.of(1, 1, 1), M2, V2, undefined, 0, ...s)).toBe(false);
    expect(b.stepKernels.sgd(Float32Array.of(1, 2, 3), Float32Array.of(1, 1, 1), undefined, 0, 1, -0.1, 1, 0, 0, 1, true, false)).toBe(false);
    expect(b.stepKernels.rmsprop(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 1), V2, undefined, 0, 0.99, -0.01, 1, 0, 0, 0, 1e-8, true)).toBe(false);
    expect([M2[0], V2[0]]).toEqual([m2, v2]);
    expect(M2[0]).toBe(m2); // not moved
    expect(b.memoryStats().stateArrays).toBe(stats.stateArrays);
    // a gradient of another length: false
    expect(b.stepKernels.adam(p, new Float32Array(4), M, V, undefined, 0, ...s)).toBe(false);

    const spill = await fresh(1); // every tensor over the cap: storage in JavaScript arrays
    const q = spill.read(spill.fromArray([1, 2, 3], 'float32'), 'float32') as Float32Array;
    expect(spill.stepKernels.adam(q, Float32Array.of(1, 1, 1), M2, V2, undefined, 0, ...s)).toBe(false);
    expect(spill.memoryStats().stateArrays).toBe(0);
  });

  test('whole blocks only: neighbouring tensors are untouched by the rounded-up vectors; a view into part of a storage is declined', async () => {
    const b = await fresh();
    const s = [0.9, 0.999, 1, 0, 1, -0.1, 1000, 0, 1e-8] as const;
    for (const n of [1, 2, 3, 5, 7]) {
      const before = b.fromArray([11, 12, 13], 'float32');
      const h = b.fromArray(Float32Array.from({ length: n }, (_, j) => j + 1), 'float32');
      const after = b.fromArray([21, 22, 23], 'float32');
      const g = b.read(b.full(n, 0.5, 'float32'), 'float32');
      const M = [new Float32Array(n)];
      const V = [new Float32Array(n)];
      const want = Float32Array.from({ length: n }, (_, j) => j + 1);
      adamPass(want, g.slice() as Float32Array, new Float32Array(n), new Float32Array(n), undefined, ...s);
      expect(b.stepKernels.adam(b.read(h, 'float32'), g, M, V, undefined, 0, ...s)).toBe(true);
      close(b.read(h, 'float32'), want, 1e-6, `θ (n = ${n})`);
      expect(Array.from(b.read(before, 'float32'))).toEqual([11, 12, 13]);
      expect(Array.from(b.read(after, 'float32'))).toEqual([21, 22, 23]);
      expect(Array.from(M[0])).toEqual(Array.from({ length: n }, () => Math.fround(0.1 * 0.5)));
    }
    const whole = b.read(b.fromArray([1, 2, 3, 4, 5, 6, 7, 8], 'float32'), 'float32') as Float32Array;
    const part = whole.subarray(2, 5);
    expect(b.stepKernels.sgd(part, Float32Array.of(1, 1, 1), undefined, 0, 1, -0.1, 1, 0, 0, 1, true, false)).toBe(false);
    expect(b.stepKernels.finite([part])).toBeUndefined();
    expect(Array.from(whole)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('memory cap: when the state does not fit, nothing is moved and the kernel declines', async () => {
    const capped = await fresh((await fresh()).memoryStats().memoryBytes + 1_000_000);
    const n = 100_000; // θ and g (800 kB) fit under the cap, their Adam state (another 800 kB) does not
    const h = capped.fromArray(new Float32Array(n).fill(1), 'float32');
    const g = capped.read(capped.full(n, 0.5, 'float32'), 'float32') as Float32Array;
    const p = capped.read(h, 'float32') as Float32Array; // a live view (a stale one would force the move: see above)
    const s = [0.9, 0.999, 1, 0, 1, -0.01, 1, 0, 1e-8] as const;
    const [M, V] = [[new Float32Array(n)], [new Float32Array(n)]];
    const [m, v] = [M[0], V[0]];
    expect(capped.stepKernels.adam(p, g, M, V, undefined, 0, ...s)).toBe(false);
    expect(M[0]).toBe(m);
    expect(V[0]).toBe(v);
    expect(capped.memoryStats().stateArrays).toBe(0);
    expect(p[0]).toBe(1);
    // a small parameter still fits
    const q = capped.read(capped.fromArray(new Float32Array(1000).fill(1), 'float32'), 'float32') as Float32Array;
    const want = q.slice();
    adamPass(want, q.slice(), new Float32Array(1000), new Float32Array(1000), undefined, ...s);
    expect(capped.stepKernels.adam(q, q.slice(), [new Float32Array(1000)], [new Float32Array(1000)], undefined, 0, ...s)).toBe(true);
    close(q, want, 1e-6, 'θ');
  });

  test('a home whose list slot was replaced (state loaded) or whose list is gone is freed and its memory reused', async () => {
    const gc = (globalThis as { gc?: () => void }).gc!;
    const b = await fresh();
    const n = 4096;
    const p = () => b.read(h, 'float32') as Float32Array;
    const h = b.fromArray(new Float32Array(n).fill(1), 'float32');
    const g = b.read(b.full(n, 0.5, 'float32'), 'float32') as Float32Array;
    const s = [0.9, 0.999, 1, 0, 1, -0.01, 1, 0, 1e-8] as const;
    let M = [new Float32Array(n)];
    let V = [new Float32Array(n)];
    expect(b.stepKernels.adam(p(), g, M, V, undefined, 0, ...s)).toBe(true);
    const homed = b.memoryStats();
    expect(homed.stateArrays).toBe(2);
    // loadStateDict puts new arrays into the lists: the old homes are freed and the new state reuses them
    M[0] = new Float32Array(n).fill(0.25);
    V[0] = new Float32Array(n).fill(0.5);
    expect(b.stepKernels.adam(p(), g, M, V, undefined, 0, ...s)).toBe(true);
    expect(b.memoryStats()).toMatchObject({ stateArrays: 2, bytesInUse: homed.bytesInUse, memoryBytes: homed.memoryBytes });
    expect(M[0][0]).toBeCloseTo(0.9 * 0.25 + 0.1 * 0.5, 6);
    // the optimizer (its lists) is gone: after a collection the next homing frees them first
    M = [new Float32Array(n)];
    V = [new Float32Array(n)];
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(b.stepKernels.adam(p(), g, M, V, undefined, 0, ...s)).toBe(true);
    expect(b.memoryStats()).toMatchObject({ stateArrays: 2, bytesInUse: homed.bytesInUse, memoryBytes: homed.memoryBytes });
  });

  test('a list taken over by another list (a merged state) keeps its home, re-bound to the new list', async () => {
    const b = await fresh();
    const n = 10;
    const h = b.fromArray(new Float32Array(n).fill(1), 'float32');
    const g = b.read(b.full(n, 0.5, 'float32'), 'float32') as Float32Array;
    const B = [new Float32Array(n)];
    expect(b.stepKernels.sgd(b.read(h, 'float32'), g, B, 0, 1, -0.1, 1, 0, 0.9, 1, true, false)).toBe(true);
    const B2 = B.slice();
    B[0] = new Float32Array(n); // the old list moves on; B2 holds the home now
    expect(b.stepKernels.sgd(b.read(h, 'float32'), g, B2, 0, 1, -0.1, 1, 0, 0.9, 1, false, false)).toBe(true);
    const { memoryBytes, bytesInUse, bytesFree } = b.memoryStats();
    b.full(((memoryBytes - bytesInUse - bytesFree) >> 2) + 10, 0, 'float32'); // growth: B2 gets a fresh view
    expect(b.memoryStats().memoryBytes).toBeGreaterThan(memoryBytes);
    expect(B2[0].length).toBe(n);
    expect(B2[0][0]).toBeCloseTo(0.9 * 0.5 + 0.5, 6);
    expect(b.memoryStats().stateArrays).toBe(1);
  });
});
