import { describe, expect, test } from 'vitest';
import { isGradEnabled, noGrad } from './autograd';
import { tensor } from './tensor';

describe('reverse-mode autodiff', () => {
  test('micrograd example: values and gradients match PyTorch', () => {
    // From micrograd's test_more_ops, checked against torch (float64).
    const a = tensor(-4, { dtype: 'float64', requiresGrad: true });
    const b = tensor(2, { dtype: 'float64', requiresGrad: true });
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(c.add(1)).add(a.neg());
    d = d.add(d.mul(2)).add(b.add(a).relu());
    d = d.add(d.mul(3)).add(b.sub(a).relu());
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(f.pow(-1).mul(10));
    g.backward();
    expect(g.item()).toBeCloseTo(24.70408163265306, 12);
    expect(a.grad?.item()).toBeCloseTo(138.83381924198252, 12);
    expect(b.grad?.item()).toBeCloseTo(645.5772594752186, 12);
  });

  test('a tensor used twice gets the sum of both paths', () => {
    const x = tensor([3], { requiresGrad: true });
    x.mul(x).add(x).sum().backward();
    expect(x.grad?.toArray()).toEqual([7]);
  });

  test('gradients accumulate across backward calls until zeroGrad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    expect(x.grad?.toArray()).toEqual([6, 6]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
    x.mul(2).sum().backward();
    expect(x.grad?.toArray()).toEqual([2, 2]);
  });

  test('broadcast inputs receive gradients summed back to their shape', () => {
    const w = tensor([[1, 2, 3]], { requiresGrad: true });
    const b = tensor(1, { requiresGrad: true });
    tensor([[1, 1, 1], [2, 2, 2]]).mul(w).add(b).sum().backward();
    expect(w.grad?.toArray()).toEqual([[3, 3, 3]]);
    expect(b.grad?.item()).toBe(6);
  });

  test('the leaf gradient never aliases another tensor', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = tensor([3, 4], { requiresGrad: true });
    x.add(y).sum().backward();
    expect(x.grad?.storage).not.toBe(y.grad?.storage);
    expect(x.grad?.isContiguous).toBe(true);
  });

  test('noGrad records nothing and restores the mode (also on error)', () => {
    const x = tensor([1], { requiresGrad: true });
    const y = noGrad(() => x.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(y.node).toBeNull();
    expect(isGradEnabled()).toBe(true);
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(x.mul(2).requiresGrad).toBe(true);
  });

  test('detach cuts the graph', () => {
    const x = tensor([2], { requiresGrad: true });
    const y = x.mul(x.detach()).sum();
    y.backward();
    expect(x.grad?.toArray()).toEqual([2]);
    expect(x.detach().requiresGrad).toBe(false);
  });

  test('inputs without requiresGrad get no gradient; constants do not require grad', () => {
    const x = tensor([1], { requiresGrad: true });
    const c = tensor([5]);
    x.mul(c).sum().backward();
    expect(c.grad).toBeNull();
    expect(c.mul(2).requiresGrad).toBe(false);
  });

  test('the graph is released after backward unless retainGraph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.exp();
    const y = h.sum();
    y.backward();
    expect(y.node).toBeNull();
    expect(h.node).toBeNull();
    expect(() => y.backward()).toThrow(/retainGraph/);
    expect(() => h.mul(2).sum().backward()).toThrow(/retainGraph/);
    x.zeroGrad();
    const z = x.exp().sum();
    z.backward(undefined, { retainGraph: true });
    z.backward();
    expect(x.grad?.toArray()).toEqual([2 * Math.fround(Math.E), 2 * Math.fround(Math.exp(2))]);
  });

  test('backward of a non-scalar needs an explicit gradient of its shape and dtype', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => x.mul(2).backward()).toThrow(/implicit gradients exist only for one-element outputs/);
    expect(() => x.mul(2).backward(tensor([1]))).toThrow(/backward: shapes \[1\] and \[2\]/);
    expect(() => x.mul(2).backward(tensor([1, 1], { dtype: 'float64' }))).toThrow(/dtype/);
    x.mul(2).backward(tensor([1, 10]));
    expect(x.grad?.toArray()).toEqual([2, 20]);
    expect(() => tensor([1]).backward()).toThrow(/requires grad/);
  });

  test('requiresGrad can be set on leaves only', () => {
    const x = tensor([1]).setRequiresGrad();
    expect(x.requiresGrad).toBe(true);
    expect(x.isLeaf).toBe(true);
    expect(() => x.mul(2).setRequiresGrad(false)).toThrow(/leaf/);
  });

  test('a long chain does not overflow the stack', () => {
    const x = tensor([1], { dtype: 'float64', requiresGrad: true });
    let y = x;
    for (let i = 0; i < 20000; i++) y = y.add(1e-3);
    y.sum().backward();
    expect(x.grad?.item()).toBe(1);
  });
});
