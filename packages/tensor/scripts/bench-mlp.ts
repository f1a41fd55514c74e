// Quick measurement (not a test): MLP 784-128-10 training samples/s on the js and wasm backends.
//   npx tsx scripts/bench-mlp.ts [batch=32]
import { Rng } from '@lab/core';
import { jsBackend, Linear, randn, ReLU, Sequential, withBackend, type Backend } from '../src/index';
import { createWasmBackend } from '../src/wasm';

const batch = Number(process.argv[2] ?? 32);

async function measure(backend: Backend): Promise<number> {
  const rng = new Rng(0);
  const { model, x, labels } = withBackend(backend, () => ({
    model: new Sequential(new Linear(784, 128, { rng }), new ReLU(), new Linear(128, 10, { rng })),
    x: randn([batch, 784], rng),
    labels: Array.from({ length: batch }, (_, i) => i % 10),
  }));
  const step = () =>
    withBackend(backend, () => {
      model.forward(x).logSoftmax().gather(1, labels).mean().neg().backward();
      for (const p of model.parameters()) {
        const v = p.value;
        const g = p.grad!;
        for (let i = 0; i < v.length; i++) v[i] -= 0.01 * g[i];
      }
      model.zeroGrad();
    });
  const run = async (steps: number) => {
    for (let i = 0; i < steps; i++) {
      step();
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 0)); // let finalizers free wasm blocks
    }
  };
  await run(40); // warm-up
  let best = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    await run(60);
    best = Math.max(best, (60 * batch) / ((performance.now() - t0) / 1e3));
  }
  return best;
}

const wasm = await createWasmBackend();
const w = await measure(wasm as Backend);
const j = process.env.ONLY_WASM ? 1 : await measure(jsBackend as Backend);
console.log(`MLP 784-128-10, batch ${batch}: ${wasm.name} ${Math.round(w)} samples/s, js ${Math.round(j)} samples/s (×${(w / j).toFixed(1)}); wasm memory ${(wasm.memoryStats().memoryBytes / 2 ** 20).toFixed(0)} MiB`);
