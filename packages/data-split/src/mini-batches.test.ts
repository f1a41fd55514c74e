import { Rng } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { batches } from './mini-batches';

const all = (it: Iterable<Int32Array>) => [...it].map((b) => Array.from(b));

describe('batches', () => {
  test('in order without shuffle; the last batch holds the rest, or is dropped', () => {
    expect(all(batches(5, { batchSize: 2, shuffle: false }))).toEqual([[0, 1], [2, 3], [4]]);
    expect(all(batches(5, { batchSize: 2, shuffle: false, dropLast: true }))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  test('the three regimes: batch (B = N), sgd (B = 1), mini-batch (default B = 32)', () => {
    expect(all(batches(4, { regime: 'batch', shuffle: false }))).toEqual([[0, 1, 2, 3]]);
    expect(all(batches(3, { regime: 'sgd', shuffle: false }))).toEqual([[0], [1], [2]]);
    expect([...batches(100)].map((b) => b.length)).toEqual([32, 32, 32, 4]);
  });

  test('batches views share one buffer (index arrays, no copies of data)', () => {
    const [a, b] = batches(10, { batchSize: 5 });
    expect(a.buffer).toBe(b.buffer);
  });

  test('an index array (e.g. a fold) is batched by its entries', () => {
    expect(all(batches([7, 3, 9], { batchSize: 2, shuffle: false }))).toEqual([[7, 3], [9]]);
    expect([...batches(Int32Array.of(7, 3, 9), { batchSize: 2 })].flatMap((b) => Array.from(b)).sort()).toEqual([3, 7, 9]);
  });

  test('seeded shuffle per epoch: reproducible, each epoch its own permutation, replayable alone', () => {
    const epoch = (e: number, seed = 42) => all(batches(50, { batchSize: 8, seed, epoch: e }));
    expect(epoch(0)).toEqual(epoch(0));
    expect(epoch(1)).not.toEqual(epoch(0));
    expect(epoch(0, 1)).not.toEqual(epoch(0, 2));
    expect(epoch(3).flat().sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  test('with an Rng, successive calls draw successive permutations', () => {
    const rng = new Rng(5);
    const first = all(batches(20, { batchSize: 20, seed: rng }));
    const second = all(batches(20, { batchSize: 20, seed: rng }));
    expect(first).not.toEqual(second);
    const again = new Rng(5);
    expect(all(batches(20, { batchSize: 20, seed: again }))).toEqual(first);
  });

  test('every epoch visits each sample exactly once (dropLast: all but N % B)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), fc.integer({ min: 0, max: 5 }), (n, b, dropLast, epoch) => {
        fc.pre(!dropLast || b <= n);
        const seen = [...batches(n, { batchSize: b, dropLast, epoch, seed: 3 })];
        expect(seen.every((x) => x.length === b || (!dropLast && x === seen.at(-1) && x.length === n % b))).toBe(true);
        const flat = seen.flatMap((x) => Array.from(x));
        expect(new Set(flat).size).toBe(flat.length);
        expect(flat.length).toBe(dropLast ? n - (n % b) : n);
      }),
    );
  });

  test.each([
    [0, {}],
    [2.5, {}],
    [[], {}],
    [10, { batchSize: 0 }],
    [10, { regime: 'sgd', batchSize: 4 }],
    [10, { regime: 'full' }],
    [10, { batchSize: 20, dropLast: true }],
    [10, { epoch: -1 }],
    [10, { batchsize: 4 }],
  ])('rejects data %j with %j on the call', (data, options) => {
    expect(() => batches(data as never, options as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
  });
});
