import { beforeAll, describe, expect, test } from 'vitest';
import { tfPeers, useTf } from '../tfjs';
import { adamInputs, kernelsOf, labAdam, labAdamOn, tfAdam } from './adam';

beforeAll(async () => {
  await tfPeers();
});

describe('Adam workload', () => {
  test('the wasm row (tensors in linear memory, the SIMD step kernels) takes the JS row’s steps', async () => {
    const { createWasmBackend } = await import('@lab/tensor/wasm');
    const wasm = await createWasmBackend();
    expect(kernelsOf(wasm)).toBe(wasm.stepKernels);
    expect(kernelsOf(null)).toBeUndefined();
    const { p, g } = adamInputs(1001);
    const [a, b] = [labAdamOn(wasm, p, g), labAdam(p.slice(), g)];
    for (let s = 0; s < 3; s++) {
      a.step();
      b.step();
    }
    expect(wasm.memoryStats().stateArrays).toBe(2);
    const [x, y] = [a.value(), b.value];
    let maxDiff = 0;
    for (let i = 0; i < p.length; i++) maxDiff = Math.max(maxDiff, Math.abs(x[i] - y[i]));
    expect(maxDiff).toBeLessThan(1e-6);
    expect(Math.abs(x[0] - p[0])).toBeGreaterThan(2e-3);
  });

  test('lab and tfjs (cpu and wasm) take the same three Adam steps', async () => {
    const { p, g } = adamInputs(1000);
    const lab = labAdam(p.slice(), g);
    for (let s = 0; s < 3; s++) lab.step();
    // Adam's first steps move every weight by about lr = 1e-3 against the gradient's sign
    expect(Math.abs(lab.value[0] - p[0])).toBeGreaterThan(2e-3);
    for (const backend of ['cpu', 'wasm'] as const) {
      await useTf(backend);
      const peer = tfAdam(p, g);
      for (let s = 0; s < 3; s++) peer.step();
      const theirs = peer.value();
      peer.dispose();
      let maxDiff = 0;
      for (let i = 0; i < p.length; i++) maxDiff = Math.max(maxDiff, Math.abs(lab.value[i] - theirs[i]));
      expect(maxDiff).toBeLessThan(1e-6);
    }
  });
});
