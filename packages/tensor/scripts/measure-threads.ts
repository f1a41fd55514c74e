/**
 * Measure where splitting a float32 gemm over the main thread + 1 worker pays (the numbers behind
 * `shouldOffload` in src/backends/gemm-threads.ts). Run from the repository root:
 *   npx tsx --tsconfig tsconfig.paths.json packages/tensor/scripts/measure-threads.ts [--relaxed] [--share 0.5]
 * Prints GFLOP/s medians: one thread (the kernel), two threads with the main share in place
 * (`local` given), and two threads through the pool's own main-thread kernels (what the backend hook
 * does without `local`). Runs are interleaved so background load hits all three alike.
 */
import { readFileSync } from 'node:fs';
import { createGemmKernels, createGemmWorkers } from '../src/threads';

/** CPU time (seconds) all processes spent busy and in total, from /proc/stat (Linux). */
function cpuTimes(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((x, y) => x + y, 0) / 100;
  return { busy: total - (f[3] + f[4]) / 100, total };
}
/** Cores other processes kept busy over `fn` (machine busy time minus this process's CPU time). */
function othersLoad<T>(fn: () => T): [T, number] {
  const c0 = cpuTimes();
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const u = process.cpuUsage(u0);
  const c1 = cpuTimes();
  const wall = (performance.now() - t0) / 1e3;
  return [out, Math.max(0, (c1.busy - c0.busy - (u.user + u.system) / 1e6) / wall)];
}
/** Wait (up to 20 s) for a second in which other processes use less than 0.2 cores. */
async function quiet(): Promise<void> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const c0 = cpuTimes();
    await new Promise((r) => setTimeout(r, 1000));
    const c1 = cpuTimes();
    if ((c1.busy - c0.busy) / (c1.total - c0.total) < 0.1) return;
  }
}

const relaxedSimd = process.argv.includes('--relaxed');
const shareAt = process.argv.indexOf('--share');
const mainShare = shareAt > 0 ? Number(process.argv[shareAt + 1]) : undefined;
const shapes: [number, number, number][] = process.argv.includes('--square')
  ? [64, 96, 128, 160, 192, 256, 384, 512, 1024].map((s) => [s, s, s])
  : [
      ...[64, 96, 128, 160, 192, 256, 384, 512, 1024].map((s): [number, number, number] => [s, s, s]),
      [32, 128, 784], // MLP forward, batch 32
      [256, 128, 784], // MLP forward, batch 256
      [784, 128, 256], // MLP weight gradient (transA), batch 256
    ];

const k = createGemmKernels({ relaxedSimd });
const pool = createGemmWorkers({ workers: 1, relaxedSimd, mainShare });
await pool.ready;

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[s.length >> 1];
}

console.log(`node ${process.version}, ${relaxedSimd ? 'relaxed-SIMD' : 'SIMD'} build, main share ${mainShare ?? 0.5}`);
console.log('m×n×k            1 thread   2 thr in-place   2 thr own kernels   (GFLOP/s, medians)   other load (cores)');
for (const [m, n, depth] of shapes) {
  k.reset();
  const a = k.alloc(m * depth * 4);
  const b = k.alloc(depth * n * 4);
  const c = k.alloc(m * n * 4);
  const F = k.f32();
  for (let i = 0; i < m * depth; i++) F[(a >> 2) + i] = Math.sin(i);
  for (let i = 0; i < depth * n; i++) F[(b >> 2) + i] = Math.cos(i);
  const flop = 2 * m * n * depth;
  const reps = Math.max(15, Math.min(400, Math.round(4e9 / flop)));
  const tA = m === 784; // the weight-gradient shape is Xᵀ·dY
  const runs: Record<string, () => void> = {
    one: () => k.gemm(a, b, c, m, n, depth, tA, false),
    inPlace: () => pool.gemm(k.f32(), a, b, c, m, n, depth, tA, false, k.gemm),
    own: () => pool.gemm(k.f32(), a, b, c, m, n, depth, tA, false),
  };
  const times: Record<string, number[]> = { one: [], inPlace: [], own: [] };
  await quiet();
  const [, others] = othersLoad(() => {
    for (let r = 0; r < reps + 5; r++)
      for (const key of Object.keys(runs)) {
        const t0 = performance.now();
        runs[key]();
        const dt = performance.now() - t0;
        if (r >= 5) times[key].push(dt);
      }
  });
  const g = (key: string) => (flop / median(times[key]) / 1e6).toFixed(1).padStart(8);
  console.log(`${`${m}×${n}×${depth}${tA ? ' (Aᵀ)' : ''}`.padEnd(18)} ${g('one')}   ${g('inPlace')}         ${g('own')}        ${others.toFixed(2)}`);
}
pool.close();
