/**
 * Run in a child Node process started with `--experimental-wasm-relaxed-simd` (Node 20 validates
 * relaxed SIMD only behind that flag): times lab's relaxed-SIMD matmul kernel (`f32x4.relaxed_madd`)
 * on the same n×n inputs as the matmul workload and prints `{ validates, ms, checksum }` as JSON.
 * Usage: node --experimental-wasm-relaxed-simd --import tsx relaxed-child.ts N RUNS WARMUP
 */
import { createGemmKernels } from '@lab/tensor/threads';
import { timeIt } from './harness';
import { RELAXED_MADD } from './machine';
import { checksum, matmulInputs } from './workloads/matmul';

const [n, runs, warmup] = process.argv.slice(2).map(Number);
if (!WebAssembly.validate(RELAXED_MADD)) {
  console.log(JSON.stringify({ validates: false }));
} else {
  const { a, b } = matmulInputs(n);
  const k = createGemmKernels({ relaxedSimd: true });
  const [pa, pb, pc] = [k.alloc(n * n * 4), k.alloc(n * n * 4), k.alloc(n * n * 4)];
  k.f32().set(a, pa >> 2);
  k.f32().set(b, pb >> 2);
  const run = () => k.gemm(pa, pb, pc, n, n, n, false, false);
  run();
  const sum = checksum(k.f32().subarray(pc >> 2, (pc >> 2) + n * n));
  const t = await timeIt(run, { runs, warmup });
  console.log(JSON.stringify({ validates: true, ms: t.medianMs, checksum: sum }));
}
