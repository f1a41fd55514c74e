/**
 * The fast path of the label metrics (the 256 x 256 pair-counting table) against the counts by
 * definition: same matrices on one batch and streamed over batches that take different routes,
 * the same errors. Sizes cross the threshold where the route switches (1,024 labels).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError, Rng } from '@lab/core';
import { confusionMatrix, confusionMatrixMetric, precisionRecallFscoreSupport } from './index';
import type { Label } from './types';

/** Confusion counts by definition: weight of (true = labels[i], predicted = labels[j]). */
function naiveMatrix(t: ArrayLike<Label>, p: ArrayLike<Label>, w?: ArrayLike<number> | null): number[][] {
  const labels = [...new Set([...Array.from(t), ...Array.from(p)])].sort((a, b) => (a as number) - (b as number));
  const cm = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < t.length; i++) cm[labels.indexOf(t[i])][labels.indexOf(p[i])] += w ? w[i] : 1;
  return cm;
}

/** n entries drawn (seeded) from a pool: long arrays with many ties from a small generated pool. */
const tile = <T>(pool: readonly T[], n: number, seed: number): T[] => {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => pool[rng.int(pool.length)]);
};

describe('confusion counts: the counting table equals the definition', () => {
  const batch = (max: number) =>
    fc.tuple(fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 3000 }), fc.integer(), fc.boolean());
  test('one batch (the table for 1,024+ labels in [0, 256), the general route otherwise), plain and typed', () => {
    fc.assert(
      fc.property(batch(300), ([pool, n, seed, typed]) => {
        const t = tile(pool, n, seed);
        const p = tile(pool, n, seed + 1);
        const [yt, yp] = typed ? [Int32Array.from(t), Int32Array.from(p)] : [t, p];
        expect(confusionMatrix(yt, yp)).toEqual(naiveMatrix(t, p));
      }),
      { numRuns: 80 },
    );
  });
  test('streamed over batches that take different routes, merged in either order', () => {
    fc.assert(
      fc.property(batch(20), batch(400), fc.boolean(), ([pa, na, sa], [pb, nb, sb], reverse) => {
        const parts = [
          [tile(pa, na, sa), tile(pa, na, sa + 1)],
          [tile(pb, nb, sb), tile(pb, nb, sb + 1)],
        ];
        const m = confusionMatrixMetric.create();
        const states = parts.map(([t, p]) => m.update(m.update(m.init(), { yTrue: Int32Array.from(t), yPred: p }), { yTrue: t.slice(0, 3), yPred: p.slice(0, 3) }));
        if (reverse) states.reverse();
        const all = parts.flatMap(([t, p]) => [t.concat(t.slice(0, 3)), p.concat(p.slice(0, 3))]);
        expect(m.compute(m.merge(states[0], states[1]))).toEqual(naiveMatrix([...all[0], ...all[2]], [...all[1], ...all[3]]));
      }),
      { numRuns: 60 },
    );
  });
  test('weights (general route) and macro P/R/F1 from the same counts', () => {
    const t = tile([0, 1, 2, 3, 4], 5000, 1);
    const p = tile([0, 1, 2, 3, 4], 5000, 2);
    const w = tile([0, 0.25, 1.5, 3], 5000, 3);
    expect(confusionMatrix(t, p, { sampleWeight: w })).toEqual(naiveMatrix(t, p, w));
    const cm = naiveMatrix(t, p);
    const per = cm.map((row, k) => {
      const tp = row[k];
      const pred = cm.reduce((a, r) => a + r[k], 0);
      const tru = row.reduce((a, b) => a + b, 0);
      return [tp / pred, tp / tru, (2 * tp) / (pred + tru)];
    });
    const r = precisionRecallFscoreSupport(Int32Array.from(t), Int32Array.from(p), { average: 'macro' });
    [r.precision, r.recall, r.fscore].forEach((v, j) => expect(v).toBeCloseTo(per.reduce((a, x) => a + x[j], 0) / 5, 14));
  });
  test('bad labels fail as before, naming the entry', () => {
    expect(() => confusionMatrix(Float64Array.of(0, 1, 2), Float64Array.of(0, 1, 0.5))).toThrow('yPred[2] must be an integer or string class label');
    expect(() => confusionMatrix(new Float64Array(2000).fill(1), new Float64Array(2000).fill(NaN))).toThrow(InvalidArgumentError);
    expect(() => confusionMatrix([0, 1], ['a', 'b'] as never)).toThrow('no mix of numbers and strings');
  });
});
