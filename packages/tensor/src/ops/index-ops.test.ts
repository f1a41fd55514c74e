import { describe, expect, test } from 'vitest';
import { tensor } from '../tensor';
import { gather, indexSelect, oneHot } from './index-ops';

const m = () => tensor([[1, 2, 3], [4, 5, 6]]);

describe('gather / indexSelect / oneHot', () => {
  test('gather along the last axis picks one entry per row (as for cross-entropy)', () => {
    expect(gather(m(), 1, [2, 0]).toArray()).toEqual([[3], [4]]);
    expect(m().gather(1, new Int32Array([0, 0, 1, 2, 2, 1])).toArray()).toEqual([[1, 1, 2], [6, 6, 5]]);
    expect(m().gather(0, [1, 0, 1]).toArray()).toEqual([[4, 2, 6]]);
    expect(m().gather(1, tensor([[2], [1]])).toArray()).toEqual([[3], [5]]);
  });

  test('gather gradient scatters and adds repeats', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    x.gather(1, [0, 0, 2, 1]).sum().backward();
    expect(x.grad?.toArray()).toEqual([[2, 0, 0], [0, 1, 1]]);
  });

  test('indexSelect with repeats, on any axis, with argmax results as indices', () => {
    expect(indexSelect(m(), 0, [1, 1, 0]).toArray()).toEqual([[4, 5, 6], [4, 5, 6], [1, 2, 3]]);
    expect(m().indexSelect(1, new Int32Array([2, 0])).toArray()).toEqual([[3, 1], [6, 4]]);
    expect(m().indexSelect(1, m().argmax(1)).toArray()).toEqual([[3, 3], [6, 6]]);
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    x.indexSelect(0, [1, 1]).sum().backward();
    expect(x.grad?.toArray()).toEqual([[0, 0], [2, 2]]);
  });

  test('oneHot', () => {
    expect(oneHot([0, 2, 1], 3).toArray()).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    expect(oneHot(new Int32Array([1]), 2, { dtype: 'float64' }).dtype).toBe('float64');
  });

  test('a tensor index smaller than the input on the other axes reads their leading entries, as torch.gather', () => {
    // torch.gather(torch.tensor([[1., 2, 3], [4, 5, 6]]), 1, torch.tensor([[2, 0, 0]])) == [[3, 1, 1]]
    const x = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    const out = x.gather(1, tensor([[2, 0, 0]]));
    expect(out.toArray()).toEqual([[3, 1, 1]]);
    out.sum().backward();
    expect(x.grad?.toArray()).toEqual([[2, 0, 1], [0, 0, 0]]);
  });

  test('out-of-range, fractional or mis-sized indices fail loudly', () => {
    expect(() => m().gather(1, [3, 0])).toThrow('gather: index[0] must be an integer in [0, 3), got 3');
    expect(() => m().gather(1, [0, 1, 2])).toThrow(/gather: shapes \[2, 3\] and \[3\] do not fit/);
    expect(() => m().gather(1, tensor([[0], [1], [2]]))).toThrow(/gather: shapes \[2, 3\] and \[3, 1\] must have index sizes <= input sizes on every axis except 1/);
    expect(() => m().indexSelect(0, [-1])).toThrow(/indexSelect: indices\[0\]/);
    expect(() => oneHot([0.5], 2)).toThrow(/integer/);
    expect(() => oneHot([0], 0)).toThrow(/numClasses/);
    expect(() => m().gather(1, 'x' as never)).toThrow(/Int32Array/);
  });
});
