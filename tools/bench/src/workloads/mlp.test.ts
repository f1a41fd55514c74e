import { beforeAll, describe, expect, test } from 'vitest';
import { jsBackend } from '@lab/tensor';
import { tf, tfPeers, useTf } from '../tfjs';
import { batchRanges, labTrainer, mlpData, mlpInit, tfTrainer } from './mlp';

beforeAll(async () => {
  await tfPeers();
});

describe('MLP training workload', () => {
  const data = mlpData(64, 7);
  const init = mlpInit(11);

  test('batches cover the data in order and drop a remainder', () => {
    expect(batchRanges(70, 32)).toEqual([[0, 32], [32, 64]]);
  });

  test('lab and tfjs start from the same loss and take the same Adam steps', async () => {
    await useTf('cpu');
    const lab = labTrainer(jsBackend, init, data, 32);
    const peer = tfTrainer(init, data, 32);
    expect(lab.loss0()).toBeCloseTo(peer.loss0(), 5);
    for (let s = 0; s < 3; s++) {
      lab.step();
      peer.step();
    }
    const [ours, theirs] = [lab.params(), peer.params()];
    expect(ours.map((p) => p.length)).toEqual([128 * 784, 128, 10 * 128, 10]);
    ours.forEach((p, k) => {
      let maxDiff = 0;
      for (let i = 0; i < p.length; i++) maxDiff = Math.max(maxDiff, Math.abs(p[i] - theirs[k][i]));
      expect(maxDiff).toBeLessThan(1e-5);
    });
    // the weights moved: these were real steps
    expect(Math.abs(ours[3][0] - init.b2[0])).toBeGreaterThan(1e-4);
    expect(lab.loss0()).toBeCloseTo(peer.loss0(), 4);
    peer.dispose();
  });

  test('on the wasm backend the trainer uses its step kernels (state in linear memory) and takes the same steps as the JS backend', async () => {
    const { createWasmBackend } = await import('@lab/tensor/wasm');
    const wasm = await createWasmBackend();
    const onWasm = labTrainer(wasm, init, data, 32);
    const onJs = labTrainer(jsBackend, init, data, 32);
    for (let s = 0; s < 3; s++) {
      onWasm.step();
      onJs.step();
    }
    expect(wasm.memoryStats().stateArrays).toBe(8); // m and v of the four parameters
    const [ours, theirs] = [onWasm.params(), onJs.params()];
    ours.forEach((p, k) => {
      let maxDiff = 0;
      for (let i = 0; i < p.length; i++) maxDiff = Math.max(maxDiff, Math.abs(p[i] - theirs[k][i]));
      expect(maxDiff).toBeLessThan(1e-5);
    });
    expect(Math.abs(ours[3][0] - init.b2[0])).toBeGreaterThan(1e-4);
  });

  test('tfjs training steps do not accumulate tensors (so long runs measure steady state)', async () => {
    await useTf('cpu');
    const peer = tfTrainer(init, data, 32);
    peer.step();
    const after1 = tf.memory().numTensors;
    peer.step();
    peer.step();
    expect(tf.memory().numTensors).toBe(after1);
    peer.dispose();
    expect(tf.memory().numTensors).toBeLessThan(after1);
  });
});
