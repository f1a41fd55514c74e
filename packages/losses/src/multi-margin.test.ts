import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import { multiMarginLoss } from '@lab/losses';
import { expectClose, expectGradOk, t64, valueAndGrad } from '../test/helpers';

describe('multiMarginLoss', () => {
  it('sums the violated margins over wrong classes, divided by C (doc example)', () => {
    expectClose(multiMarginLoss(t64([[3, 2.5, 0]]), [0]).item(), 0.5 / 3);
  });
  it('has gradient +1/C on violating classes and −(count)/C on the target', () => {
    const r = valueAndGrad(t64([[1, 0.5, 0.8, -3]], true), (x) => multiMarginLoss(x, [0], { reduction: 'sum' }));
    expectClose(r.value, (0.5 + 0.8) / 4);
    expectClose(r.grad, [-2 / 4, 1 / 4, 1 / 4, 0]);
  });
  it('squares each hinge with p = 2 and scales by weight[y]', () => {
    const v = multiMarginLoss(t64([[1, 0.5, 0.8]]), [0], { p: 2, weight: [3, 1, 1] }).item();
    expectClose(v, (3 * (0.25 + 0.64)) / 3);
  });
  it('passes gradient checks (p 1 and 2, margin, weight)', () => {
    const x = t64([[0.3, -1, 2, 0.1], [1.5, 0.2, -0.7, 0]], true);
    expectGradOk((a) => multiMarginLoss(a, [1, 0]), [x]);
    expectGradOk((a) => multiMarginLoss(a, [2, 3], { p: 2, margin: 0.6, weight: [1, 2, 0.5, 1.5] }), [x]);
  });
  it('rejects p other than 1 or 2, bad targets and non-matrix inputs', () => {
    expect(() => multiMarginLoss(t64([[1, 2]]), [0], { p: 3 })).toThrow(/p/);
    expect(() => multiMarginLoss(t64([[1, 2]]), [2])).toThrow(InvalidArgumentError);
    expect(() => multiMarginLoss(t64([1, 2]), [0])).toThrow(ShapeMismatchError);
    expect(() => multiMarginLoss(t64([[1, 2]]), [0], { weight: [1] })).toThrow(ShapeMismatchError);
  });
});
