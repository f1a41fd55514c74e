import { describe, expect, test } from 'vitest';
import { tensor, scalar } from '../tensor';
import { add, where, maximum, pow } from './elementwise';
import { expectClose } from '../test-helpers';

const xs = [-3, -0.5, 0, 0.25, 2];
const t = () => tensor(xs, { dtype: 'float64' });

describe('element-wise values', () => {
  const cases: [string, (x: ReturnType<typeof t>) => ReturnType<typeof t>, (v: number) => number][] = [
    ['neg', (x) => x.neg(), (v) => -v],
    ['exp', (x) => x.exp(), Math.exp],
    ['log', (x) => x.abs().log(), (v) => Math.log(Math.abs(v))],
    ['log1p', (x) => x.abs().log1p(), (v) => Math.log1p(Math.abs(v))],
    ['sqrt', (x) => x.abs().sqrt(), (v) => Math.sqrt(Math.abs(v))],
    ['abs', (x) => x.abs(), Math.abs],
    ['sign', (x) => x.sign(), Math.sign],
    ['square', (x) => x.square(), (v) => v * v],
    ['relu', (x) => x.relu(), (v) => Math.max(v, 0)],
    ['leakyRelu', (x) => x.leakyRelu(0.1), (v) => (v > 0 ? v : 0.1 * v)],
    ['leakyRelu default slope 0.01', (x) => x.leakyRelu(), (v) => (v > 0 ? v : 0.01 * v)],
    ['sigmoid', (x) => x.sigmoid(), (v) => 1 / (1 + Math.exp(-v))],
    ['tanh', (x) => x.tanh(), Math.tanh],
    ['softplus', (x) => x.softplus(), (v) => Math.log(1 + Math.exp(v))],
    ['clamp', (x) => x.clamp(-1, 1), (v) => Math.min(Math.max(v, -1), 1)],
    ['clamp max only', (x) => x.clamp(undefined, 0.1), (v) => Math.min(v, 0.1)],
    ['pow number', (x) => x.pow(2), (v) => v ** 2],
    ['add number', (x) => x.add(1.5), (v) => v + 1.5],
    ['sub number', (x) => x.sub(1.5), (v) => v - 1.5],
    ['mul number', (x) => x.mul(-2), (v) => v * -2],
    ['div number', (x) => x.div(4), (v) => v / 4],
    ['maximum number', (x) => x.maximum(0.1), (v) => Math.max(v, 0.1)],
    ['minimum number', (x) => x.minimum(0.1), (v) => Math.min(v, 0.1)],
    ['gt', (x) => x.gt(0), (v) => +(v > 0)],
    ['ge', (x) => x.ge(0), (v) => +(v >= 0)],
    ['lt', (x) => x.lt(0), (v) => +(v < 0)],
    ['le', (x) => x.le(0), (v) => +(v <= 0)],
    ['eq', (x) => x.eq(0), (v) => +(v === 0)],
  ];
  for (const [name, op, ref] of cases) {
    test(name, () => expectClose(op(t()).toArray(), xs.map(ref), 1e-14));
  }

  test('number on the left', () => {
    expect(add(1, tensor([1, 2])).toArray()).toEqual([2, 3]);
    expect(pow(2, tensor([1, 3])).toArray()).toEqual([2, 8]);
    expect(() => add(1 as never, 2 as never)).toThrow(/at least one operand/);
  });

  test('binary ops broadcast (NumPy rules)', () => {
    const a = tensor([[1], [2], [3]]);
    const b = tensor([10, 20]);
    expect(a.add(b).toArray()).toEqual([[11, 21], [12, 22], [13, 23]]);
    expect(a.mul(b).shape).toEqual([3, 2]);
    expect(tensor([[1, 2]]).sub(scalar(1)).toArray()).toEqual([[0, 1]]);
    expect(maximum(tensor([[1, 5]]), tensor([[3], [0]])).toArray()).toEqual([[3, 5], [1, 5]]);
    expect(() => tensor([[1, 2, 3]]).add(tensor([[1, 2]]))).toThrow('add: shapes [1, 3] and [1, 2] cannot be broadcast together');
    expect(() => tensor([1, 2]).mul(tensor([1, 2, 3]))).toThrow(/^mul: shapes \[2\] and \[3\]/);
  });

  test('where broadcasts condition and branches', () => {
    const cond = tensor([[1], [0]]);
    expect(where(cond, tensor([1, 2, 3]), -1).toArray()).toEqual([[1, 2, 3], [-1, -1, -1]]);
    expect(where(tensor([1, 0]), 5, 6).toArray()).toEqual([5, 6]);
    expect(() => where(tensor([1, 0]), tensor([1, 2, 3]), 0)).toThrow(/where: shapes \[2\] and \[3\]/);
  });

  test('numerically stable forms: no overflow at the extremes', () => {
    const x = tensor([-1000, -50, 50, 1000], { dtype: 'float64' });
    expectClose(x.sigmoid().toArray(), [0, 1 / (1 + Math.exp(50)), 1 / (1 + Math.exp(-50)), 1], 1e-15);
    expect(x.sigmoid().data()[0]).toBe(0);
    expectClose(x.softplus().toArray(), [0, Math.log1p(Math.exp(-50)), 50 + Math.log1p(Math.exp(-50)), 1000], 1e-15);
    expect(tensor([-1000, 1000]).softplus().toArray()).toEqual([0, 1000]);
    expect(tensor([-1000, 1000]).sigmoid().toArray()).toEqual([0, 1]);
    expect(tensor([1e-10], { dtype: 'float64' }).log1p().item()).toBe(Math.log1p(1e-10));
  });

  test('NaN propagates (never silently dropped)', () => {
    expect(tensor([NaN, 1]).maximum(tensor([0, NaN])).toArray()).toEqual([NaN, NaN]);
    expect(tensor([NaN]).relu().item()).toBeNaN();
    expect(tensor([NaN]).clamp(0, 1).item()).toBeNaN();
  });

  test('bad arguments', () => {
    expect(() => tensor([1]).clamp(1, 0)).toThrow(/clamp: max/);
    expect(() => tensor([1]).leakyRelu(NaN)).toThrow(/slope/);
    expect(() => tensor([1]).add('2' as never)).toThrow(/a Tensor or a number/);
    expect(() => where([1] as never, 1, 2)).toThrow(/cond/);
  });
});
