import { describe, expect, it } from 'vitest';
import { createRegistry, instantiate, isLabError } from '@lab/core';
import { crossEntropy, crossEntropyDefinition, huberLossDefinition, klDivDefinition, lossesPlugin, mseLoss } from '@lab/losses';
import { t64 } from '../test/helpers';

describe('lossesPlugin', () => {
  const registry = createRegistry().use(lossesPlugin);
  it('lists every loss once, each with a description and documented params with a reduction', () => {
    const names = registry.list('loss').map((e) => e.name);
    expect(names).toEqual([
      'zeroOneLoss',
      'quadraticLoss',
      'mseLoss',
      'l1Loss',
      'huberLoss',
      'smoothL1Loss',
      'crossEntropy',
      'nllLoss',
      'binaryCrossEntropy',
      'bceWithLogits',
      'hingeLoss',
      'squaredHingeLoss',
      'multiMarginLoss',
      'crammerSingerLoss',
      'softMarginLoss',
      'hingeEmbeddingLoss',
      'klDiv',
    ]);
    for (const e of registry.list('loss')) {
      expect(e.meta.description.length).toBeGreaterThan(5);
      expect(e.meta.paper).toBeTruthy();
      expect(e.params.reduction).toBeDefined();
      for (const p of Object.values(e.params)) expect(p.description.length).toBeGreaterThan(5);
    }
  });
  it('builds losses from config that agree with the plain functions', () => {
    const x = t64([[2, 0, -1], [0.5, 0.5, 3]]);
    const y = t64([0, 2]);
    const built = registry.build('loss', { type: 'crossEntropy', labelSmoothing: 0.1, weight: [1, 2, 3] });
    expect((built.forward(x, y) as ReturnType<typeof mseLoss>).item()).toBe(crossEntropy(x, [0, 2], { labelSmoothing: 0.1, weight: [1, 2, 3] }).item());
    expect(instantiate(crossEntropyDefinition).forward(x, y).item()).toBe(crossEntropy(x, y).item());
  });
  it('fills defaults and validates hyper-parameters from the spec', () => {
    expect(registry.resolve('loss', { type: 'huberLoss' })).toEqual({ delta: 1, reduction: 'mean' });
    expect(registry.resolve('loss', { type: 'klDiv', reduction: 'batchmean' })).toEqual({ logTarget: false, reduction: 'batchmean' });
    for (const bad of [{ type: 'huberLoss', delta: -1 }, { type: 'crossEntropy', ignoreIndex: 0.5 }, { type: 'multiMarginLoss', p: 3 }, { type: 'klDiv', reduction: 'max' }]) {
      let caught: unknown;
      try {
        registry.build('loss', bad);
      } catch (e) {
        caught = e;
      }
      expect(isLabError(caught), JSON.stringify(bad)).toBe(true);
    }
    expect(huberLossDefinition.kind).toBe('loss');
    expect(klDivDefinition.params.reduction.default).toBe('mean');
  });
});
