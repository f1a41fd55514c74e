import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from '@lab/core';
import { hingeLoss, squaredHingeLoss } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

describe('hingeLoss', () => {
  it('is max(0, 1 − y·f) (doc example), subgradient −y where violated', () => {
    expectClose(flat(hingeLoss(t64([2, 0.5, -1]), t64([1, 1, 1]), { reduction: 'none' })), [0, 0.5, 2]);
    const r = valueAndGrad(t64([2, 0.5, -1, 0.3], true), (x) => hingeLoss(x, t64([1, 1, 1, -1]), { reduction: 'sum' }));
    expectClose(r.value, 0 + 0.5 + 2 + 1.3);
    expectClose(r.grad, [0, -1, -1, 1]);
  });
  it('rejects 0/1 labels unless labels: "zeroOne" maps them', () => {
    expect(() => hingeLoss(t64([2, -1]), t64([1, 0]))).toThrow(InvalidArgumentError);
    expect(() => hingeLoss(t64([2, -1]), t64([1, 0]))).toThrow(/zeroOne/);
    expect(hingeLoss(t64([2, -1]), t64([1, 0]), { labels: 'zeroOne' }).item()).toBe(0);
    expect(() => hingeLoss(t64([2, -1]), t64([1, -1]), { labels: 'zeroOne' })).toThrow(/0 or 1/);
    expect(() => hingeLoss(t64([2, -1]), t64([1, 2]))).toThrow(InvalidArgumentError);
  });
  it('gives the same loss for ±1 labels and their 0/1 encoding (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 8 }), (rows) => {
        const f = t64(rows.map((r) => r[0]));
        expect(hingeLoss(f, t64(rows.map((r) => (r[1] ? 1 : -1)))).item()).toBe(hingeLoss(f, t64(rows.map((r) => (r[1] ? 1 : 0))), { labels: 'zeroOne' }).item());
      }),
    );
  });
  it('honours margin', () => expectClose(hingeLoss(t64([0.5]), t64([1]), { margin: 2 }).item(), 1.5));
  it('passes a gradient check away from the hinge', () => expectGradOk((a) => hingeLoss(a, t64([1, -1, 1])), [t64([0.2, 0.4, 3], true)]));
});

describe('squaredHingeLoss', () => {
  it('is max(0, 1 − y·f)² (doc example), gradient −2y·max(0, 1 − y·f)', () => {
    expectClose(flat(squaredHingeLoss(t64([2, 0.5, -1]), t64([1, 1, 1]), { reduction: 'none' })), [0, 0.25, 4]);
    const r = valueAndGrad(t64([0.5, -1], true), (x) => squaredHingeLoss(x, t64([1, -1]), { reduction: 'sum' }));
    expectClose(r.grad, [-1, 0]);
  });
  it('passes a gradient check', () => expectGradOk((a) => squaredHingeLoss(a, t64([1, 0, 1]), { labels: 'zeroOne' }), [t64([0.2, 0.4, 3], true)]));
});
