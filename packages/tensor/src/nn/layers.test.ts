import { describe, expect, test } from 'vitest';
import { ones, tensor } from '../tensor';
import { expectClose } from '../test-helpers';
import { Identity, LeakyReLU, LogSoftmax, ReLU, Sigmoid, Softmax, Softplus, Tanh } from './activations';
import { Dropout } from './dropout';
import { PolynomialFeatures } from './polynomial-features';

describe('activation modules', () => {
  test('wrap the ops', () => {
    const x = tensor([[-1, 0.5]]);
    expect(new ReLU().forward(x).toArray()).toEqual(x.relu().toArray());
    expect(new LeakyReLU(0.2).forward(x).toArray()).toEqual(x.leakyRelu(0.2).toArray());
    expect(new LeakyReLU().slope).toBe(0.01);
    expect(new Sigmoid().forward(x).toArray()).toEqual(x.sigmoid().toArray());
    expect(new Tanh().forward(x).toArray()).toEqual(x.tanh().toArray());
    expect(new Softplus().forward(x).toArray()).toEqual(x.softplus().toArray());
    expect(new Softmax(0).forward(x).toArray()).toEqual([[1, 1]]);
    expect(new LogSoftmax().forward(x).toArray()).toEqual(x.logSoftmax(-1).toArray());
    expect(new Identity().forward(x)).toBe(x);
  });
});

describe('Dropout', () => {
  test('training: zeros about p of the entries and scales the rest by 1/(1-p); seeded', () => {
    const x = ones([100, 100]);
    const y = new Dropout(0.3, { rng: 1 }).forward(x).data();
    const zeros = y.filter((v) => v === 0).length;
    expect(zeros / y.length).toBeGreaterThan(0.27);
    expect(zeros / y.length).toBeLessThan(0.33);
    expect(new Set(y)).toEqual(new Set([0, Math.fround(1 / 0.7)]));
    expect(Array.from(new Dropout(0.3, { rng: 1 }).forward(x).data())).toEqual(Array.from(y));
    expect(Array.from(new Dropout(0.3, { rng: 2 }).forward(x).data())).not.toEqual(Array.from(y));
  });

  test('evaluation mode, p = 0 and p = 1', () => {
    const x = tensor([1, 2, 3]);
    expect(new Dropout(0.5).eval().forward(x)).toBe(x);
    expect(new Dropout(0).forward(x)).toBe(x);
    expect(new Dropout(1).forward(x).toArray()).toEqual([0, 0, 0]);
    expect(() => new Dropout(1.5)).toThrow(/probability/);
  });

  test('gradient flows through the kept entries only', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], { requiresGrad: true });
    const y = new Dropout(0.5, { rng: 3 }).forward(x);
    y.sum().backward();
    expect(Array.from(x.grad!.data())).toEqual(Array.from(y.data()).map((v, i) => v / (i + 1)));
  });
});

describe('PolynomialFeatures (scikit-learn order)', () => {
  const X = tensor([[2, 3, 5], [1, -1, 0.5]], { dtype: 'float64' });
  test('degree 2 with bias', () => {
    const p = new PolynomialFeatures(2);
    expect(p.forward(X).toArray()).toEqual([
      [1, 2, 3, 5, 4, 6, 10, 9, 15, 25],
      [1, 1, -1, 0.5, 1, -1, 0.5, 1, -0.5, 0.25],
    ]);
    expect(p.outFeatures(3)).toBe(10);
  });
  test('degree 3 without bias; interaction only', () => {
    expectClose(new PolynomialFeatures(3, { includeBias: false }).forward(X).toArray(), [
      [2, 3, 5, 4, 6, 10, 9, 15, 25, 8, 12, 20, 18, 30, 50, 27, 45, 75, 125],
      [1, -1, 0.5, 1, -1, 0.5, 1, -0.5, 0.25, 1, -1, 0.5, 1, -0.5, 0.25, -1, 0.5, -0.25, 0.125],
    ]);
    expect(new PolynomialFeatures(3, { interactionOnly: true }).forward(X).toArray()).toEqual([
      [1, 2, 3, 5, 6, 10, 15, 30],
      [1, 1, -1, 0.5, -1, 0.5, -0.5, -0.5],
    ]);
  });
  test('differentiable; rejects bad input', () => {
    const x = tensor([[2, 3]], { dtype: 'float64', requiresGrad: true });
    new PolynomialFeatures(2).forward(x).sum().backward(); // d/dx of 1 + a + b + a² + ab + b²
    expect(x.grad?.toArray()).toEqual([[1 + 4 + 3, 1 + 2 + 6]]);
    expect(() => new PolynomialFeatures(2).forward(tensor([1, 2]))).toThrow(/2-D/);
    expect(() => new PolynomialFeatures(-1)).toThrow(/degree/);
  });
});
