import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { huberLoss } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

describe('huberLoss', () => {
  it('is quadratic below delta and linear above (doc example)', () => {
    expectClose(flat(huberLoss(t64([0, 0]), t64([0.5, 3]), { delta: 1, reduction: 'none' })), [0.125, 2.5]);
  });
  it('has gradient f − y inside and delta·sign outside', () => {
    const r = valueAndGrad(t64([0, 0, 0], true), (x) => huberLoss(x, t64([0.5, 3, -4]), { delta: 2, reduction: 'sum' }));
    expectClose(r.grad, [-0.5, -2, 2]);
  });
  it('stays finite for huge residuals', () => {
    const r = valueAndGrad(t64([1e200, -1e200], true), (x) => huberLoss(x, t64([0, 0]), { reduction: 'sum' }));
    expectClose(r.value, 2e200);
    expectClose(r.grad, [1, -1]);
  });
  it('lies between 0 and both ½d² and delta·|d| (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (d, delta) => {
        const v = huberLoss(t64([d]), t64([0]), { delta }).item();
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(0.5 * d * d + 1e-9);
        expect(v).toBeLessThanOrEqual(delta * Math.abs(d) + 1e-9);
      }),
    );
  });
  it('passes a gradient check on both sides of delta', () => expectGradOk((a) => huberLoss(a, t64([0, 0, 0, 0]), { delta: 0.7 }), [t64([0.2, -0.5, 1.5, -3], true)]));
  it('rejects delta ≤ 0', () => {
    expect(() => huberLoss(t64([1]), t64([0]), { delta: 0 })).toThrow(/delta/);
  });
});

