/**
 * The wasm backend's fused optimizer steps (`backend.stepKernels`) through the real `Optimizer`
 * facade: the same parameters and state as the JavaScript fused step within float32 rounding, across
 * memory growth, loadStateDict and fallbacks; and `fit` on the wasm backend uses them.
 */
import { Rng } from '@lab/core';
import { adam, adamw, amsgrad, Optimizer, rmsprop, sgd, type GradientTransformation, type OptimizerStateDict, type ParameterLike } from '@lab/optimizers';
import { Parameter, setBackend, tensor, withBackend, type Backend } from '@lab/tensor';
import { createWasmBackend, type WasmBackend } from '@lab/tensor/wasm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createModel } from './models';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { digitsSplit } from './test-utils';

const SIZES = [1, 5, 33, 130];

const configs: [string, () => GradientTransformation][] = [
  ['adam', () => adam({ lr: 0.01 })],
  ['adam, L2 weight decay, maximize', () => adam({ lr: 0.01, weightDecay: 0.1, maximize: true })],
  ['adam, eps inside the root', () => adam({ lr: 0.01, epsInsideSqrt: true, eps: 1e-6 })],
  ['adam with lr and b1 schedules', () => adam({ lr: (t) => 0.01 / (1 + t), b1: (t) => (t < 2 ? 0.5 : 0.9) })],
  ['amsgrad', () => amsgrad({ lr: 0.02 })],
  ['adamw', () => adamw({ lr: 0.01, weightDecay: 0.05 })],
  ['adamw, amsgrad, maximize', () => adamw({ lr: 0.01, weightDecay: 0.1, amsgrad: true, maximize: true })],
  ['sgd', () => sgd({ lr: 0.05 })],
  ['sgd, weight decay, maximize', () => sgd({ lr: 0.05, weightDecay: 0.01, maximize: true })],
  ['sgd momentum', () => sgd({ lr: 0.05, momentum: 0.9 })],
  ['sgd momentum, dampening, weight decay', () => sgd({ lr: 0.05, momentum: 0.9, dampening: 0.3, weightDecay: 1e-3 })],
  ['sgd nesterov', () => sgd({ lr: 0.05, momentum: 0.9, nesterov: true })],
  ['sgd lr inside the momentum, lr schedule', () => sgd({ lr: (t) => 0.1 * 0.9 ** t, momentum: 0.8, lrInsideMomentum: true })],
  ['rmsprop', () => rmsprop({ lr: 0.01 })],
  ['rmsprop momentum, weight decay, maximize', () => rmsprop({ lr: 0.01, momentum: 0.9, weightDecay: 0.01, maximize: true })],
  ['rmsprop, eps inside the root', () => rmsprop({ lr: 0.01, epsInsideSqrt: true, eps: 1e-4, alpha: 0.9 })],
];

let wasm: WasmBackend;
beforeEach(async () => {
  wasm = await createWasmBackend(); // a fresh memory per test
});

/** Parameters on the wasm backend (their `value`/`grad` are views of linear memory). */
function wasmParams(seed: number, sizes = SIZES, dtype: 'float32' | 'float64' = 'float32'): Parameter[] {
  const rng = new Rng(seed);
  return withBackend(wasm as Backend, () =>
    sizes.map((n, i) => new Parameter(`p${i}`, tensor(Float64Array.from({ length: n }, () => rng.normal()), { dtype, requiresGrad: true }))),
  );
}

/** Plain float32 parameters with the same values. */
function plainParams(ps: readonly ParameterLike[]): ParameterLike[] {
  return ps.map((p) => ({ name: p.name, value: p.value.slice(), grad: null }));
}

/** Every number of a stateDict, in a fixed order. */
function flat(d: OptimizerStateDict): number[] {
  const out: number[] = [];
  const walk = (x: unknown): void => {
    if (ArrayBuffer.isView(x)) out.push(...(x as Float32Array));
    else if (typeof x === 'number') out.push(x);
    else if (x && typeof x === 'object') Object.keys(x).sort().forEach((k) => walk((x as Record<string, unknown>)[k]));
  };
  walk(d);
  return out;
}

function close(got: ArrayLike<number>, want: ArrayLike<number>, rtol: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let j = 0; j < want.length; j++) if (!(Math.abs(got[j] - want[j]) <= rtol * Math.max(1, Math.abs(want[j])))) expect([what, j, got[j]]).toEqual([what, j, want[j]]);
}

/** Gradients for step t: the same values into both parameter lists (wasm ones through the setter). */
function setGrads(rng: Rng, a: readonly ParameterLike[], b: readonly ParameterLike[]): void {
  a.forEach((p, i) => {
    const g = Float32Array.from(p.value, (v, j) => rng.normal() * (j % 3 === 0 ? 10 : 0.1) + v);
    p.grad = g;
    b[i].grad = g.slice();
  });
}

/** Allocate enough float32 storage on the wasm backend that linear memory must grow. */
function growMemory(): void {
  const { memoryBytes, bytesInUse, bytesFree } = wasm.memoryStats();
  wasm.full(((memoryBytes - bytesInUse - bytesFree) >> 2) + 1024, 1, 'float32');
  expect(wasm.memoryStats().memoryBytes).toBeGreaterThan(memoryBytes);
}

describe('Optimizer with the wasm backend’s stepKernels', () => {
  it.each(configs)('%s: agrees with the JavaScript fused step over 25 steps, growing memory between steps', (_, make) => {
    const a = wasmParams(1);
    const b = plainParams(a);
    const opt = new Optimizer(a, make(), { kernels: wasm.stepKernels });
    const ref = new Optimizer(b, make());
    const homed = wasm.memoryStats().stateArrays;
    const rng = new Rng(2);
    for (let t = 0; t < 25; t++) {
      setGrads(rng, a, b);
      opt.step();
      ref.step();
      if (t % 6 === 0) growMemory();
    }
    a.forEach((p, i) => close(p.value, b[i].value, 2e-5, `θ of ${p.name}`));
    close(flat(opt.stateDict()), flat(ref.stateDict()), 2e-5, 'state');
    const arrays = JSON.stringify(ref.stateDict(), (_, v) => (ArrayBuffer.isView(v) ? 'ARRAY' : v)).includes('ARRAY');
    if (arrays) expect(wasm.memoryStats().stateArrays).toBeGreaterThan(homed); // it moved into linear memory
  });

  it('the state lists always hold live views of linear memory, also right after growth', () => {
    const a = wasmParams(3);
    const opt = new Optimizer(a, adam({ lr: 0.01, amsgrad: true }), { kernels: wasm.stepKernels });
    const rng = new Rng(4);
    for (let t = 0; t < 4; t++) {
      setGrads(rng, a, plainParams(a));
      opt.step();
      growMemory();
      const parts = opt.groups[0].state as Record<string, Float32Array[] | number>[];
      const lists = parts.flatMap((s) => Object.values(s).filter(Array.isArray)) as Float32Array[][];
      expect(lists).toHaveLength(3);
      for (const list of lists) list.forEach((x, i) => expect(x.length).toBe(SIZES[i]));
    }
  });

  it('loadStateDict, then steps: the loaded state moves in and the result matches the JavaScript path', () => {
    const a = wasmParams(5);
    const b = plainParams(a);
    const opt = new Optimizer(a, adamw({ lr: 0.02 }), { kernels: wasm.stepKernels });
    const ref = new Optimizer(b, adamw({ lr: 0.02 }));
    const rng = new Rng(6);
    for (let t = 0; t < 3; t++) {
      setGrads(rng, a, b);
      opt.step();
      ref.step();
    }
    const saved = ref.stateDict();
    const before = wasm.memoryStats().stateArrays;
    opt.loadStateDict(saved);
    for (let t = 0; t < 4; t++) {
      setGrads(rng, a, b);
      opt.step();
      ref.step();
      growMemory();
    }
    a.forEach((p, i) => close(p.value, b[i].value, 2e-5, `θ of ${p.name}`));
    close(flat(opt.stateDict()), flat(ref.stateDict()), 2e-5, 'state');
    expect(wasm.memoryStats().stateArrays).toBeLessThanOrEqual(before + 2 * SIZES.length); // the replaced homes were freed
  });

  it('a step where some parameter has no gradient takes the plain path and the kernels pick up again after', () => {
    const a = wasmParams(7);
    const b = plainParams(a);
    const opt = new Optimizer(a, sgd({ lr: 0.1, momentum: 0.9 }), { kernels: wasm.stepKernels });
    const ref = new Optimizer(b, sgd({ lr: 0.1, momentum: 0.9 }));
    const rng = new Rng(8);
    for (let t = 0; t < 6; t++) {
      setGrads(rng, a, b);
      if (t === 2) [a[1], b[1]].forEach((p) => (p.grad = null));
      opt.step();
      ref.step();
      growMemory();
    }
    a.forEach((p, i) => close(p.value, b[i].value, 2e-5, `θ of ${p.name}`));
    close(flat(opt.stateDict()), flat(ref.stateDict()), 2e-5, 'state');
  });

  it('float64 parameters and plain JavaScript arrays fall back to the JavaScript pass (same results, nothing moved)', () => {
    for (const ps of [wasmParams(9, SIZES, 'float64'), plainParams(wasmParams(9))]) {
      const q = plainParams(ps);
      const opt = new Optimizer(ps, adam({ lr: 0.01 }), { kernels: wasm.stepKernels });
      const ref = new Optimizer(q, adam({ lr: 0.01 }));
      const homed = wasm.memoryStats().stateArrays;
      const rng = new Rng(10);
      for (let t = 0; t < 5; t++) {
        ps.forEach((p, i) => {
          const g = p.value.map((v) => rng.normal() + v);
          p.grad = g;
          q[i].grad = g.slice();
        });
        opt.step();
        ref.step();
      }
      ps.forEach((p, i) => expect(Array.from(p.value)).toEqual(Array.from(q[i].value)));
      expect(wasm.memoryStats().stateArrays).toBe(homed);
    }
  });

  it('a non-finite gradient in linear memory throws NonFiniteError naming it and changes nothing', () => {
    const a = wasmParams(11);
    const opt = new Optimizer(a, adam({ lr: 0.01 }), { kernels: wasm.stepKernels });
    setGrads(new Rng(12), a, plainParams(a));
    opt.step();
    const before = a.map((p) => Array.from(p.value));
    const state = flat(opt.stateDict());
    setGrads(new Rng(13), a, plainParams(a));
    a[2].grad![17] = Infinity;
    expect(() => opt.step()).toThrow(/grads\[2\]\[17\] is Infinity/);
    expect(a.map((p) => Array.from(p.value))).toEqual(before);
    expect(flat(opt.stateDict())).toEqual(state);
  });
});

describe('fit on the wasm backend', () => {
  it('uses the fused wasm steps and follows the JavaScript backend’s loss path (softmax regression, digits)', async () => {
    const { train, test } = digitsSplit();
    const run = async (backend: Backend | null) => {
      const prev = backend ? setBackend(backend) : null;
      try {
        const model = createModel({ type: 'mlp', hidden: [32], activation: 'relu' }, { nFeatures: 64, nOutputs: 10, seed: 0 });
        const r = await fit({ model, train, optimizer: { type: 'adam', lr: 1e-2 }, batchSize: 32, epochs: 3, seed: 0 });
        return { loss: r.history.loss, accuracy: evaluate(model, test).accuracy };
      } finally {
        if (prev) setBackend(prev);
      }
    };
    const homed = wasm.memoryStats().stateArrays;
    const onWasm = await run(wasm as Backend);
    expect(wasm.memoryStats().stateArrays).toBeGreaterThanOrEqual(homed + 8); // m and v of 4 parameters moved in
    const onJs = await run(null);
    expect(onWasm.loss).toHaveLength(onJs.loss.length);
    onWasm.loss.forEach((l, i) => expect(Math.abs(l - onJs.loss[i])).toBeLessThanOrEqual(0.02 * Math.max(1, onJs.loss[i])));
    expect(Math.abs(onWasm.accuracy! - onJs.accuracy!)).toBeLessThanOrEqual(0.02);
    expect(onWasm.accuracy).toBeGreaterThanOrEqual(0.93);
  }, 60_000);

  it('a training step on the wasm backend reuses the same memory: no growth from epoch to epoch', async () => {
    const { train } = digitsSplit();
    const prev = setBackend(wasm as Backend);
    try {
      const model = createModel({ type: 'mlp', hidden: [32], activation: 'relu' }, { nFeatures: 64, nOutputs: 10, seed: 0 });
      const stats: { blocks: number; memoryBytes: number }[] = [];
      await fit({ model, train, optimizer: { type: 'adam', lr: 1e-2 }, batchSize: 32, epochs: 5, seed: 0, onEvent: (e) => void (e.type === 'epoch' && stats.push(wasm.memoryStats())) });
      // The model's construction temporaries are released by the garbage collector, whenever it
      // runs (often during epoch 1, sometimes later), so the counts may still drop; they must never
      // grow. A step that kept one block alive would add 41 blocks (one per step) every epoch.
      expect(stats).toHaveLength(5);
      for (let e = 2; e < stats.length; e++) {
        expect(stats[e].blocks).toBeLessThanOrEqual(stats[e - 1].blocks);
        expect(stats[e].memoryBytes).toBeLessThanOrEqual(stats[e - 1].memoryBytes);
      }
    } finally {
      setBackend(prev);
    }
  }, 60_000);
});
