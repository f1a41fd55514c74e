import { describe, expect, test } from 'vitest';
import { aucInputs, countPairs, labAuc, labCm, labPrf, prfInputs } from './metrics';

describe('metrics workloads', () => {
  test('AUC inputs have ties and both classes; lab AUC equals the pairwise definition', () => {
    const { y, s } = aucInputs(2000, 3);
    expect(new Set(s).size).toBeLessThan(1001);
    const pos = [...s].filter((_, i) => y[i] === 1);
    const neg = [...s].filter((_, i) => y[i] === 0);
    expect(pos.length).toBeGreaterThan(0);
    expect(neg.length).toBeGreaterThan(0);
    let wins = 0;
    for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
    expect(labAuc(y, s)).toBeCloseTo(wins / (pos.length * neg.length), 12);
  });

  test('macro P/R/F1 equals the one computed from the counting floor', () => {
    const { yt, yp } = prfInputs(5000, 4);
    const c = countPairs(yt, yp, 10);
    const p: number[] = [];
    const r: number[] = [];
    const f: number[] = [];
    for (let k = 0; k < 10; k++) {
      let pred = 0;
      let tru = 0;
      for (let j = 0; j < 10; j++) {
        pred += c[j * 10 + k];
        tru += c[k * 10 + j];
      }
      const tp = c[k * 10 + k];
      p.push(tp / pred);
      r.push(tp / tru);
      f.push((2 * tp) / (pred + tru));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [P, R, F] = labPrf(yt, yp);
    expect(P).toBeCloseTo(mean(p), 12);
    expect(R).toBeCloseTo(mean(r), 12);
    expect(F).toBeCloseTo(mean(f), 12);
    expect(P).toBeGreaterThan(0.6);
  });

  test('the confusion matrix equals the counting floor, for typed-array labels on both routes', () => {
    const { yt, yp } = prfInputs(5000, 5);
    const c = countPairs(yt, yp, 10);
    expect(labCm(yt, yp)).toEqual(Array.from({ length: 10 }, (_, i) => Array.from(c.subarray(i * 10, i * 10 + 10))));
    // labels shifted out of [0, 256): the general route gives the same matrix
    const shift = (a: Int32Array) => a.map((v) => v + 1000);
    expect(labCm(shift(yt), shift(yp))).toEqual(labCm(yt, yp));
  });
});
