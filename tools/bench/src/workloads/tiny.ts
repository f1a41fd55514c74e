/**
 * Per-op overhead: `add` of two float32 tensors of shape [4], in µs per op (lower is better).
 * Each timed call runs 10,000 adds; the result is what one add costs including its allocation.
 */
import { add, tensor, withBackend, type Backend, type Tensor } from '@lab/tensor';
import { timeIt } from '../harness';
import { runPython, type PyTiming } from '../python';
import { tf, useTf } from '../tfjs';
import type { Tensor as TfTensor } from '@tensorflow/tfjs-core';
import { fmtRatio, type Check, type Impl } from '../report';
import { describeHotspots, profile } from '../profile';
import { jsBackend } from '@lab/tensor';
import { errorText, failed, missing, release, type Context, type Workload } from './context';

export const A4 = [1, 2, 3, 4];
export const B4 = [0.5, 0.25, 0.125, 0.0625];

export function labTinyAdd(backend: Backend): () => Tensor {
  const [a, b] = withBackend(backend, () => [tensor(A4), tensor(B4)]);
  return () => add(a, b);
}

export function tfTinyAdd(): { run: () => TfTensor; dispose: () => void } {
  const a = tf.tensor1d(A4);
  const b = tf.tensor1d(B4);
  return { run: () => tf.add(a, b), dispose: () => tf.dispose([a, b]) };
}

export const tinyWorkload: Workload = {
  id: 'tiny',
  title: 'an elementwise op on tiny tensors (add of two [4] tensors)',
  async run(ctx: Context) {
    const inner = ctx.quick ? 1000 : 10_000;
    const runs = ctx.quick ? 5 : 30;
    const warmup = ctx.quick ? 2 : 10;
    const us = (ms: number) => ms * 1e3;
    const impls: Impl[] = [];
    const checks: Check[] = [];
    const expected = A4.map((v, i) => Math.fround(v + B4[i]));
    for (const lab of ctx.labs) {
      if (!lab.backend) {
        impls.push(missing(lab.id, lab.name, true, `not available: ${lab.reason}`));
        continue;
      }
      try {
        const f = labTinyAdd(lab.backend);
        const got = Array.from(f().data());
        checks.push({ name: `${lab.name} result`, ok: got.every((v, i) => v === expected[i]), detail: `[${got.join(', ')}]` });
        const backend = lab.backend;
        const t = await timeIt(
          () => {
            for (let i = 0; i < inner; i++) release(backend, f());
          },
          { runs, warmup, inner },
        );
        impls.push({ id: lab.id, name: lab.name, lab: true, value: us(t.medianMs) });
        ctx.log(`  ${lab.name}: ${us(t.medianMs).toFixed(3)} µs`);
      } catch (e) {
        impls.push(failed(lab.id, lab.name, true, e));
      }
    }
    for (const peer of ctx.tf) {
      if (!peer.available) {
        impls.push(missing(peer.id, peer.name, false, peer.reason ?? 'not available'));
        continue;
      }
      try {
        await useTf(peer.backend);
        const f = tfTinyAdd();
        const t = await timeIt(
          () => {
            for (let i = 0; i < inner; i++) f.run().dispose();
          },
          { runs, warmup, inner },
        );
        f.dispose();
        impls.push({ id: peer.id, name: peer.name, lab: false, value: us(t.medianMs) });
        ctx.log(`  ${peer.name}: ${us(t.medianMs).toFixed(3)} µs`);
      } catch (e) {
        impls.push(failed(peer.id, peer.name, false, e));
      }
    }
    const torchName = 'PyTorch 1.13';
    if (ctx.python.available) {
      try {
        const r = await runPython<PyTiming>('torch_bench.py', ['tiny', '--inner', String(inner), '--runs', String(runs), '--warmup', String(warmup), '--threads', '1']);
        impls.push({ id: 'torch', name: torchName, lab: false, value: r.median_s * 1e6 });
        ctx.log(`  PyTorch: ${(r.median_s * 1e6).toFixed(3)} µs`);
      } catch (e) {
        impls.push(missing('torch', torchName, false, errorText(e)));
      }
    } else impls.push(missing('torch', torchName, false, `skipped: ${ctx.python.reason}`));

    // The floor: allocate a 4-element Float32Array and add into it, in plain JS.
    const a = Float32Array.from(A4);
    const b = Float32Array.from(B4);
    let sink: Float32Array = a;
    const floor = await timeIt(
      () => {
        for (let i = 0; i < inner; i++) {
          const o = new Float32Array(4);
          for (let j = 0; j < 4; j++) o[j] = a[j] + b[j];
          sink = o;
        }
      },
      { runs, warmup, inner },
    );
    void sink;
    const ours = impls.find((i) => i.id === 'lab-js')?.value ?? 0;
    const floorUs = us(floor.medianMs);
    const f = labTinyAdd(jsBackend);
    const hot = await profile(() => {
      for (let i = 0; i < inner; i++) f();
    }, ctx.quick ? 5 : 30);
    const limits = [
      `Allocating a 4-element Float32Array and adding into it costs ${floorUs.toFixed(3)} µs in plain JS here; lab's add on the JS backend costs ${ours.toFixed(3)} µs, ` +
        `so about ${Math.max(0, ours - floorUs).toFixed(3)} µs per op is the tensor layer around the arithmetic (checks, broadcasting, strided views, dispatch, the result Tensor).`,
      `Profile of lab's add on the JS backend (self time): ${describeHotspots(hot)}.`,
    ];
    const wasm = impls.find((i) => i.id === 'lab-wasm');
    const wasmBackend = ctx.labs.find((l) => l.id === 'lab-wasm')?.backend;
    if (wasm?.value && wasmBackend) {
      const g = labTinyAdd(wasmBackend);
      const hotWasm = await profile(() => {
        for (let i = 0; i < inner; i++) release(wasmBackend, g());
      }, ctx.quick ? 5 : 30);
      limits.push(`Profile of lab's add on the wasm backend (${fmtRatio(wasm.value / ours)} the JS backend's time): ${describeHotspots(hotWasm)}.`);
    }
    return [{
      id: 'tiny-add', title: this.title, unit: 'µs/op', better: 'lower', impls, checks, limits, notes: [],
      goals: [{ kind: 'absolute', text: '≤ 0.5 µs per op', target: 0.5 }],
    }];
  },
};
