import { isLabError } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planTraining } from './plan';

describe('planTraining: the lecture homework', () => {
  test('N = 100000, B = 100, T = 30000: 30 epochs of 1000 batches', () => {
    const plan = planTraining({ nSamples: 100000, batchSize: 100, iterations: 30000 });
    expect(plan).toMatchObject({ batchesPerEpoch: 1000, fullBatches: 1000, lastBatchSize: 100, epochs: 30, wholeEpochs: 30, iterations: 30000 });
    expect(plan.iterationsPerEpoch).toEqual({ keepLast: 1000, dropLast: 1000 });
    expect(plan.epochEnds).toHaveLength(30);
    expect(plan.epochEnds.slice(0, 2)).toEqual([1000, 2000]);
    expect(plan.epochEnds.at(-1)).toBe(30000);
  });

  test('B = 128: 782 batches per epoch (781 of 128 and one of 32), about 38.4 epochs', () => {
    const plan = planTraining({ nSamples: 100000, batchSize: 128, iterations: 30000 });
    expect(plan).toMatchObject({ batchesPerEpoch: 782, fullBatches: 781, lastBatchSize: 32, wholeEpochs: 38 });
    expect(781 * 128 + 32).toBe(100000);
    expect(plan.epochs).toBeCloseTo(30000 / 782, 12);
    expect(plan.epochs.toFixed(1)).toBe('38.4');
    expect(plan.iterationsPerEpoch).toEqual({ keepLast: 782, dropLast: 781 });
    expect(plan.epochEnds.at(-1)).toBe(38 * 782);
  });

  test('dropLast: 781 iterations per epoch, every batch full', () => {
    const plan = planTraining({ nSamples: 100000, batchSize: 128, iterations: 30000 }, { dropLast: true });
    expect(plan).toMatchObject({ batchesPerEpoch: 781, lastBatchSize: 128, dropLast: true, wholeEpochs: 38 });
    expect(plan.epochs).toBeCloseTo(30000 / 781, 12);
  });

  test('from epochs: T = epochs * batches per epoch, fractional epochs rounded up to whole iterations', () => {
    expect(planTraining({ nSamples: 100000, batchSize: 100, epochs: 30 }).iterations).toBe(30000);
    expect(planTraining({ nSamples: 100, batchSize: 10, epochs: 0.3 }).iterations).toBe(3);
    const plan = planTraining({ nSamples: 100000, batchSize: 128, epochs: 38.4 });
    expect(plan.iterations).toBe(Math.ceil(38.4 * 782));
    expect(plan.wholeEpochs).toBe(38);
  });

  test('the three regimes: batch GD (B = N), SGD (B = 1), mini-batch', () => {
    expect(planTraining({ nSamples: 500, batchSize: 500, epochs: 10 })).toMatchObject({ batchesPerEpoch: 1, iterations: 10 });
    expect(planTraining({ nSamples: 500, batchSize: 1, epochs: 2 })).toMatchObject({ batchesPerEpoch: 500, iterations: 1000, lastBatchSize: 1 });
    expect(planTraining({ nSamples: 500, batchSize: 600, epochs: 1 })).toMatchObject({ batchesPerEpoch: 1, lastBatchSize: 500 });
  });

  test('invariants: batches cover N; epoch ends every batchesPerEpoch iterations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (N, B, T, dropLast) => {
        fc.pre(!dropLast || B <= N);
        const p = planTraining({ nSamples: N, batchSize: B, iterations: T }, { dropLast });
        expect(p.fullBatches * B + (p.batchesPerEpoch > p.fullBatches ? p.lastBatchSize : 0)).toBe(dropLast ? N - (N % B) : N);
        expect(p.wholeEpochs).toBe(Math.floor(p.epochs));
        expect(p.epochEnds.every((t, e) => t === (e + 1) * p.batchesPerEpoch && t <= T)).toBe(true);
      }),
    );
  });

  test.each([
    [{ nSamples: 0, batchSize: 1, iterations: 1 }],
    [{ nSamples: 10, batchSize: 2.5, iterations: 1 }],
    [{ nSamples: 10, batchSize: 2, iterations: 0 }],
    [{ nSamples: 10, batchSize: 2, epochs: -1 }],
    [{ nSamples: 10, batchSize: 2 }],
    [{ nSamples: 10, batchSize: 2, epochs: 1, iterations: 5 }],
  ])('rejects %j', (input) => {
    expect(() => planTraining(input as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
  });

  test('dropLast with B > N leaves no batch: an error naming batchSize', () => {
    let error: unknown;
    try {
      planTraining({ nSamples: 10, batchSize: 20, iterations: 5 }, { dropLast: true });
    } catch (e) {
      error = e;
    }
    expect(isLabError(error)).toBe(true);
    expect((error as { argument: string }).argument).toBe('batchSize');
  });
});
