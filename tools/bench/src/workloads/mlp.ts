/**
 * Training an MLP 784-128-10 (ReLU, cross-entropy, Adam lr 1e-3) on random "pixels" in [0, 1) with
 * random labels: samples/s = batch / (median seconds per step). Same data, same initial weights and
 * the same batches in every framework; a step is zero-grad, forward, loss, backward, Adam step (on the
 * wasm backend through its fused SIMD step kernels).
 */
import { Linear, ReLU, Sequential, matmul, noGrad, tensor, tidy, withBackend, type Backend } from '@lab/tensor';
import { enableMatmulThreads } from '@lab/tensor/threads';
import type { WasmBackend } from '@lab/tensor/wasm';
import { crossEntropy } from '@lab/losses';
import { Optimizer, adam } from '@lab/optimizers';
import { ints, uniform } from '../data';
import { timeIt } from '../harness';
import { runPython, type PyTiming } from '../python';
import { tf, useTf } from '../tfjs';
import type { Scalar, Tensor as TfTensor } from '@tensorflow/tfjs-core';
import type { Check, Impl, WorkloadResult } from '../report';
import { describeHotspots, profile } from '../profile';
import { errorText, failed, missing, relDiff, type Workload } from './context';
import { kernelsOf } from './adam';

export interface MlpInit {
  readonly w1: Float32Array; // [128, 784] (out × in, as torch.nn.Linear)
  readonly b1: Float32Array;
  readonly w2: Float32Array; // [10, 128]
  readonly b2: Float32Array;
}

export interface MlpData {
  readonly x: Float32Array; // [n, 784]
  readonly y: Int32Array; // [n]
  readonly n: number;
}

export const IN = 784;
export const HIDDEN = 128;
export const OUT = 10;

/** PyTorch's default Linear init: U(−1/√fanIn, 1/√fanIn) for weight and bias. */
export function mlpInit(seed: number): MlpInit {
  const u = (n: number, fanIn: number, s: number) => uniform(n, s, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn));
  return { w1: u(HIDDEN * IN, IN, seed), b1: u(HIDDEN, IN, seed + 1), w2: u(OUT * HIDDEN, HIDDEN, seed + 2), b2: u(OUT, HIDDEN, seed + 3) };
}

export function mlpData(n: number, seed: number): MlpData {
  return { x: uniform(n * IN, seed), y: ints(n, OUT, seed + 1), n };
}

/** Consecutive batches [i·batch, (i+1)·batch) covering the data (a remainder is dropped). */
export function batchRanges(n: number, batch: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + batch <= n; i += batch) out.push([i, i + batch]);
  return out;
}

export interface Trainer {
  /** Loss of batch 0 with the current weights (no training). */
  loss0(): number;
  /** One training step on the next batch (cycling). */
  step(): void;
  /** Only the optimizer step (on the gradients left by the last `step()`); lab only. */
  optimizerStep?: () => void;
  /** The current parameters, in torch layout and order (w1, b1, w2, b2). */
  params(): Float32Array[];
  dispose(): void;
}

export function labTrainer(backend: Backend, init: MlpInit, data: MlpData, batch: number): Trainer {
  return withBackend(backend, () => {
    const model = new Sequential(new Linear(IN, HIDDEN), new ReLU(), new Linear(HIDDEN, OUT));
    const ps = model.parameters();
    [init.w1, init.b1, init.w2, init.b2].forEach((v, i) => ps[i].value.set(v));
    const batches = batchRanges(data.n, batch).map(([s, e]) => ({
      x: tensor(data.x.subarray(s * IN, e * IN), { shape: [e - s, IN] }),
      y: data.y.slice(s, e),
    }));
    // the backend's fused optimizer steps where it has them (the wasm backend: SIMD, state in linear memory)
    const opt = new Optimizer(ps, adam({ lr: 1e-3 }), { kernels: kernelsOf(backend) });
    let k = 0;
    return {
      loss0: () => withBackend(backend, () => noGrad(() => crossEntropy(model.forward(batches[0].x), batches[0].y).item())),
      step: () =>
        withBackend(backend, () => {
          const b = batches[k++ % batches.length];
          // one tidy scope per step (as @lab/train does): the step's tensors are freed when it returns
          tidy(() => {
            opt.zeroGrad();
            crossEntropy(model.forward(b.x), b.y).backward();
            opt.step();
          });
        }),
      optimizerStep: () => withBackend(backend, () => opt.step()),
      params: () => ps.map((p) => Float32Array.from(p.value)),
      dispose: () => {},
    };
  });
}

/** The same model in tfjs-core (weights stored as [in, out], so x·W + b), on the current backend. */
export function tfTrainer(init: MlpInit, data: MlpData, batch: number): Trainer {
  const w1 = tf.variable(tf.tidy(() => tf.transpose(tf.tensor2d(init.w1, [HIDDEN, IN]))));
  const b1 = tf.variable(tf.tensor1d(init.b1));
  const w2 = tf.variable(tf.tidy(() => tf.transpose(tf.tensor2d(init.w2, [OUT, HIDDEN]))));
  const b2 = tf.variable(tf.tensor1d(init.b2));
  const vars = [w1, b1, w2, b2];
  const batches = batchRanges(data.n, batch).map(([s, e]) => ({
    x: tf.tensor2d(data.x.subarray(s * IN, e * IN), [e - s, IN]),
    y: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(data.y.slice(s, e), 'int32'), OUT), 'float32')),
  }));
  const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const lossOf = (x: TfTensor, y: TfTensor) => {
    const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
    return tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(h, w2), b2)) as Scalar;
  };
  let k = 0;
  return {
    loss0: () => tf.tidy(() => lossOf(batches[0].x, batches[0].y).dataSync()[0]),
    step: () => {
      const b = batches[k++ % batches.length];
      opt.minimize(() => lossOf(b.x, b.y), false, vars);
    },
    params: () =>
      tf.tidy(() => [
        tf.transpose(w1).dataSync() as Float32Array,
        b1.dataSync() as Float32Array,
        tf.transpose(w2).dataSync() as Float32Array,
        b2.dataSync() as Float32Array,
      ]).map((a) => Float32Array.from(a)),
    dispose: () => {
      opt.dispose();
      tf.dispose([...vars, ...batches.flatMap((b) => [b.x, b.y])]);
    },
  };
}

/** Time of the five matmuls of one step (forward 2, backward 3) on a lab backend, in ms. */
async function labMatmulShare(backend: Backend, batch: number, runs: number): Promise<number> {
  const r = (n: number, s: number) => uniform(n, s, -1, 1);
  const [x, w1, h, w2, dl, dh] = withBackend(backend, () => [
    tensor(r(batch * IN, 1), { shape: [batch, IN] }),
    tensor(r(HIDDEN * IN, 2), { shape: [HIDDEN, IN] }),
    tensor(r(batch * HIDDEN, 3), { shape: [batch, HIDDEN] }),
    tensor(r(OUT * HIDDEN, 4), { shape: [OUT, HIDDEN] }),
    tensor(r(batch * OUT, 5), { shape: [batch, OUT] }),
    tensor(r(batch * HIDDEN, 6), { shape: [batch, HIDDEN] }),
  ]);
  // the five products of a step (dx is not computed: the input batch needs no gradient), in one tidy
  // scope like the step itself
  const five = (): void =>
    withBackend(backend, () =>
      tidy(() => {
        matmul(x, w1, { transB: true }); // forward layer 1
        matmul(h, w2, { transB: true }); // forward layer 2
        matmul(dl, h, { transA: true }); // dW2 = dLᵀ·h
        matmul(dl, w2); // dh = dL·W2
        matmul(dh, x, { transA: true }); // dW1 = dhᵀ·x
      }),
    );
  const t = await timeIt(five, { runs, warmup: 3 });
  return t.medianMs;
}

export const mlpWorkload: Workload = {
  id: 'mlp',
  title: 'training an MLP 784-128-10 (cross-entropy, Adam)',
  async run(ctx) {
    const out: WorkloadResult[] = [];
    const n = ctx.quick ? 512 : 2048;
    const data = mlpData(n, 201);
    const init = mlpInit(301);
    const files = ctx.python.available
      ? {
          x: ctx.scratch.write('mlp_x.f32', data.x),
          y: ctx.scratch.write('mlp_y.i32', data.y),
          w1: ctx.scratch.write('mlp_w1.f32', init.w1),
          b1: ctx.scratch.write('mlp_b1.f32', init.b1),
          w2: ctx.scratch.write('mlp_w2.f32', init.w2),
          b2: ctx.scratch.write('mlp_b2.f32', init.b2),
        }
      : null;
    for (const batch of [32, 256]) {
      const runs = ctx.quick ? 4 : batch === 32 ? 40 : 15;
      const warmup = ctx.quick ? 2 : batch === 32 ? 10 : 5;
      const rate = (ms: number) => batch / (ms * 1e-3);
      const impls: Impl[] = [];
      const losses: { name: string; loss: number }[] = [];
      const limits: string[] = [];
      for (const lab of ctx.labs) {
        if (!lab.backend) {
          impls.push(missing(lab.id, lab.name, true, `not available: ${lab.reason}`));
          continue;
        }
        let stepMs: number;
        let trainer: Trainer;
        try {
          const tr = (trainer = labTrainer(lab.backend, init, data, batch));
          losses.push({ name: lab.name, loss: tr.loss0() });
          const t = await timeIt(tr.step, { runs, warmup });
          stepMs = t.medianMs;
          impls.push({ id: lab.id, name: lab.name, lab: true, value: rate(t.medianMs) });
          ctx.log(`  batch ${batch} ${lab.name}: ${rate(t.medianMs).toFixed(0)} samples/s`);
        } catch (e) {
          impls.push(failed(lab.id, lab.name, true, e));
          continue;
        }
        const t = { medianMs: stepMs };
        const mm = await labMatmulShare(lab.backend, batch, ctx.quick ? 3 : 10);
        const adamMs = (await timeIt(trainer.optimizerStep!, { runs: ctx.quick ? 3 : 15, warmup: 2 })).medianMs;
        limits.push(
          `${lab.name}: a step takes ${t.medianMs.toFixed(2)} ms; its five matmuls, timed alone, take ${mm.toFixed(2)} ms (${Math.min(100, (100 * mm) / t.medianMs).toFixed(0)} %), ` +
            `the Adam step over the 101,770 parameters alone ${adamMs.toFixed(2)} ms (${Math.min(100, (100 * adamMs) / t.medianMs).toFixed(0)} %); ` +
            `the rest (${Math.max(0, t.medianMs - mm - adamMs).toFixed(2)} ms) is element-wise ops, log-softmax/cross-entropy and autograd bookkeeping.`,
          `${lab.name}: profile of a training step (self time): ${describeHotspots(await profile(trainer.step, ctx.quick ? 5 : batch === 32 ? 60 : 15))}.`,
        );
      }
      // The wasm backend with its large matmuls split over the main thread and one worker (@lab/tensor/threads).
      const wasmLab = ctx.labs.find((l) => l.id === 'lab-wasm')?.backend;
      const threadsName = 'lab (wasm backend, 2 threads)';
      if (wasmLab) {
        let threads: { close(): void } | null = null;
        try {
          threads = enableMatmulThreads(wasmLab as WasmBackend, { workers: 1 });
          const tr = labTrainer(wasmLab, init, data, batch);
          losses.push({ name: threadsName, loss: tr.loss0() });
          const t = await timeIt(tr.step, { runs, warmup });
          impls.push({ id: 'lab-wasm-2t', name: threadsName, lab: true, value: rate(t.medianMs) });
          ctx.log(`  batch ${batch} ${threadsName}: ${rate(t.medianMs).toFixed(0)} samples/s`);
        } catch (e) {
          impls.push(failed('lab-wasm-2t', threadsName, true, e));
        } finally {
          threads?.close();
        }
      } else impls.push(missing('lab-wasm-2t', threadsName, true, 'the wasm backend is not available'));
      for (const peer of ctx.tf) {
        if (!peer.available) {
          impls.push(missing(peer.id, peer.name, false, peer.reason ?? 'not available'));
          continue;
        }
        try {
          await useTf(peer.backend);
          const tr = tfTrainer(init, data, batch);
          losses.push({ name: peer.name, loss: tr.loss0() });
          const t = await timeIt(tr.step, { runs, warmup });
          tr.dispose();
          impls.push({ id: peer.id, name: peer.name, lab: false, value: rate(t.medianMs) });
          ctx.log(`  batch ${batch} ${peer.name}: ${rate(t.medianMs).toFixed(0)} samples/s`);
        } catch (e) {
          impls.push(failed(peer.id, peer.name, false, e));
        }
      }
      for (const threads of [1, 2]) {
        const id = threads === 1 ? 'torch' : 'torch-2t';
        const torchName = `PyTorch 1.13 (${threads} thread${threads > 1 ? 's' : ''})`;
        if (!files) {
          impls.push(missing(id, torchName, false, `skipped: ${ctx.python.reason}`));
          continue;
        }
        try {
          const r = await runPython<PyTiming>('torch_bench.py', [
            'mlp', '--batch', String(batch), '--x', files.x, '--y', files.y, '--w1', files.w1, '--b1', files.b1, '--w2', files.w2, '--b2', files.b2,
            '--runs', String(runs), '--warmup', String(warmup), '--threads', String(threads),
          ]);
          impls.push({ id, name: torchName, lab: false, value: rate(r.median_s * 1e3) });
          if (threads === 1) losses.push({ name: 'PyTorch', loss: r.check as number });
          ctx.log(`  batch ${batch} ${torchName}: ${rate(r.median_s * 1e3).toFixed(0)} samples/s`);
        } catch (e) {
          impls.push(missing(id, torchName, false, errorText(e)));
        }
      }
      const checks: Check[] = losses.slice(1).map((l) => {
        const d = relDiff(l.loss, losses[0].loss);
        return { name: `initial loss: ${losses[0].name} vs ${l.name}`, ok: d < 1e-4, detail: `${losses[0].loss.toFixed(6)} vs ${l.loss.toFixed(6)}` };
      });
      const target = batch === 32 ? 40_000 : 90_000;
      out.push({
        id: `mlp-train-b${batch}`,
        title: `training an MLP 784-128-10, batch ${batch}`,
        unit: 'samples/s',
        better: 'higher',
        impls,
        checks,
        limits,
        notes: [],
        goals: [
          { kind: 'absolute', text: `≥ ${fmtK(target)} samples/s`, target },
          { kind: 'vs', text: '≥ 5× tfjs (best backend)', peers: ['tfjs-cpu', 'tfjs-wasm'], factor: 5 },
          { kind: 'vs', text: '≥ half of PyTorch (its best of 1 and 2 threads)', peers: ['torch', 'torch-2t'], factor: 0.5 },
        ],
      });
    }
    return out;
  },
};

const fmtK = (x: number) => `${x / 1000}k`;
