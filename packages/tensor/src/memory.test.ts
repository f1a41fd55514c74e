import { Rng } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { Linear } from './nn/linear';
import { Sequential } from './nn/sequential';
import { ReLU } from './nn/activations';
import { randn } from './random';
import type { Tensor } from './tensor';

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  // several passes: FinalizationRegistry/WeakRef clearing can take more than one cycle
  for (let i = 0; i < 3; i++) gc!();
}

describe('memory', () => {
  test('the test process exposes gc (set in vitest.config.ts)', () => {
    expect(typeof gc).toBe('function');
  });

  test('no heap growth over a long MLP training loop', () => {
    const rng = new Rng(1);
    const model = new Sequential(new Linear(16, 32, { rng }), new ReLU(), new Linear(32, 4, { rng }));
    const x = randn([32, 16], rng);
    const labels = Array.from({ length: 32 }, (_, i) => i % 4);
    const step = () => {
      const loss = model.forward(x).logSoftmax().gather(1, labels).mean().neg();
      loss.backward();
      for (const p of model.parameters()) {
        const v = p.value;
        const g = p.grad!;
        for (let i = 0; i < v.length; i++) v[i] -= 0.01 * g[i];
      }
      model.zeroGrad();
    };
    for (let i = 0; i < 100; i++) step(); // warm up (JIT, allocator)
    collect();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1500; i++) step();
    collect();
    const grown = process.memoryUsage().heapUsed - before;
    // One step allocates tens of kB of intermediates (inputs, activations, gradients); 1500 retained
    // steps would be tens of MB.
    expect(grown).toBeLessThan(2_000_000);
  });

  test('the graph is released after backward: intermediates become collectable', async () => {
    const model = new Linear(8, 8, { rng: 2 });
    const x = randn([4, 8], 3);
    let hidden: WeakRef<Tensor>;
    const loss = (() => {
      const h = model.forward(x).tanh();
      hidden = new WeakRef(h);
      return h.sum();
    })();
    loss.backward();
    await new Promise((r) => setTimeout(r, 0)); // WeakRef targets are kept alive until the job ends
    collect();
    expect(hidden!.deref()).toBeUndefined();
    expect(loss.node).toBeNull();
    // while the graph is retained, the intermediate is reachable from the output
    const retained = (() => {
      const h = model.forward(x).tanh();
      hidden = new WeakRef(h);
      return h.sum();
    })();
    retained.backward(undefined, { retainGraph: true });
    await new Promise((r) => setTimeout(r, 0));
    collect();
    expect(hidden!.deref()).toBeDefined();
  });
});
