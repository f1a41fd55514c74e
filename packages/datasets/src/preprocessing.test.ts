import { NonFiniteError } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataset } from './dataset';
import { applyMinMax, fitMinMax, minMaxScale } from './min-max-scale';
import { oneHot } from './one-hot';
import { makeSineRegression } from './sine-regression';
import { applyStandardize, fitStandardize, standardize } from './standardize';
import { gatherRows, takeRows } from './take-rows';

describe('standardize', () => {
  it('matches scikit-learn StandardScaler (population std, constant feature -> scale 1)', () => {
    // sklearn: StandardScaler().fit([[1, 5, 2], [3, 5, 4], [8, 5, 9]]) -> mean_ [4, 5, 5], scale_ [2.9439..., 1, 2.9439...]
    const x = new Float32Array([1, 5, 2, 3, 5, 4, 8, 5, 9]);
    const { x: z, stats } = standardize(x, 3);
    expect([...stats.mean]).toEqual([4, 5, 5]);
    expect(stats.scale[0]).toBeCloseTo(2.943920288775949, 12);
    expect(stats.scale[1]).toBe(1);
    expect(z[0]).toBeCloseTo(-1.0190493307, 6);
    expect(z[1]).toBe(0);
  });

  it('applies training statistics to other data (fit on train, apply to test)', () => {
    const stats = fitStandardize(new Float32Array([0, 10, 2, 30]), 2);
    expect([...applyStandardize(new Float32Array([1, 20, 3, 40]), stats)]).toEqual([0, 0, 2, 2]);
  });

  it('gives mean 0 and std 1 per feature (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }), { minLength: 6, maxLength: 60 }), (values) => {
        const n = Math.floor(values.length / 2);
        const x = new Float64Array(values.slice(0, 2 * n));
        const { x: z, stats } = standardize(x, 2);
        for (let j = 0; j < 2; j++) {
          let m = 0;
          for (let i = 0; i < n; i++) m += z[2 * i + j] / n;
          expect(Math.abs(m)).toBeLessThan(1e-4);
          if (stats.scale[j] > 1e-3) {
            let v = 0;
            for (let i = 0; i < n; i++) v += (z[2 * i + j] - m) ** 2 / n;
            expect(v).toBeCloseTo(1, 3);
          }
        }
      }),
    );
  });

  it('rejects non-finite values, ragged lengths and foreign stats', () => {
    expect(() => fitStandardize(new Float32Array([1, NaN]), 1)).toThrow(NonFiniteError);
    expect(() => fitStandardize(new Float32Array([1, 2, 3]), 2)).toThrow(/not a multiple of nFeatures = 2/);
    expect(() => fitStandardize(new Float32Array([]), 2)).toThrow(/at least one row/);
    const stats = fitStandardize(new Float32Array([1, 2, 3, 4]), 2);
    expect(() => applyStandardize(new Float32Array([1, 2, 3]), stats)).toThrow(/nFeatures = 2/);
    expect(() => applyStandardize(new Float32Array([1]), { nFeatures: 1 } as never)).toThrow(/stats.mean/);
  });
});

describe('minMaxScale', () => {
  it('maps the fitted range onto [0, 1] or a given range; constant features go to low', () => {
    const { x, stats } = minMaxScale(new Float32Array([0, 7, 5, 7, 10, 7]), 2);
    expect([...x]).toEqual([0, 0, 0.5, 0, 1, 0]);
    expect([...stats.min]).toEqual([0, 7]);
    expect([...stats.max]).toEqual([10, 7]);
    const s2 = fitMinMax(new Float32Array([0, 10]), 1, [-1, 1]);
    expect([...applyMinMax(new Float32Array([5, 20]), s2)]).toEqual([0, 3]);
    expect(() => fitMinMax(new Float32Array([0]), 1, [1, 1])).toThrow(/range/);
  });
});

describe('oneHot', () => {
  it('encodes labels as rows of a matrix', () => {
    expect([...oneHot(new Int32Array([2, 0]), 3)]).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => oneHot(new Int32Array([3]), 3)).toThrow(/y\[0\] must be a class label in \[0, 3\)/);
    expect(() => oneHot([0], 0)).toThrow(/nClasses/);
  });
});

describe('takeRows / gatherRows', () => {
  const ds = createDataset({ x: [0, 1, 10, 11, 20, 21], y: [0, 1, 2], nFeatures: 2, name: 'tiny' });

  it('gathers rows in index order, with repeats, keeping the other fields', () => {
    const t = takeRows(ds, new Int32Array([2, 0, 2]));
    expect([...t.x]).toEqual([20, 21, 0, 1, 20, 21]);
    expect([...t.y]).toEqual([2, 0, 2]);
    expect(t.nSamples).toBe(3);
    expect(t.nClasses).toBe(3);
    expect(t.name).toBe('tiny');
    expect(t.x).not.toBe(ds.x);
  });

  it('gathers yTrue of regression data and keeps f', () => {
    const d = makeSineRegression({ nSamples: 5, seed: 1 });
    const t = takeRows(d, [4, 1]);
    expect([...t.yTrue]).toEqual([d.yTrue[4], d.yTrue[1]]);
    expect(t.f).toBe(d.f);
  });

  it('rejects indices out of range or not integers', () => {
    expect(() => takeRows(ds, [3])).toThrow(/indices\[0\] must be a row index in \[0, 3\), got 3/);
    expect(() => takeRows(ds, [0, -1])).toThrow(/indices\[1\]/);
    expect(() => takeRows(ds, [0.5])).toThrow(/indices\[0\]/);
    expect(() => gatherRows(new Float32Array(5), 2, [0])).toThrow(/divisible/);
  });

  it('takeRows(d, permutation) is a permutation of the rows (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), (perm) => {
        const t = takeRows(ds, perm);
        expect([...t.y].sort()).toEqual([0, 1, 2]);
        perm.forEach((p, k) => expect(t.x[2 * k]).toBe(10 * p));
      }),
    );
  });
});

describe('createDataset', () => {
  it('validates and fills defaults', () => {
    const d = createDataset({ x: new Float64Array([0, 0, 1, 1]), y: [0, 1], nFeatures: 2, classNames: ['no', 'yes'] });
    expect(d).toMatchObject({ name: 'dataset', nSamples: 2, nClasses: 2, featureNames: ['x0', 'x1'], classNames: ['no', 'yes'], source: 'user data', licence: null });
    expect(d.x).toBeInstanceOf(Float32Array);
    expect(() => createDataset({ x: [0, 1, 2], y: [0], nFeatures: 2 })).toThrow(/not a multiple/);
    expect(() => createDataset({ x: [0, 1], y: [0, 1], nFeatures: 2 })).toThrow(/y has 2 entries but the rows of x has 1/);
    expect(() => createDataset({ x: [0, 1], y: [2, 0], nFeatures: 1, nClasses: 2 })).toThrow(/labels in \[0, 2\)/);
    expect(() => createDataset({ x: [0, 1], y: [0.5, 0], nFeatures: 1 })).toThrow(/y\[0\]/);
    expect(() => createDataset({ x: [0, Infinity], y: [0, 0], nFeatures: 1 })).toThrow(NonFiniteError);
    expect(() => createDataset({ x: [0], y: [0], nFeatures: 1, featureNames: ['a', 'b'] })).toThrow(/featureNames/);
  });
});
