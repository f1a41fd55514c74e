/**
 * Timing on tinybench: warm-up iterations, then a fixed number of timed runs; we report the
 * median (p50) latency. Each task function may run an inner loop of `inner` operations (for
 * sub-microsecond work), and the latency is divided by it.
 */
import { Bench } from 'tinybench';

export interface TimeOptions {
  /** Timed runs (samples); the median of them is reported. */
  readonly runs: number;
  /** Untimed warm-up runs (JIT tier-up, caches, lazy allocation). */
  readonly warmup: number;
  /** Operations performed by one call of `fn` (the latency is divided by it). Default 1. */
  readonly inner?: number;
  /** Keep sampling until at least this many ms have been spent (after `runs`). Default 0. */
  readonly minTimeMs?: number;
}

export interface Timing {
  /** Median time of one operation, in milliseconds. */
  readonly medianMs: number;
  /** Every sample, per operation, in milliseconds. */
  readonly samplesMs: readonly number[];
}

export async function timeIt(fn: () => unknown, o: TimeOptions): Promise<Timing> {
  const inner = o.inner ?? 1;
  const bench = new Bench({
    iterations: o.runs,
    time: o.minTimeMs ?? 0,
    warmup: o.warmup > 0,
    warmupIterations: o.warmup,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  bench.add('task', fn);
  await bench.run();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed') throw new Error(`benchmark task ended in state ${result.state}`);
  const samples = (result.latency.samples ?? []).map((s) => s / inner);
  return { medianMs: result.latency.p50 / inner, samplesMs: samples };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
