import { describe, expect, test } from 'vitest';
import { tensor } from '../tensor';
import { expectClose } from '../test-helpers';
import { argmax, logSumExp, softmax } from './reduce';

const x = () => tensor([[[1, 2, 3], [4, 5, 6]], [[-1, 0, 9], [7, -8, 2]]], { dtype: 'float64' }); // [2, 2, 3]

describe('reductions', () => {
  test('sum over all, one and several axes, keepDims', () => {
    expect(x().sum().item()).toBe(30);
    expect(x().sum().shape).toEqual([]);
    expect(x().sum(0).toArray()).toEqual([[0, 2, 12], [11, -3, 8]]);
    expect(x().sum(-1).toArray()).toEqual([[6, 15], [8, 1]]);
    expect(x().sum([0, 2]).toArray()).toEqual([14, 16]);
    expect(x().sum([0, 2], true).shape).toEqual([1, 2, 1]);
    expect(x().sum(1, true).toArray()).toEqual([[[5, 7, 9]], [[6, -8, 11]]]);
    expect(x().sum([]).toArray()).toEqual(x().toArray());
    expect(tensor([[]]).sum(1).toArray()).toEqual([0]);
  });

  test('sum of non-contiguous views (transposed, sliced)', () => {
    const t = x().transpose([2, 0, 1]);
    expect(t.sum(0).toArray()).toEqual([[6, 15], [8, 1]]);
    expect(t.sum([1, 2]).toArray()).toEqual([11, -1, 20]);
    expect(x().slice([0, 1, 1]).sum().item()).toBe(5 + 6 - 8 + 2);
  });

  test('mean, max, min', () => {
    expect(x().mean().item()).toBe(2.5);
    expect(x().mean([1, 2]).toArray()).toEqual([3.5, 1.5]);
    expect(x().max().item()).toBe(9);
    expect(x().max(2).toArray()).toEqual([[3, 6], [9, 7]]);
    expect(x().min(0, true).toArray()).toEqual([[[-1, 0, 3], [4, -8, 2]]]);
    expect(x().max([0, 1]).toArray()).toEqual([7, 5, 9]);
    expect(tensor([1, NaN, 3]).max().item()).toBeNaN();
    expect(tensor([[1, NaN], [0, 3]]).min(0).toArray()).toEqual([0, NaN]);
  });

  test('argmax / argmin (first occurrence), flattened when no axis', () => {
    expect(argmax(x()).item()).toBe(8);
    expect(x().argmax(2).toArray()).toEqual([[2, 2], [2, 0]]);
    expect(x().argmin(1, true).toArray()).toEqual([[[0, 0, 0]], [[0, 1, 1]]]);
    expect(tensor([3, 1, 3]).argmax().item()).toBe(0);
    expect(x().argmax(0).requiresGrad).toBe(false);
  });

  test('max of an empty axis is an error; bad axes are errors', () => {
    expect(() => tensor([[]]).max(1)).toThrow(/empty/);
    expect(() => x().sum(3)).toThrow(/sum: axis must be an integer axis in \[-3, 2\]/);
    expect(() => x().sum([0, 0])).toThrow(/distinct/);
    expect(() => x().softmax(5)).toThrow(/softmax: axis/);
  });

  test('logSumExp is stable (max shift) and exact', () => {
    expectClose(logSumExp(tensor([1000, 1000], { dtype: 'float64' })).item(), 1000 + Math.log(2), 1e-15);
    expectClose(tensor([-1000, -1000], { dtype: 'float64' }).logSumExp().item(), -1000 + Math.log(2), 1e-15);
    expectClose(x().logSumExp(-1).toArray(), [[Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), Math.log(Math.exp(4) + Math.exp(5) + Math.exp(6))], [Math.log(Math.exp(-1) + 1 + Math.exp(9)), Math.log(Math.exp(7) + Math.exp(-8) + Math.exp(2))]], 1e-14);
    expect(x().logSumExp([0, 1], true).shape).toEqual([1, 1, 3]);
    expect(tensor([-Infinity, -Infinity]).logSumExp().item()).toBe(-Infinity);
    expect(tensor([-Infinity, 0]).logSumExp().item()).toBe(0);
  });

  test('softmax and logSoftmax: sum to one, stable for large logits', () => {
    const big = tensor([[1000, 1001, 1002], [-1000, -1000, -1000]], { dtype: 'float64' });
    const p = softmax(big);
    const e = [Math.exp(-2), Math.exp(-1), 1];
    const z = e[0] + e[1] + e[2];
    expectClose(p.toArray(), [e.map((v) => v / z), [1 / 3, 1 / 3, 1 / 3]], 1e-15);
    expectClose(big.logSoftmax().toArray(), [e.map((v) => Math.log(v / z)), [-Math.log(3), -Math.log(3), -Math.log(3)]], 1e-14);
    expectClose(x().softmax(0).sum(0).toArray(), [[1, 1, 1], [1, 1, 1]], 1e-15);
    expect(tensor([[-Infinity, 0]]).softmax().toArray()).toEqual([[0, 1]]);
  });
});
