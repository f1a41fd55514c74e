import { ShapeMismatchError } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { arange, tensor } from '../tensor';
import { concat, stack } from './shape-ops';

const m = () => arange(6).reshape([2, 3]); // [[0,1,2],[3,4,5]]

describe('views share storage (no copy)', () => {
  test('reshape of a contiguous tensor, transpose, slice, expand, detach', () => {
    const a = m();
    for (const v of [a.reshape([3, 2]), a.reshape([-1]), a.transpose(), a.slice([1, 1]), a.expand([4, 2, 3]), a.detach(), a.unsqueeze(0)])
      expect(v.storage).toBe(a.storage);
  });

  test('reshape infers -1 and copies only non-contiguous input', () => {
    expect(m().reshape([3, -1]).toArray()).toEqual([[0, 1], [2, 3], [4, 5]]);
    const t = m().transpose();
    expect(t.isContiguous).toBe(false);
    const r = t.reshape([6]);
    expect(r.storage).not.toBe(t.storage);
    expect(r.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(() => m().reshape([4, 2])).toThrow('reshape: shapes [2, 3] and [4, 2] do not have the same number of elements');
    expect(() => m().reshape([-1, -1])).toThrow(/at most one -1/);
  });

  test('transpose and swapAxes', () => {
    expect(m().transpose().toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(m().transpose().strides).toEqual([1, 3]);
    const c = arange(24).reshape([2, 3, 4]);
    expect(c.transpose([1, 0, 2]).shape).toEqual([3, 2, 4]);
    expect(c.transpose([2, 0, 1]).toArray()).toEqual(c.swapAxes(0, 2).swapAxes(1, 2).toArray());
    expect(c.swapAxes(-1, -2).shape).toEqual([2, 4, 3]);
    expect(() => c.transpose([0, 0, 1])).toThrow(/permutation/);
  });

  test('slice (begin, size with -1) and negative begin', () => {
    const c = arange(24).reshape([2, 3, 4]);
    expect(m().slice([0, 1], [2, 2]).toArray()).toEqual([[1, 2], [4, 5]]);
    expect(m().slice([1]).toArray()).toEqual([[3, 4, 5]]);
    expect(m().slice([0, -1], [-1, 1]).toArray()).toEqual([[2], [5]]);
    expect(c.slice([1, 1, 1], [1, 2, 2]).toArray()).toEqual([[[17, 18], [21, 22]]]);
    expect(c.slice([0, 0, 3], [-1, -1, 1]).transpose().slice([0, 1]).toArray()).toEqual([[[7, 19], [11, 23]]]);
    expect(() => m().slice([0, 2], [1, 2])).toThrow(ShapeMismatchError);
    expect(() => m().slice([0, 0, 0])).toThrow(/slice: begin/);
  });

  test('expand, squeeze, unsqueeze, flatten', () => {
    expect(tensor([[1], [2]]).expand([2, 3]).toArray()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(tensor([[1], [2]]).expand([2, 2, 3]).strides).toEqual([0, 1, 0]);
    expect(() => tensor([1, 2]).expand([3])).toThrow(/expand: shapes \[2\] and \[3\]/);
    expect(tensor([[[1]], [[2]]]).squeeze().toArray()).toEqual([1, 2]);
    expect(tensor([[1, 2]]).squeeze(0).shape).toEqual([2]);
    expect(() => tensor([[1, 2]]).squeeze(1)).toThrow(/size 1/);
    expect(tensor([1, 2]).unsqueeze(-1).shape).toEqual([2, 1]);
    expect(m().flatten().shape).toEqual([6]);
  });

  test('contiguous, to(dtype)', () => {
    const t = m().transpose();
    expect(t.contiguous().isContiguous).toBe(true);
    expect(t.contiguous().toArray()).toEqual(t.toArray());
    const a = m();
    expect(a.contiguous()).toBe(a);
    expect(a.contiguous(true)).not.toBe(a);
    const d = a.to('float64');
    expect(d.dtype).toBe('float64');
    expect(d.toArray()).toEqual(a.toArray());
    expect(a.to('float32')).toBe(a);
    const x = tensor([1.5], { requiresGrad: true });
    x.to('float64').mul(2).sum().backward();
    expect(x.grad?.dtype).toBe('float32');
    expect(x.grad?.toArray()).toEqual([2]);
  });
});

describe('concat and stack', () => {
  test('concat along any axis', () => {
    expect(concat([m(), tensor([[9, 9, 9]])]).toArray()).toEqual([[0, 1, 2], [3, 4, 5], [9, 9, 9]]);
    expect(concat([m(), tensor([[7], [8]])], 1).toArray()).toEqual([[0, 1, 2, 7], [3, 4, 5, 8]]);
    expect(concat([m().transpose(), m().transpose()], -1).toArray()).toEqual([[0, 3, 0, 3], [1, 4, 1, 4], [2, 5, 2, 5]]);
    expect(() => concat([m(), tensor([[1, 2]])])).toThrow('concat: shapes [2, 3] and [1, 2] must match on every axis except 0');
    expect(() => concat([])).toThrow(/non-empty/);
    expect(() => concat([m(), m().to('float64')])).toThrow(/dtype/);
  });

  test('stack adds an axis', () => {
    expect(stack([tensor([1, 2]), tensor([3, 4])]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(() => stack([tensor([1, 2]), tensor([3])])).toThrow('stack: shapes [2] and [1] must be equal');
  });
});
