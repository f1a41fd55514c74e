import { describe, expect, it } from 'vitest';
import { isLabError } from '@lab/core';
import { makePolynomialRegression } from '@lab/datasets';
import { tensor } from '@lab/tensor';
import { evaluate, predict } from './evaluate';
import { fit } from './fit';
import { fitLeastSquares } from './least-squares';
import { createModel } from './models';

describe('createModel', () => {
  it('builds every spec with the right parameters and output width', () => {
    const names = (m: ReturnType<typeof createModel>) => m.namedParameters().map((p) => `${p.name}:${p.shape.join('x')}`);
    expect(names(createModel({ type: 'linear' }, { nFeatures: 3, nOutputs: 2 }))).toEqual(['layers.0.weight:2x3', 'layers.0.bias:2']);
    expect(names(createModel({ type: 'polynomial', degree: 2 }, { nFeatures: 2 }))).toEqual(['layers.1.weight:1x5', 'layers.1.bias:1']);
    expect(names(createModel({ type: 'logistic' }, { nFeatures: 4, nOutputs: 7 }))).toEqual(['layers.0.weight:1x4', 'layers.0.bias:1']);
    expect(names(createModel({ type: 'softmax', bias: false }, { nFeatures: 4, nOutputs: 3 }))).toEqual(['layers.0.weight:3x4']);
    const mlp = createModel({ type: 'mlp', hidden: [8, 4], activation: 'tanh', dropout: 0.5 }, { nFeatures: 2, nOutputs: 3, seed: 1 });
    expect(names(mlp)).toEqual(['layers.0.weight:8x2', 'layers.0.bias:8', 'layers.3.weight:4x8', 'layers.3.bias:4', 'layers.6.weight:3x4', 'layers.6.bias:3']);
    expect(mlp.forward(tensor([[1, 2]])).shape).toEqual([1, 3]);
  });

  it('is seeded: the same seed gives the same weights, dropout does not change them', () => {
    const a = createModel({ type: 'mlp', hidden: [8] }, { nFeatures: 2, nOutputs: 3, seed: 5 }).stateDict();
    const b = createModel({ type: 'mlp', hidden: [8], dropout: 0.3 }, { nFeatures: 2, nOutputs: 3, seed: 5 }).stateDict();
    const c = createModel({ type: 'mlp', hidden: [8] }, { nFeatures: 2, nOutputs: 3, seed: 6 }).stateDict();
    expect(Object.values(b)).toEqual(Object.values(a));
    expect(c).not.toEqual(a);
  });

  it('rejects bad specs naming the field', () => {
    const bad: [unknown, RegExp][] = [
      [{ type: 'tree' }, /model type/],
      [{ type: 'polynomial' }, /spec\.degree/],
      [{ type: 'mlp', hidden: [0] }, /spec\.hidden\[0\]/],
      [{ type: 'mlp', activation: 'gelu' }, /spec\.activation/],
      [{ type: 'mlp', dropout: 1 }, /spec\.dropout/],
    ];
    for (const [spec, msg] of bad) {
      let e: unknown;
      try {
        createModel(spec as never, { nFeatures: 2, nOutputs: 2 });
      } catch (x) {
        e = x;
      }
      expect(isLabError(e) && (e as Error).message).toMatch(msg);
    }
  });
});

describe('polynomial regression: under-, good and over-fit', () => {
  // The lecture's figure: 12 noisy samples of x³ − x; degrees 1, 3 and 11.
  const train = makePolynomialRegression({ nSamples: 12, noise: 0.2, seed: 3 });
  const test = makePolynomialRegression({ nSamples: 500, noise: 0.2, seed: 4, sampling: 'grid', xRange: [-1.4, 1.4] });
  const errors = (degree: number) => {
    const model = fitLeastSquares(createModel({ type: 'polynomial', degree }, { nFeatures: 1 }), train);
    return { train: evaluate(model, train).metrics.mse, test: evaluate(model, test).metrics.mse };
  };

  it('shows the expected train/test error ordering (closed form)', () => {
    const [under, good, over] = [1, 3, 11].map(errors);
    expect(under.train).toBeGreaterThan(good.train);
    expect(good.train).toBeGreaterThan(over.train);
    expect(over.train).toBeLessThan(1e-6); // interpolates the 12 points
    expect(good.test).toBeLessThan(under.test);
    expect(good.test).toBeLessThan(over.test);
    expect(under.test).toBeGreaterThan(under.train * 0.5);
  });

  it('gradient descent on MSE approaches the least-squares solution', async () => {
    const gd = createModel({ type: 'polynomial', degree: 3 }, { nFeatures: 1, seed: 1 });
    await fit({ model: gd, train, optimizer: { type: 'adam', lr: 0.05 }, batchSize: 12, shuffle: false, iterations: 3000 });
    const exact = fitLeastSquares(createModel({ type: 'polynomial', degree: 3 }, { nFeatures: 1 }), train);
    const xs = { x: new Float32Array([-1, 0, 0.5, 1.2]), nFeatures: 1 };
    const a = predict(gd, xs).output;
    const b = predict(exact, xs).output;
    for (let i = 0; i < 4; i++) expect(a[i]).toBeCloseTo(b[i], 2);
  });

  it('ridge: l2 shrinks the weights; rank-deficient designs need it', () => {
    const w = (l2: number) => Math.hypot(...fitLeastSquares(createModel({ type: 'polynomial', degree: 9 }, { nFeatures: 1 }), train, { l2 }).stateDict()['layers.1.weight']);
    expect(w(1e-2)).toBeLessThan(w(0));
    const tiny = makePolynomialRegression({ nSamples: 4, seed: 1 });
    expect(() => fitLeastSquares(createModel({ type: 'polynomial', degree: 6 }, { nFeatures: 1 }), tiny)).toThrow(/l2 > 0/);
    expect(() => fitLeastSquares(createModel({ type: 'polynomial', degree: 6 }, { nFeatures: 1 }), tiny, { l2: 1e-3 })).not.toThrow();
  });
});
