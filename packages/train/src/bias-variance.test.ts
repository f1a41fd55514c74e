import { describe, expect, it } from 'vitest';
import { makeMoons, makePolynomialRegression } from '@lab/datasets';
import { biasVariance, biasVarianceCurve } from './bias-variance';
import { createPoolExecutor } from './node';

const train = makePolynomialRegression({ nSamples: 40, noise: 0.3, seed: 1 });
const test = makePolynomialRegression({ nSamples: 2000, noise: 0.3, seed: 2 });

describe('biasVariance', () => {
  it('squared loss: bias² + variance + noise = total, the identity holds and total ≈ expected loss', async () => {
    const r = await biasVariance({ model: { type: 'polynomial', degree: 3 }, train, test, rounds: 60, seed: 0 });
    expect(r.noise).toBeCloseTo(0.09, 12);
    expect(r.total).toBeCloseTo(r.bias + r.variance + r.noise!, 14);
    expect(r.identityError / r.expectedLoss).toBeLessThan(1e-12);
    expect(Math.abs(r.expectedLoss - r.total!) / r.total!).toBeLessThan(0.1);
    expect(r.trainLoss).toBeLessThan(r.expectedLoss);
  });

  it('without the true function, bias and variance add up to the expected loss (mlxtend)', async () => {
    const r = await biasVariance({ model: { type: 'linear' }, train, test: { ...test, yTrue: undefined }, rounds: 20 });
    expect(r.noise).toBeNull();
    expect(r.expectedLoss).toBeCloseTo(r.bias + r.variance, 12);
  });

  it('sweeps the degree: bias falls, variance rises, training error falls', async () => {
    const small = makePolynomialRegression({ nSamples: 25, noise: 0.3, seed: 4 });
    const curve = await biasVarianceCurve({ model: { type: 'polynomial', degree: 1 }, train: small, test, rounds: 40, sweep: { path: 'model.degree', values: [1, 3, 9] } });
    const [lo, good, hi] = curve.points;
    expect(lo.bias).toBeGreaterThan(good.bias);
    expect(hi.variance).toBeGreaterThan(good.variance);
    expect(good.variance).toBeGreaterThan(lo.variance);
    expect(curve.trainLoss[0]).toBeGreaterThan(curve.trainLoss[1]);
    expect(curve.trainLoss[1]).toBeGreaterThan(curve.trainLoss[2]);
    // test error is U-shaped: the good fit is best
    expect(curve.expectedLoss[1]).toBeLessThan(curve.expectedLoss[0]);
    expect(curve.expectedLoss[1]).toBeLessThan(curve.expectedLoss[2]);
    for (const p of curve.points) expect(p.identityError / p.expectedLoss).toBeLessThan(1e-12);
  });

  it('sweeps the ridge λ: larger λ, more bias and less variance', async () => {
    const curve = await biasVarianceCurve({ model: { type: 'polynomial', degree: 9 }, train, test, rounds: 30, sweep: { path: 'fit.regularization.l2', values: [1e-6, 1] } });
    expect(curve.bias[1]).toBeGreaterThan(curve.bias[0]);
    expect(curve.variance[1]).toBeLessThan(curve.variance[0]);
  });

  it("0-1 loss: Domingos' decomposition E[L] = B + net variance holds exactly", async () => {
    const moons = makeMoons({ nSamples: 80, noise: 0.3, seed: 5 });
    const moonsTest = makeMoons({ nSamples: 100, noise: 0.3, seed: 6 });
    const r = await biasVariance({ model: { type: 'logistic' }, train: moons, test: moonsTest, rounds: 10, fit: { epochs: 5, optimizer: { type: 'adam', lr: 0.05 } } });
    expect(r.loss).toBe('0-1');
    expect(r.identityError / r.expectedLoss).toBeLessThan(1e-12);
    expect(r.bias).toBeGreaterThan(0.05);
    expect(r.netVariance!).toBeLessThanOrEqual(r.variance);
  });

  it('gives identical results on worker threads', async () => {
    const options = { model: { type: 'polynomial', degree: 5 }, train, test, rounds: 6 } as const;
    const serial = await biasVariance(options);
    const pool = await createPoolExecutor({ threads: 2 });
    try {
      expect(await biasVariance({ ...options, executor: pool })).toEqual(serial);
    } finally {
      await pool.destroy();
    }
  }, 30_000);
});
