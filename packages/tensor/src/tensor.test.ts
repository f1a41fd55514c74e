import { isLabError, ShapeMismatchError, InvalidArgumentError } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { arange, eye, full, linspace, ones, scalar, tensor, zeros } from './tensor';
import { rand, randn } from './random';

describe('creation', () => {
  test('nested arrays infer the shape; float32 by default', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.strides).toEqual([3, 1]);
    expect(t.dtype).toBe('float32');
    expect(t.data()).toBeInstanceOf(Float32Array);
    expect(t.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(t.rank).toBe(2);
    expect(t.size).toBe(6);
  });

  test('a Float64Array gives float64; a flat array takes an explicit shape', () => {
    const t = tensor(new Float64Array([1, 2, 3, 4, 5, 6]), { shape: [3, 2] });
    expect(t.dtype).toBe('float64');
    expect(t.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(tensor([1, 2], { dtype: 'float64' }).data()).toBeInstanceOf(Float64Array);
  });

  test('float32 rounds, float64 keeps every bit', () => {
    expect(tensor([0.1]).data()[0]).toBe(Math.fround(0.1));
    expect(tensor([0.1], { dtype: 'float64' }).data()[0]).toBe(0.1);
    const a = tensor([1e-17], { dtype: 'float64' }).add(1).sub(1);
    expect(a.item()).toBe(1 + 1e-17 - 1);
  });

  test('scalars, factories', () => {
    expect(scalar(3).shape).toEqual([]);
    expect(scalar(3).item()).toBe(3);
    expect(zeros([2, 2]).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
    expect(full([2], 7, { dtype: 'float64' }).toArray()).toEqual([7, 7]);
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(eye(2).toArray()).toEqual([[1, 0], [0, 1]]);
    expect(zeros([0, 3]).size).toBe(0);
  });

  test('rand and randn are seeded and reproducible', () => {
    expect(Array.from(randn([5], 3).data())).toEqual(Array.from(randn([5], 3).data()));
    expect(Array.from(randn([5], 3).data())).not.toEqual(Array.from(randn([5], 4).data()));
    const u = rand([1000], 1, { low: -2, high: 2 }).data();
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...u)).toBeLessThan(2);
    const n = randn([4000], 2, { mean: 1, std: 2, dtype: 'float64' });
    expect(n.mean().item()).toBeCloseTo(1, 0);
    expect(n.sub(n.mean()).square().mean().sqrt().item()).toBeGreaterThan(1.85);
    expect(n.sub(n.mean()).square().mean().sqrt().item()).toBeLessThan(2.15);
  });

  test('bad input fails loudly with lab errors', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(InvalidArgumentError);
    expect(() => tensor([1, 2, 3], { shape: [2, 2] })).toThrow(/shape/);
    expect(() => tensor([1], { dtype: 'int8' as never })).toThrow(/dtype/);
    expect(() => zeros([-1])).toThrow(/shape/);
    expect(() => randn([2], 1.5)).toThrow(/rng/);
    expect(() => tensor([1, 2]).item()).toThrow(/one-element/);
    try {
      tensor([1, 2]).add(tensor([1, 2, 3]));
      expect.unreachable();
    } catch (e) {
      expect(isLabError(e)).toBe(true);
      expect(e).toBeInstanceOf(ShapeMismatchError);
      expect((e as Error).message).toBe('add: shapes [2] and [3] cannot be broadcast together');
    }
  });

  test('mixing dtypes needs an explicit cast', () => {
    const a = tensor([1, 2]);
    const b = tensor([1, 2], { dtype: 'float64' });
    expect(() => a.add(b)).toThrow(/dtype float32.*\.to\('float32'\)/);
    expect(() => a.matmul(b)).toThrow(/dtype/);
    expect(a.add(b.to('float32')).toArray()).toEqual([2, 4]);
    expect(a.to('float64').add(b).dtype).toBe('float64');
  });

  test('data() is a copy; toString shows values', () => {
    const t = tensor([1, 2]);
    t.data()[0] = 100;
    expect(t.toArray()).toEqual([1, 2]);
    expect(String(tensor([1, 2], { requiresGrad: true }))).toBe('Tensor([1,2], shape=[2], dtype=float32, requiresGrad)');
  });
});
