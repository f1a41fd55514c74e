import { describe, expect, it } from 'vitest';
import { isLabError } from '@lab/core';
import { makeBlobs } from '@lab/datasets';
import { linearScalingRule, lrRangeTest } from './lr-range-test';
import { createModel } from './models';

const blobs = makeBlobs({ nSamples: 200, centers: 3, seed: 3 });

describe('lrRangeTest', () => {
  it('sweeps exponentially, stops on divergence, suggests a rate and restores the parameters', async () => {
    const model = createModel({ type: 'mlp', hidden: [16], dropout: 0.1 }, { nFeatures: 2, nOutputs: 3, seed: 1 });
    const before = model.stateDict();
    const rng = model.rngState();
    const r = await lrRangeTest({ model, train: blobs, optimizer: 'sgd', minLr: 1e-4, maxLr: 1e4, steps: 80, batchSize: 16 });
    expect(r.diverged).toBe(true);
    expect(r.lrs.length).toBeLessThan(80);
    expect(r.lrs[0]).toBeCloseTo(1e-4, 15);
    expect(r.lrs[1] / r.lrs[0]).toBeCloseTo(1e8 ** (1 / 79), 10);
    expect(r.smoothed[0]).toBeCloseTo(r.losses[0], 12); // bias-corrected EMA starts at the first loss
    expect(r.suggestedLr).toBeGreaterThan(1e-3);
    expect(r.suggestedLr).toBeLessThan(r.lrs.at(-1)!);
    expect(r.minLossLr).toBeGreaterThanOrEqual(r.suggestedLr);
    expect(model.stateDict()).toEqual(before);
    expect(model.rngState()).toEqual(rng);
  });

  it('rejects bad ranges', async () => {
    const model = createModel({ type: 'softmax' }, { nFeatures: 2, nOutputs: 3 });
    for (const bad of [{ minLr: 0 }, { minLr: 1, maxLr: 0.5 }, { steps: 1 }, { beta: 1 }]) {
      const e = await lrRangeTest({ model, train: blobs, ...bad }).catch((x) => x);
      expect(isLabError(e)).toBe(true);
    }
  });
});

describe('linearScalingRule', () => {
  it('scales the rate with the batch size', () => {
    expect(linearScalingRule(0.1, 256, 1024)).toBeCloseTo(0.4, 15);
    expect(linearScalingRule(0.1, 256, 64)).toBeCloseTo(0.025, 15);
    expect(() => linearScalingRule(0.1, 0, 64)).toThrow(/baseBatch/);
  });
});
