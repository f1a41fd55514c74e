// Quick measurement (not a test): fp32 matmul GFLOP/s on the js and wasm backends, all transposes.
//   npx tsx scripts/bench-matmul.ts [n=512]     (node --experimental-wasm-relaxed-simd for relaxed SIMD)
import { jsBackend, randn, withBackend, type Backend } from '../src/index';
import { createWasmBackend } from '../src/wasm';

const n = Number(process.argv[2] ?? 512);
const flops = 2 * n * n * n;

function measure(backend: Backend, transA: boolean, transB: boolean): number {
  return withBackend(backend, () => {
    const a = randn([n, n], 1);
    const b = randn([n, n], 2);
    for (let i = 0; i < 5; i++) a.matmul(b, { transA, transB }); // warm-up (wasm tier-up, JIT)
    const times: number[] = [];
    for (let r = 0; r < 15; r++) {
      const t0 = performance.now();
      a.matmul(b, { transA, transB });
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    return flops / (times[times.length >> 1] * 1e6);
  });
}

const wasm = await createWasmBackend();
for (const [ta, tb] of [[false, false], [false, true], [true, false], [true, true]] as const) {
  const label = `${ta ? 'Aᵀ' : 'A'}·${tb ? 'Bᵀ' : 'B'}`;
  const w = measure(wasm, ta, tb);
  const j = measure(jsBackend as Backend, ta, tb);
  console.log(`${n}×${n} ${label}: ${wasm.name} ${w.toFixed(1)} GFLOP/s, js ${j.toFixed(2)} GFLOP/s (×${(w / j).toFixed(1)})`);
}
