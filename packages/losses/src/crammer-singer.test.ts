import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ShapeMismatchError } from '@lab/core';
import { crammerSingerLoss, hingeLoss, multiMarginLoss } from '@lab/losses';
import { expectClose, expectGradOk, t64, valueAndGrad } from '../test/helpers';

describe('crammerSingerLoss', () => {
  it('charges only the best wrong class (doc example)', () => {
    expectClose(crammerSingerLoss(t64([[3, 2.5, 0], [0, 1, 4]]), [0, 1]).item(), 2.25);
  });
  it('has subgradient −1 on the target and +1 on the best rival where violated', () => {
    const r = valueAndGrad(t64([[3, 2.5, 0], [5, 1, 0]], true), (x) => crammerSingerLoss(x, [0, 0], { reduction: 'sum' }));
    expectClose(r.grad, [-1, 1, 0, 0, 0, 0]);
  });
  it('equals the binary hinge loss for two classes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 6 }), (rows) => {
        // scores [-f/2, f/2] and class 1 ⇔ label +1: margin f.
        const x = t64(rows.map(([f]) => [-f / 2, f / 2]));
        expectClose(crammerSingerLoss(x, rows.map(([, b]) => (b ? 1 : 0))).item(), hingeLoss(t64(rows.map(([f]) => f)), t64(rows.map(([, b]) => (b ? 1 : -1)))).item(), 1e-12, 1e-12);
      }),
    );
  });
  it('is at most C·multiMarginLoss (max ≤ sum)', () => {
    const x = t64([[0.3, -1, 2, 0.1], [1.5, 0.2, -0.7, 0]]);
    expect(crammerSingerLoss(x, [1, 0]).item()).toBeLessThanOrEqual(4 * multiMarginLoss(x, [1, 0]).item() + 1e-12);
  });
  it('passes a gradient check', () => expectGradOk((a) => crammerSingerLoss(a, [1, 0], { margin: 2 }), [t64([[0.3, -1, 2, 0.1], [1.5, 0.2, -0.7, 0]], true)]));
  it('needs at least two classes', () => expect(() => crammerSingerLoss(t64([[1], [2]]), [0, 0])).toThrow(ShapeMismatchError));
});
