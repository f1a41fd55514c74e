// Quick measurement (not a test): one Adam step over 10M float32 parameters, fused vs plain path.
//   npx tsx scripts/bench-adam.ts [elements=10000000]
import { adam, Optimizer, type GradientTransformation } from '../src/index';

const n = Number(process.argv[2] ?? 10_000_000);

function measure(t: GradientTransformation, reps = 7): number {
  const value = new Float32Array(n).map((_, i) => Math.sin(i));
  const grad = new Float32Array(n).map((_, i) => Math.cos(i) * 1e-2);
  const opt = new Optimizer([{ name: 'w', value, grad }], t);
  for (let i = 0; i < 2; i++) opt.step(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    opt.step();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: n / times[reps >> 1] / 1e3, best: n / times[0] / 1e3 } as never;
}

const fused = measure(adam({ lr: 1e-3 })) as unknown as { median: number; best: number };
const t = adam({ lr: 1e-3 });
const plain = measure({ init: t.init, update: t.update }, 3) as unknown as { median: number; best: number };
console.log(`Adam step, ${n / 1e6}M float32 params: fused ${fused.median.toFixed(0)} M elements/s (best ${fused.best.toFixed(0)}), plain ${plain.median.toFixed(0)} M elements/s (best ${plain.best.toFixed(0)}), ×${(fused.median / plain.median).toFixed(1)}`);
