/**
 * `@lab/train/node`: the Node-only parts: checkpoint files written atomically and the worker-thread
 * pool for cross-validation and search. The main entry stays browser-safe.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, LabError } from '@lab/core';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { crossValidate as crossValidateIn, type CvOptions, type CvResult } from './cross-validate';
import type { Executor, JobResult, TrainJob } from './job';
import type { WorkerLabError } from './worker';
import { gridSearch as gridSearchIn, randomSearch as randomSearchIn, type GridSearchOptions, type RandomSearchOptions, type SearchResult } from './search';
import type { Checkpoint, CheckpointOptions } from './types';

let counter = 0;

/**
 * Check, before anything is written, that `path` can be a file: its folder exists and is writable,
 * and `path` is not a folder. Throws InvalidArgumentError naming `path`; returns the path.
 *
 * @example
 * checkWritable('runs/report.html'); // throws now if runs/ is missing, not after an hour of training
 */
export function checkWritable(path: unknown): string {
  if (typeof path !== 'string' || path === '') throw new InvalidArgumentError('path', path, 'a file path');
  let ok: boolean;
  try {
    ok = statSync(dirname(path)).isDirectory() && !statSync(path, { throwIfNoEntry: false })?.isDirectory();
    accessSync(dirname(path), constants.W_OK);
  } catch {
    ok = false;
  }
  if (!ok) throw new InvalidArgumentError('path', path, 'a file in an existing, writable folder');
  return path;
}

/**
 * Write bytes to `path` atomically: into a temporary file in the same folder, flushed to disk
 * (fsync), then renamed over `path` (and the folder synced), so a crash at any moment leaves either
 * the old file or the new one, never a partial file. The temporary file is removed on failure.
 *
 * @example
 * await writeFileAtomic('run.ckpt', bytes);
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  checkWritable(path);
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  const fh = await open(tmp, 'w', 0o644);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  try {
    const d = await open(dir, 'r');
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    // Some platforms cannot open or sync a folder; the rename is still atomic.
  }
}

/**
 * Save a checkpoint (object or bytes from `encodeCheckpoint`) to `path` atomically.
 *
 * @example
 * await saveCheckpoint('runs/mlp.ckpt', checkpoint);
 */
export async function saveCheckpoint(path: string, checkpoint: Checkpoint | Uint8Array): Promise<void> {
  await writeFileAtomic(path, checkpoint instanceof Uint8Array ? checkpoint : encodeCheckpoint(checkpoint));
}

/**
 * Read and verify a checkpoint file (magic, lengths, CRC-32); a truncated or corrupted file throws
 * StateMismatchError, a missing or unreadable one InvalidArgumentError. Pass the result (or the
 * file's bytes) to `fit({ resume })`.
 *
 * @example
 * const result = await fit({ ...options, resume: await loadCheckpoint('runs/mlp.ckpt') });
 */
export async function loadCheckpoint(path: string): Promise<Checkpoint> {
  if (typeof path !== 'string' || path === '') throw new InvalidArgumentError('path', path, 'a file path');
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new InvalidArgumentError('path', path, `a readable checkpoint file (${e.code ?? e.message})`);
  });
  return decodeCheckpoint(new Uint8Array(bytes));
}

/**
 * `fit`'s `checkpoint` option writing to a file atomically: `{ everySteps, everyEpoch, write }`.
 * A checkpoint is also written when the run is aborted and at the end. The folder is checked here,
 * so a path that cannot be written fails before training starts, not after the first epoch.
 *
 * @example
 * await fit({ ...options, checkpoint: fileCheckpoint('runs/mlp.ckpt', { everyEpoch: true }), signal });
 */
export function fileCheckpoint(path: string, options: Omit<CheckpointOptions, 'write'> = {}): CheckpointOptions {
  checkWritable(path);
  return { ...options, write: (bytes) => writeFileAtomic(path, bytes) };
}

/** Options of {@link createPoolExecutor}. */
export interface PoolOptions {
  /** Worker threads. Default: available parallelism − 1, at least 1. */
  readonly threads?: number;
  /** The worker file (default: `worker.js` / `worker.cjs` beside this module, or `worker.ts` under tsx when running from source). */
  readonly workerFile?: string | URL;
}

/** An executor on worker threads; call `destroy()` when done. */
export interface PoolExecutor extends Executor {
  readonly threads: number;
  destroy(): Promise<void>;
}

const here = (): string => import.meta.url;

/** The worker entry beside this module; from TypeScript source, a shim that loads worker.ts through tsx. */
function workerEntry(file?: string | URL): string {
  if (file !== undefined) return file instanceof URL ? fileURLToPath(file) : file;
  const url = here();
  const name = url.endsWith('.ts') ? 'worker-source.mjs' : url.endsWith('.cjs') ? 'worker.cjs' : 'worker.js';
  return fileURLToPath(new URL(`./${name}`, url));
}

/**
 * A pool of worker threads (tinypool) that runs cross-validation and search jobs. Each job is a
 * plain description rebuilt in the worker from the built-in registries, so results are identical
 * to a serial run for the same seed; only the order in which they finish changes.
 *
 * @example
 * const pool = await createPoolExecutor({ threads: 2 });
 * try { await crossValidate({ model, data, executor: pool }); } finally { await pool.destroy(); }
 */
export async function createPoolExecutor(options: PoolOptions = {}): Promise<PoolExecutor> {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  if (!Number.isInteger(threads) || threads < 1) throw new InvalidArgumentError('threads', threads, 'an integer >= 1');
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: workerEntry(options.workerFile), minThreads: 0, maxThreads: threads });
  // A worker that fails outside a task (e.g. its module does not load) is reported on the pool,
  // not on the task: fail every pending and later run instead of hanging.
  const pending = new Set<(e: unknown) => void>();
  let broken: unknown;
  pool.on('error', (e: unknown) => {
    broken ??= e;
    for (const reject of pending) reject(e);
    pending.clear();
  });
  return {
    threads,
    run: (job: TrainJob) =>
      new Promise<JobResult>((resolve, reject) => {
        if (broken !== undefined) return reject(broken);
        pending.add(reject);
        (pool.run(job) as Promise<JobResult | WorkerLabError>)
          .then((r) => ('labError' in r ? reject(reviveLabError(r)) : resolve(r)), reject)
          .finally(() => pending.delete(reject));
      }),
    destroy: () => pool.destroy(),
  };
}

/** A lab error reported by a worker, as a LabError again (same name, message and fields; `isLabError` holds). */
function reviveLabError({ labError: { name, message, fields } }: WorkerLabError): LabError {
  const e = Object.assign(new LabError(message), fields);
  e.name = name;
  return e;
}

/** `parallel`: false (default) runs in this thread; a number runs on that many worker threads. */
export interface ParallelOption {
  readonly parallel?: false | number;
}

async function withPool<T>(parallel: false | number | undefined, run: (executor?: Executor) => Promise<T>): Promise<T> {
  if (parallel === undefined || parallel === false) return run();
  const pool = await createPoolExecutor({ threads: parallel });
  try {
    return await run(pool);
  } finally {
    await pool.destroy();
  }
}

/**
 * `crossValidate` with `parallel: n` running the folds on n worker threads (results identical to `parallel: false`).
 *
 * @example
 * const cv = await crossValidate({ model: { type: 'softmax' }, data, parallel: 2 });
 */
export function crossValidate(options: CvOptions & ParallelOption): Promise<CvResult> {
  return withPool(options.parallel, (executor) => crossValidateIn({ ...options, executor: executor ?? options.executor }));
}

/**
 * `gridSearch` with `parallel: n` (candidates × folds on n worker threads; identical results).
 *
 * @example
 * const r = await gridSearch({ model, data, params: { 'fit.lr': [1e-3, 1e-2] }, parallel: 2 });
 */
export function gridSearch(options: GridSearchOptions & ParallelOption): Promise<SearchResult> {
  return withPool(options.parallel, (executor) => gridSearchIn({ ...options, executor: executor ?? options.executor }));
}

/**
 * `randomSearch` with `parallel: n` (identical results to the serial run).
 *
 * @example
 * const r = await randomSearch({ model, data, params: { 'fit.lr': { min: 1e-4, max: 1e-1 } }, nIter: 8, parallel: 2 });
 */
export function randomSearch(options: RandomSearchOptions & ParallelOption): Promise<SearchResult> {
  return withPool(options.parallel, (executor) => randomSearchIn({ ...options, executor: executor ?? options.executor }));
}
