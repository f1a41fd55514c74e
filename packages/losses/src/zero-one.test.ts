import { describe, expect, it } from 'vitest';
import { ShapeMismatchError } from '@lab/core';
import { zeroOneLoss } from '@lab/losses';
import { flat, t64 } from '../test/helpers';

describe('zeroOneLoss', () => {
  it('is the error rate of arg-max predictions (doc example)', () => {
    expect(zeroOneLoss(t64([[2, 1], [0, 3], [5, 4]]), [0, 0, 0]).item()).toBeCloseTo(1 / 3, 15);
    expect(zeroOneLoss(t64([[2, 1], [0, 3], [5, 4]]), [0, 0, 0], { reduction: 'sum' }).item()).toBe(1);
    expect(flat(zeroOneLoss(t64([[2, 1], [0, 3], [5, 4]]), [0, 0, 0], { reduction: 'none' }))).toEqual([0, 1, 0]);
  });
  it('compares predicted labels when the input has the target shape', () => {
    expect(zeroOneLoss(t64([1, -1, 1]), t64([1, 1, 1]), { reduction: 'sum' }).item()).toBe(1);
  });
  it('takes the first class on ties, like argmax', () => {
    expect(zeroOneLoss(t64([[1, 1]]), [0]).item()).toBe(0);
  });
  it('has no gradient: the result is cut from the graph', () => {
    const x = t64([[2, 1], [0, 3]], true);
    const loss = zeroOneLoss(x, [0, 0]);
    expect(loss.requiresGrad).toBe(false);
    expect(() => loss.backward()).toThrow();
  });
  it('rejects inputs that are neither [N, C] nor the target shape', () => {
    expect(() => zeroOneLoss(t64([[[1, 2]]]), [0])).toThrow(ShapeMismatchError);
    expect(() => zeroOneLoss(t64([[1, 2]]), [0, 1])).toThrow(ShapeMismatchError);
  });
});
