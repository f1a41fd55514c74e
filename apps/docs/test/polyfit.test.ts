import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPolynomial, mse, predict, solve } from '../docs/.vitepress/theme/lib/polyfit';

const xs = Array.from({ length: 10 }, (_, i) => i / 9);

describe('polynomial fits', () => {
  it('recovers an exact polynomial without a penalty', () => {
    const w = [0.5, -2, 3, 1];
    const y = xs.map((x) => predict(w, x));
    const fit = fitPolynomial(xs, y, 3);
    fit.forEach((v, k) => expect(v).toBeCloseTo(w[k], 6));
  });

  it('interpolates N points with degree N − 1 (the over-fit of the lecture)', () => {
    const y = xs.map((x) => Math.sin(2 * Math.PI * x) + (x > 0.5 ? 0.3 : -0.3));
    expect(mse(fitPolynomial(xs, y, 9), xs, y)).toBeLessThan(1e-8);
  });

  it('ridge shrinks the coefficients as λ grows, and λ → ∞ leaves the mean', () => {
    const y = xs.map((x) => Math.sin(2 * Math.PI * x));
    const norms = [0, 1e-4, 1e-2, 1].map((l) => fitPolynomial(xs, y, 6, { penalty: 'l2', lambda: l }).slice(1).reduce((a, v) => a + v * v, 0));
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]);
    const flat = fitPolynomial(xs, y, 6, { penalty: 'l2', lambda: 1e9 });
    expect(flat[0]).toBeCloseTo(y.reduce((a, v) => a + v, 0) / y.length, 6);
  });

  it('lasso sets coefficients exactly to zero and satisfies its optimality conditions', () => {
    const y = xs.map((x) => 1 + 2 * x + 0.1 * Math.cos(7 * x));
    const lambda = 0.05;
    const w = fitPolynomial(xs, y, 5, { penalty: 'l1', lambda });
    expect(Array.from(w.slice(1)).filter((v) => v === 0).length).toBeGreaterThan(0);
    // KKT: (2/N) Φ_kᵀ r = λ sign(w_k) where w_k ≠ 0, |·| ≤ λ where w_k = 0 (bias: = 0)
    for (let k = 0; k <= 5; k++) {
      const g = (2 / xs.length) * xs.reduce((a, x, i) => a + x ** k * (y[i] - predict(w, x)), 0);
      if (k === 0) expect(Math.abs(g)).toBeLessThan(1e-6);
      else if (w[k] !== 0) expect(g).toBeCloseTo(lambda * Math.sign(w[k]), 5);
      else expect(Math.abs(g)).toBeLessThanOrEqual(lambda + 1e-6);
    }
  });

  it('solve() solves random well-conditioned systems', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 16, maxLength: 16 }), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (a, x) => {
        const A = Float64Array.from(a);
        for (let i = 0; i < 4; i++) A[i * 4 + i] += 5; // diagonally dominant
        const b = new Float64Array(4);
        for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) b[r] += A[r * 4 + c] * x[c];
        const got = solve(A, b, 4);
        got.forEach((v, i) => expect(v).toBeCloseTo(x[i], 9));
      }),
    );
  });
});
