import { Rng } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { zeros } from '../tensor';
import {
  calculateGain,
  computeFans,
  initConstant,
  initKaimingNormal,
  initKaimingUniform,
  initNormal,
  initUniform,
  initXavierNormal,
  initXavierUniform,
} from './init';
import { Linear } from './linear';

function stats(values: ArrayLike<number>) {
  const a = Array.from(values);
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  const std = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
  return { mean, std, min: Math.min(...a), max: Math.max(...a) };
}

describe('initialisers (torch.nn.init)', () => {
  test('calculateGain matches PyTorch', () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('sigmoid')).toBe(1);
    expect(calculateGain('tanh')).toBeCloseTo(1.6666666666666667, 15);
    expect(calculateGain('relu')).toBeCloseTo(Math.SQRT2, 15);
    expect(calculateGain('leaky_relu')).toBeCloseTo(1.4141428569978354, 15);
    expect(calculateGain('leaky_relu', 0.2)).toBeCloseTo(1.3867504905630728, 15);
    expect(calculateGain('selu')).toBe(0.75);
    expect(() => calculateGain('swish' as never)).toThrow(/nonlinearity/);
  });

  test('fans follow PyTorch ([out, in, ...kernel])', () => {
    expect(computeFans([4, 3])).toEqual([3, 4]);
    expect(computeFans([8, 2, 3, 3])).toEqual([18, 72]);
    expect(() => computeFans([5])).toThrow(/at least 2 axes/);
  });

  const shape = [200, 300]; // fanIn 300, fanOut 200
  test('uniform / normal / constant', () => {
    const u = stats(initUniform(zeros(shape), { low: -2, high: 1, rng: 1 }).data());
    expect(u.min).toBeGreaterThanOrEqual(-2);
    expect(u.max).toBeLessThan(1);
    expect(u.mean).toBeCloseTo(-0.5, 1);
    const n = stats(initNormal(zeros(shape), { mean: 3, std: 0.5, rng: 1 }).data());
    expect(n.mean).toBeCloseTo(3, 1);
    expect(n.std).toBeCloseTo(0.5, 1);
    expect(Array.from(initConstant(zeros([3]), 7).data())).toEqual([7, 7, 7]);
  });

  test('Xavier: bound gain·√(6/(in+out)), std gain·√(2/(in+out))', () => {
    const bound = 2 * Math.sqrt(6 / 500);
    const u = stats(initXavierUniform(zeros(shape), { gain: 2, rng: 2 }).data());
    expect(u.max).toBeLessThanOrEqual(bound);
    expect(u.max).toBeGreaterThan(0.98 * bound);
    expect(u.std).toBeCloseTo(bound / Math.sqrt(3), 2);
    expect(stats(initXavierNormal(zeros(shape), { rng: 2 }).data()).std).toBeCloseTo(Math.sqrt(2 / 500), 2);
  });

  test('Kaiming: gain/√fan with fan_in or fan_out', () => {
    const relu = { nonlinearity: 'relu', rng: 3 } as const;
    expect(stats(initKaimingNormal(zeros(shape), relu).data()).std).toBeCloseTo(Math.SQRT2 / Math.sqrt(300), 2);
    expect(stats(initKaimingNormal(zeros(shape), { ...relu, mode: 'fan_out' }).data()).std).toBeCloseTo(Math.SQRT2 / Math.sqrt(200), 2);
    const b = Math.sqrt(3) * Math.SQRT2 / Math.sqrt(300);
    const u = stats(initKaimingUniform(zeros(shape), relu).data());
    expect(u.max).toBeLessThanOrEqual(b);
    expect(u.max).toBeGreaterThan(0.98 * b);
    expect(() => initKaimingUniform(zeros(shape), { mode: 'fan_avg' as never, rng: 1 })).toThrow(/mode/);
  });

  test('Linear defaults like PyTorch: weight and bias in U(-1/√in, 1/√in)', () => {
    const fc = new Linear(400, 50, { rng: 4 });
    const bound = 1 / Math.sqrt(400);
    const w = stats(fc.weight.data());
    expect(w.max).toBeLessThanOrEqual(bound);
    expect(w.min).toBeGreaterThanOrEqual(-bound);
    expect(w.max).toBeGreaterThan(0.98 * bound);
    expect(w.std).toBeCloseTo(bound / Math.sqrt(3), 3);
    const bias = stats(fc.bias!.data());
    expect(bias.max).toBeLessThanOrEqual(bound);
    expect(fc.weight.requiresGrad && fc.bias!.requiresGrad).toBe(true);
  });

  test('seeded: same seed or Rng state gives the same weights', () => {
    expect(Array.from(new Linear(3, 3, { rng: 5 }).weight.data())).toEqual(Array.from(new Linear(3, 3, { rng: new Rng(5) }).weight.data()));
    const rng = new Rng(5);
    const a = new Linear(3, 3, { rng });
    const b = new Linear(3, 3, { rng });
    expect(Array.from(a.weight.data())).not.toEqual(Array.from(b.weight.data()));
    expect(() => initUniform(zeros([2]), { rng: 'x' as never })).toThrow(/rng/);
  });
});
