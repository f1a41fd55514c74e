import { Rng } from '@lab/core';
import { boolParam, countParam, fail, range, samples, seedParam } from './internal';
import type { SeedOption } from './internal';
import { resolve } from './options';

/**
 * The lecture's three regimes of gradient descent, as settings of one iterator: `'batch'` uses
 * all N samples per step (B = N), `'sgd'` one sample (B = 1), `'mini-batch'` B = `batchSize`.
 */
export type Regime = 'batch' | 'sgd' | 'mini-batch';

/** Options of {@link batches}. */
export interface BatchOptions extends SeedOption {
  /** Samples per batch for the mini-batch regime (default 32); left out for `'batch'` and `'sgd'`. */
  batchSize?: number;
  /** Default `'mini-batch'`. */
  regime?: Regime;
  /** Shuffle the samples each epoch (default true). */
  shuffle?: boolean;
  /** Leave out the last batch when it is smaller than batchSize (default false). */
  dropLast?: boolean;
  /** Epoch number from 0 (default 0): with a numeric seed it selects that epoch's own permutation. */
  epoch?: number;
}

const spec = {
  batchSize: /* @__PURE__ */ countParam('batch'),
  regime: { kind: 'enum', values: ['mini-batch', 'batch', 'sgd'], default: 'mini-batch', description: 'regime' },
  shuffle: /* @__PURE__ */ boolParam(true, 'shuffle first'),
  dropLast: /* @__PURE__ */ boolParam(false, 'drop a short last batch'),
  epoch: { kind: 'integer', default: 0, min: 0, description: 'epoch' },
  seed: seedParam,
} as const;

/**
 * The Rng of one epoch's shuffle: with a seed, epoch e uses the (e + 1)-th child stream of
 * `new Rng(seed)` (what `Rng.fork()` makes), so any epoch can be replayed alone and resuming needs
 * no history; an Rng is used as it is (each call draws the next permutation).
 */
export const epochRng = (seed: number | Rng, epoch: number): Rng => {
  if (seed instanceof Rng) return seed;
  const base = new Rng(seed);
  let rng = base;
  for (let e = 0; e <= epoch; e++) rng = base.fork();
  return rng;
};

/**
 * Mini-batch iteration over one epoch: yields index batches (Int32Array views into one permuted
 * index array, no copies of data) of `batchSize` samples; the last batch holds the rest, or is left
 * out with `dropLast`. `data` is a sample count N (indices 0..N-1) or an index array (e.g. a fold's
 * `train`), whose entries are then what the batches hold.
 *
 * Defaults: `regime: 'mini-batch'`, `batchSize: 32`, `shuffle: true`, `dropLast: false`,
 * `epoch: 0`, `seed: 0`. The three regimes of gradient descent are settings of this one iterator:
 * `{ regime: 'batch' }` (one batch of all N), `{ regime: 'sgd' }` (N batches of 1),
 * `{ batchSize: B }` (mini-batch). Errors: an empty `data`, a bad option, a `batchSize` given with
 * `'batch'` or `'sgd'`, and `dropLast` with `batchSize > N` (no batch at all).
 *
 * Reference: the lecture's batch / stochastic / mini-batch gradient descent; PyTorch's
 * `DataLoader(batch_size, shuffle, drop_last)`.
 *
 * @example
 * for (let epoch = 0; epoch < 3; epoch++)
 *   for (const batch of batches(1000, { batchSize: 128, epoch, seed: 42 })) train(batch);
 * [...batches(5, { batchSize: 2, shuffle: false })]; // [0, 1], [2, 3], [4]
 */
export function batches(data: number | ArrayLike<number>, options?: BatchOptions): Generator<Int32Array> {
  const o = resolve(spec, options, 'batches');
  const idx = typeof data === 'number' ? range(0, samples({ nSamples: data })) : Int32Array.from(data ?? []);
  const n = idx.length || fail('data', data, 'a count or a non-empty index array');
  const { regime: r, batchSize } = o;
  if (r !== 'mini-batch' && batchSize) fail('batchSize', batchSize, `unset with regime ${r}`);
  const b = r === 'batch' ? n : r === 'sgd' ? 1 : (batchSize ?? 32);
  if (o.dropLast && b > n) fail('batchSize', b, `<= ${n} (samples) with dropLast`);
  if (o.shuffle) epochRng(o.seed, o.epoch).shuffle(idx);
  const end = o.dropLast ? n - (n % b) : n;
  return (function* () {
    for (let i = 0; i < end; i += b) yield idx.subarray(i, i + b);
  })();
}
