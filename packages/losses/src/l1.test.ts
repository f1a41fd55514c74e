import { describe, expect, it } from 'vitest';
import { l1Loss, maeLoss } from '@lab/losses';
import { expectClose, expectGradOk, t64, valueAndGrad } from '../test/helpers';

describe('l1Loss / maeLoss', () => {
  it('is the mean absolute error, gradient sign(f − y)/n, 0 where f = y', () => {
    expect(maeLoss).toBe(l1Loss);
    const r = valueAndGrad(t64([1, 2, 3], true), (x) => l1Loss(x, t64([1, 0, 6])));
    expectClose(r.value, 5 / 3);
    expectClose(r.grad, [0, 1 / 3, -1 / 3]);
  });
  it('passes a gradient check away from the kink', () => expectGradOk((a) => l1Loss(a, t64([1, -1, 0.5])), [t64([0.2, 0.4, -3], true)]));
});

