/**
 * Deterministic inputs shared by lab, TensorFlow.js and the Python peers: generated once from a
 * seeded `Rng` and, for Python, written as raw little-endian typed arrays to a temporary folder.
 */
import { Rng } from '@lab/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `n` floats uniform in [low, high). */
export function uniform(n: number, seed: number, low = 0, high = 1): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = low + (high - low) * rng.next();
  return out;
}

/** `n` standard-normal floats times `scale`. */
export function normal(n: number, seed: number, scale = 1): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * rng.normal();
  return out;
}

/** `n` integers in [0, k). */
export function ints(n: number, k: number, seed: number): Int32Array {
  const rng = new Rng(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(k);
  return out;
}

/** A temporary folder for the files handed to Python; `dispose()` removes it. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'lab-bench-'));

  /** Write `data` raw (native little-endian) and return the path. */
  write(name: string, data: Float32Array | Float64Array | Int32Array): string {
    const file = join(this.dir, name);
    writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return file;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
