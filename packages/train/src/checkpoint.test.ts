import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, isLabError, StateMismatchError } from '@lab/core';
import { makeMoons } from '@lab/datasets';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { fit } from './fit';
import { createModel } from './models';
import { fileCheckpoint, loadCheckpoint, saveCheckpoint } from './node';
import type { FitOptions } from './types';

const moons = makeMoons({ nSamples: 100, noise: 0.2, seed: 2 });
const valid = makeMoons({ nSamples: 40, noise: 0.2, seed: 3 });
const options = (): FitOptions => ({
  model: createModel({ type: 'mlp', hidden: [16, 8], activation: 'tanh', dropout: 0.1 }, { nFeatures: 2, nOutputs: 2, seed: 7 }),
  train: moons,
  validation: valid,
  optimizer: { type: 'adam' },
  schedule: { type: 'warmupCosine', peakValue: 0.05, warmupSteps: 5 },
  clipping: { norm: 1 },
  regularization: { l2: 1e-4 },
  batchSize: 16,
  epochs: 4,
  seed: 11,
  earlyStopping: { patience: 10 },
});

describe('checkpoints', () => {
  it('round-trip bit for bit and refuse truncated or corrupted bytes', async () => {
    let bytes: Uint8Array | undefined;
    await fit({ ...options(), iterations: 10, epochs: undefined, checkpoint: { everySteps: 10, write: (b) => void (bytes = b) } });
    const ckpt = decodeCheckpoint(bytes!);
    expect(ckpt.step).toBe(10);
    expect(ckpt.epoch).toBe(1);
    expect(ckpt.batch).toBe(3);
    expect(encodeCheckpoint(ckpt)).toEqual(bytes);
    for (const bad of [bytes!.subarray(0, bytes!.length - 1), bytes!.subarray(0, 10), new Uint8Array(0)]) expect(() => decodeCheckpoint(bad)).toThrow(StateMismatchError);
    const flipped = bytes!.slice();
    flipped[flipped.length - 3] ^= 1;
    expect(() => decodeCheckpoint(flipped)).toThrow(/CRC/);
  });

  it('a run resumed from a mid-epoch checkpoint ends bit-identical to the uninterrupted run', async () => {
    const full = await fit(options());
    const saved: Uint8Array[] = [];
    const controller = new AbortController();
    const first = await fit({
      ...options(),
      signal: controller.signal,
      checkpoint: { write: (b) => void saved.push(b) },
      onEvent: (e) => e.type === 'step' && e.step === 10 && controller.abort(),
    });
    expect(first.stopReason).toBe('aborted');
    const ckpt = decodeCheckpoint(saved.at(-1)!);
    expect([ckpt.step, ckpt.batch]).toEqual([10, 3]); // 7 batches per epoch: mid-epoch 1
    const resumed = await fit({ ...options(), resume: saved.at(-1)! }); // a fresh model, as after a restart
    expect(resumed.steps).toBe(full.steps);
    expect(resumed.params).toEqual(full.params);
    expect(resumed.history).toEqual(full.history);
    expect(resumed.best).toEqual(full.best);
  });

  it('refuses a checkpoint from another batch plan', async () => {
    let bytes: Uint8Array | undefined;
    await fit({ ...options(), iterations: 8, epochs: undefined, checkpoint: { everySteps: 8, write: (b) => void (bytes = b) } });
    const e = await fit({ ...options(), batchSize: 8, resume: bytes }).catch((x) => x);
    expect(isLabError(e) && e.message).toMatch(/batchSize/);
  });

  it('files: fileCheckpoint writes atomically, loadCheckpoint verifies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-train-'));
    const path = join(dir, 'run.ckpt');
    const r = await fit({ ...options(), epochs: 1, checkpoint: fileCheckpoint(path, { everyEpoch: true }) });
    const ckpt = await loadCheckpoint(path);
    expect(ckpt.params).toEqual(r.params);
    expect(await readdir(dir)).toEqual(['run.ckpt']); // no temporary files left
    await writeFile(path, (await readFile(path)).subarray(0, 100));
    await expect(loadCheckpoint(path)).rejects.toThrow(StateMismatchError);
  });

  it('a path that cannot be written or read fails with a lab error naming it, before training', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-train-paths-'));
    for (const bad of [join(dir, 'missing', 'run.ckpt'), dir, '']) {
      const e = (() => {
        try {
          fileCheckpoint(bad);
        } catch (x) {
          return x;
        }
      })();
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe('path');
    }
    await expect(saveCheckpoint(join(dir, 'missing', 'x.ckpt'), await snapshot())).rejects.toThrow(InvalidArgumentError);
    await expect(loadCheckpoint(join(dir, 'none.ckpt'))).rejects.toThrow(/path must be a readable checkpoint file \(ENOENT\)/);
    expect(await readdir(dir)).toEqual([]); // nothing written
  });

  it('a process killed while writing never leaves a corrupt file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-train-crash-'));
    const path = join(dir, 'big.ckpt');
    // Two valid checkpoints of ~8 MB each; a child process writes them alternately until killed.
    const base = decodeCheckpoint(encodeCheckpoint({ ...(await snapshot()), meta: null }));
    const big = (k: number) => encodeCheckpoint({ ...base, meta: { k }, params: { ...base.params, pad: new Float32Array(2_000_000).fill(k) } });
    await writeFile(join(dir, 'a.bin'), big(1));
    await writeFile(join(dir, 'b.bin'), big(2));
    await saveCheckpoint(path, big(0));
    const nodeTs = fileURLToPath(new URL('./node.ts', import.meta.url));
    const script = `
      import { readFileSync } from 'node:fs';
      const { saveCheckpoint } = await import(${JSON.stringify(nodeTs)});
      const files = [readFileSync(${JSON.stringify(join(dir, 'a.bin'))}), readFileSync(${JSON.stringify(join(dir, 'b.bin'))})];
      for (let i = 0; ; i++) { await saveCheckpoint(${JSON.stringify(path)}, new Uint8Array(files[i % 2])); if (i === 0) console.log('written'); }`;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before its first checkpoint`)));
      });
      await new Promise((r) => setTimeout(r, 30 + 40 * round));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const ckpt = await loadCheckpoint(path); // never throws: the old or the new file, complete
      expect([0, 1, 2]).toContain((ckpt.meta as { k: number }).k);
    }
  }, 60_000);
});

async function snapshot() {
  let bytes: Uint8Array | undefined;
  await fit({ ...options(), iterations: 6, epochs: undefined, checkpoint: { everySteps: 6, write: (b) => void (bytes = b) } });
  return decodeCheckpoint(bytes!);
}
