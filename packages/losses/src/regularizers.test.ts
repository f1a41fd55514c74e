import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from '@lab/core';
import { elasticNetPenalty, l1Penalty, l2Penalty, selectParameters } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64 } from '../test/helpers';

/** A module-shaped source, as @lab/tensor's Module.namedParameters() gives it. */
function model() {
  const params = [
    { name: 'fc1.weight', tensor: t64([[1, -2], [0.5, 0]], true) },
    { name: 'fc1.bias', tensor: t64([3, -4], true) },
    { name: 'fc2.weight', tensor: t64([[-1, 1]], true) },
    { name: 'fc2.bias', tensor: t64([10], true) },
  ];
  return { params, namedParameters: () => params };
}

describe('selectParameters', () => {
  it('reads modules, { name, tensor } lists, tensor lists and records', () => {
    const m = model();
    expect(selectParameters(m).map((p) => p.name)).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
    expect(selectParameters(m.params).length).toBe(4);
    expect(selectParameters([t64([1]), t64([2])]).map((p) => p.name)).toEqual(['0', '1']);
    expect(selectParameters({ w: t64([1]), b: t64([2]) }).map((p) => p.name)).toEqual(['w', 'b']);
  });
  it('masks by glob, RegExp, list of names or predicate', () => {
    const m = model();
    const names = (mask: Parameters<typeof selectParameters>[1]) => selectParameters(m, mask).map((p) => p.name);
    expect(names({ exclude: '*.bias' })).toEqual(['fc1.weight', 'fc2.weight']);
    expect(names({ include: /^fc2/ })).toEqual(['fc2.weight', 'fc2.bias']);
    expect(names({ include: ['fc1.bias'] })).toEqual(['fc1.bias']);
    expect(names({ include: 'fc?.weight', exclude: (n) => n.startsWith('fc2') })).toEqual(['fc1.weight']);
  });
  it('fails loudly on an empty selection (a typo), bad sources and bad matchers', () => {
    expect(() => selectParameters(model(), { include: 'fc1.weigth' })).toThrow(InvalidArgumentError);
    expect(() => selectParameters([])).toThrow(/non-empty selection/);
    expect(() => selectParameters(42 as never)).toThrow(InvalidArgumentError);
    expect(() => selectParameters([{ name: 'w', tensor: [1, 2] }] as never)).toThrow(/params\[0\]/);
    expect(() => selectParameters(model(), { exclude: 5 as never })).toThrow(/exclude/);
  });
});

describe('l1Penalty', () => {
  it('is Σ|θ| over the selection (doc example), subgradient sign(θ)', () => {
    expect(l1Penalty({ w: t64([1, -2]), b: t64([5]) }, { exclude: 'b' }).item()).toBe(3);
    const m = model();
    l1Penalty(m, { exclude: '*bias' }).backward();
    expect(flat(m.params[0].tensor.grad!)).toEqual([1, -1, 1, 0]);
    expect(m.params[1].tensor.grad).toBeNull();
  });
});

describe('l2Penalty', () => {
  it('is ‖θ‖² without ½ by default (gradient 2θ), ½‖θ‖² with half (gradient θ)', () => {
    expect(l2Penalty({ w: t64([1, -2]) }).item()).toBe(5);
    expect(l2Penalty({ w: t64([1, -2]) }, { half: true }).item()).toBe(2.5);
    const w = t64([1, -2], true);
    l2Penalty([w]).backward();
    expect(flat(w.grad!)).toEqual([2, -4]);
    w.grad = null;
    l2Penalty([w], { half: true }).backward();
    expect(flat(w.grad!)).toEqual([1, -2]);
    expect(() => l2Penalty([w], { half: 1 as never })).toThrow(/half/);
  });
  it('sums over every selected parameter', () => {
    expect(l2Penalty(model()).item()).toBe(1 + 4 + 0.25 + 9 + 16 + 1 + 1 + 100);
    expect(l2Penalty(model(), { exclude: '*.bias' }).item()).toBe(1 + 4 + 0.25 + 1 + 1);
  });
});

describe('elasticNetPenalty', () => {
  it("is ρ‖θ‖₁ + ½(1 − ρ)‖θ‖² (scikit-learn's form, doc example)", () => {
    expectClose(elasticNetPenalty({ w: t64([1, -2]) }).item(), 2.75);
  });
  it('interpolates between l1Penalty (ρ = 1) and half l2Penalty (ρ = 0) (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (v, rho) => {
        const p = { w: t64(v) };
        const want = rho * l1Penalty(p).item() + (1 - rho) * l2Penalty(p, { half: true }).item();
        expectClose(elasticNetPenalty(p, { l1Ratio: rho }).item(), want, 1e-12, 1e-12);
      }),
    );
  });
  it('passes a gradient check away from 0 and rejects l1Ratio outside [0, 1]', () => {
    expectGradOk((a, b) => elasticNetPenalty({ a, b }, { l1Ratio: 0.3 }), [t64([0.5, -1.5], true), t64([[2, -0.25]], true)]);
    expect(() => elasticNetPenalty({ w: t64([1]) }, { l1Ratio: 1.5 })).toThrow(/l1Ratio/);
  });
});
