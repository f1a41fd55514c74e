/**
 * The fast paths (dense integer-label tables, the pair-counting table, the radix sort of scores)
 * against the general paths they replace (the package's own general routes, and the comparator
 * sort the radix sort replaced, kept here as the oracle): same label
 * indices and order, same counts, the same binary curve bit for bit (ties, negative scores, -0,
 * weights), the same errors. Sizes cross the thresholds where the routes switch (1,024 labels for
 * the 256-wide counting table, 65,536 scores for the radix sort).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError, NonFiniteError, Rng } from '@lab/core';
import { confusionMatrix, confusionMatrixMetric, precisionRecallFscoreSupport } from './index';
import { averagePrecisionScore, rocAucScore, rocAucScoreMetric, rocCurve } from './scores';
import { binaryCurve, curveOfSorted, radixSort, type Scored } from './score-state';
import type { Label } from './types';
import { encode, encodeByMap, finite } from './util';

// ---- oracles: the general paths the fast paths replace (encodeByMap and curveOfSorted are the
// package's own general routes; the comparator sort is the one the radix sort replaced) ----

function sortedGeneral({ x, w }: Scored): Scored {
  if (!w) return { x: x.slice().sort(), w };
  const order = Array.from(x.keys()).filter((i) => w[i] > 0);
  order.sort((a, b) => x[a] - x[b] || w[a] - w[b]);
  return { x: Float64Array.from(order, (i) => x[i]), w: Float64Array.from(order, (i) => w[i]) };
}

/** The curve the way it was computed before the radix sort: comparator sorts, then the shared walk. */
const binaryCurveGeneral = (pos: Scored, neg: Scored) => curveOfSorted(sortedGeneral(pos), sortedGeneral(neg));

/** Confusion counts by definition: weight of (true = labels[i], predicted = labels[j]). */
function naiveMatrix(t: ArrayLike<Label>, p: ArrayLike<Label>, w?: ArrayLike<number> | null): number[][] {
  const labels = [...new Set([...Array.from(t), ...Array.from(p)])].sort((a, b) => (a as number) - (b as number));
  const cm = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < t.length; i++) cm[labels.indexOf(t[i])][labels.indexOf(p[i])] += w ? w[i] : 1;
  return cm;
}

const outcome = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
};

/** n entries drawn (seeded) from a pool: long arrays with many ties from a small generated pool. */
const tile = <T>(pool: readonly T[], n: number, seed: number): T[] => {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => pool[rng.int(pool.length)]);
};

// ---- labels ----

describe('label encoding: the dense table equals the Map route', () => {
  const ints = fc.array(fc.integer({ min: -3, max: 300 }), { minLength: 1, maxLength: 60 });
  test('indices and label order, with or without earlier labels, plain and typed arrays', () => {
    fc.assert(
      fc.property(ints, fc.array(fc.integer({ min: -5, max: 310 }), { maxLength: 6 }), fc.boolean(), (y, before, typed) => {
        const earlier = [...new Set(before)];
        const input = typed ? Int32Array.from(y) : y;
        const [a, b] = [earlier.slice(), earlier.slice()];
        expect(encode(input, 'yTrue', a)).toEqual(encodeByMap(input, 'yTrue', b));
        expect(a).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });
  test('wide spans, huge and non-integer values, strings and bad entries take the general route (same result or error)', () => {
    const entry = fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(70000, 2 ** 31, -(2 ** 40), 0.5, NaN, Infinity, '1', 'a', null));
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), fc.constantFrom<Label[]>([], [1], ['a']), (y, earlier) => {
        const [a, b] = [earlier.slice(), earlier.slice()];
        const got = outcome(() => encode(y, 'yTrue', a));
        expect(got).toEqual(outcome(() => encodeByMap(y, 'yTrue', b)));
        if ('ok' in got) expect(a).toEqual(b);
      }),
      { numRuns: 300 },
    );
    expect(() => encode(Float64Array.of(0, 1, 0.5), 'yTrue', [])).toThrow('yTrue[2] must be an integer or string class label');
  });
});

describe('confusion counts: the counting table equals the definition', () => {
  const batch = (max: number) =>
    fc.tuple(fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 3000 }), fc.integer(), fc.boolean());
  test('one batch (16- and 256-wide tables, and labels beyond them), plain and typed', () => {
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

// ---- scores ----

describe('binary curve: the radix sort equals the comparison sort', () => {
  const special = fc.constantFrom(0, -0, 1, -1, 0.1, -0.1, 5e-324, -5e-324, 1e300, -1e300, 2 ** -1022, 0.30000000000000004);
  const score = fc.oneof(special, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }).map((k) => k / 8));
  const weight = fc.oneof(fc.constantFrom(0, 1, 0.25), fc.double({ min: 0, max: 10, noNaN: true }));
  const side = (n: number) => fc.array(fc.tuple(score, weight), { maxLength: n });
  const split = (rows: [number, number][], weighted: boolean): Scored => ({ x: Float64Array.from(rows, (r) => r[0]), w: weighted ? Float64Array.from(rows, (r) => r[1]) : null });
  const same = (a: ReturnType<typeof binaryCurve>, b: ReturnType<typeof binaryCurve>) => {
    // thresholds compare with ===: a group of -0 and 0 scores may report either zero
    expect(Array.from(a.th, (v) => v + 0)).toEqual(Array.from(b.th, (v) => v + 0));
    expect(a.tps).toEqual(b.tps);
    expect(a.fps).toEqual(b.fps);
  };

  test('short arrays: ties, negatives, -0, subnormals, weights (bit-identical counts)', () => {
    fc.assert(
      fc.property(side(40), side(40), fc.boolean(), (p, n, weighted) => {
        same(binaryCurve(split(p, weighted), split(n, weighted)), binaryCurveGeneral(split(p, weighted), split(n, weighted)));
      }),
      { numRuns: 400 },
    );
  });
  test('long arrays (radix route): ties from a small pool, weighted and not', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 30 }), fc.integer({ min: 65536, max: 90000 }), fc.integer(), fc.boolean(), (pool, n, seed, weighted) => {
        const x = Float64Array.from(tile(pool, n, seed));
        const w = weighted ? Float64Array.from(tile([0, 0.5, 1, 1.7, 3], n, seed + 1)) : null;
        const cut = n >> 2;
        const part = (a: number, b: number): Scored => ({ x: x.slice(a, b), w: w && w.slice(a, b) });
        same(binaryCurve(part(0, cut), part(cut, n)), binaryCurveGeneral(part(0, cut), part(cut, n)));
      }),
      { numRuns: 8 },
    );
  });
  test('radixSort sorts distinct doubles of both signs like the built-in sort and carries weights', () => {
    const rng = new Rng(7);
    const x = Float64Array.from({ length: 70000 }, (_, i) => (rng.normal() * 10 ** rng.int(12)) / (i % 7 ? 1 : 1e300));
    const w = Float64Array.from(x, (v) => v * 2);
    const r = radixSort(x.slice(), w.slice());
    expect(r.x).toEqual(x.slice().sort());
    expect(r.w).toEqual(Float64Array.from(r.x, (v) => v * 2));
  });
});

describe('score metrics keep their input checks and do not alias the input', () => {
  test('non-finite scores in typed arrays', () => {
    expect(() => rocAucScore(Int32Array.of(0, 1, 1), Float64Array.of(0.1, NaN, 0.3))).toThrow(NonFiniteError);
    expect(() => averagePrecisionScore([0, 1], Float64Array.of(0.5, -Infinity))).toThrow('yScore[1] is -Infinity');
    expect(() => finite('yScore', [0.5, '1' as never])).toThrow('yScore[1] must be a number');
  });
  test('a Float64Array is checked in place, and the state keeps its own copy', () => {
    const s = Float64Array.of(0.1, 0.4, 0.35, 0.8);
    expect(finite('yScore', s)).toBe(s);
    const m = rocAucScoreMetric.create();
    const state = m.update(m.init(), { yTrue: Int32Array.of(0, 0, 1, 1), yScore: s });
    s.fill(0);
    expect(m.compute(state)).toBe(0.75);
    expect(rocCurve([0, 0, 1, 1], Float64Array.of(0.1, 0.4, 0.35, 0.8)).tpr).toEqual(Float64Array.of(0, 0.5, 0.5, 1, 1));
  });
});
