import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tensor } from '@lab/tensor';
import { huberLoss, l1Loss, maeLoss, mseLoss, quadraticLoss, smoothL1Loss } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

const f = [1, 2, 3];
const y = [1, 2, 5];

describe('mseLoss', () => {
  it('is the mean of (f − y)² without ½, with gradient 2(f − y)/n', () => {
    const r = valueAndGrad(t64(f, true), (x) => mseLoss(x, t64(y)));
    expectClose(r.value, 4 / 3);
    expectClose(r.grad, [0, 0, -4 / 3]);
  });
  it('reduces with none / sum', () => {
    expectClose(flat(mseLoss(t64(f), t64(y), { reduction: 'none' })), [0, 0, 4]);
    expectClose(mseLoss(t64(f), t64(y), { reduction: 'sum' }).item(), 4);
  });
  it('passes a finite-difference gradient check (input and target)', () => {
    expectGradOk((a, b) => mseLoss(a, b), [t64([[0.3, -1.2], [2, 0.1]], true), t64([[1, 0], [0.5, -2]], true)]);
  });
  it('works in float32 too', () => {
    const v = mseLoss(tensor([1, 2]), tensor([2, 2]));
    expect(v.dtype).toBe('float32');
    expect(v.item()).toBeCloseTo(0.5, 6);
  });
});

describe('quadraticLoss', () => {
  it('is ½(y − f)² (the lecture), gradient f − y per element', () => {
    const r = valueAndGrad(t64(f, true), (x) => quadraticLoss(x, t64(y), { reduction: 'sum' }));
    expectClose(r.value, 2);
    expectClose(r.grad, [0, 0, -2]);
  });
  it('is half of mseLoss (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 8 }), (pairs) => {
        const a = t64(pairs.map((p) => p[0]));
        const b = t64(pairs.map((p) => p[1]));
        expectClose(quadraticLoss(a, b).item(), mseLoss(a, b).item() / 2);
      }),
    );
  });
  it('passes a gradient check', () => expectGradOk((a) => quadraticLoss(a, t64([1, -1, 0.5])), [t64([0.2, 0.4, -3], true)]));
});

describe('l1Loss / maeLoss', () => {
  it('is the mean absolute error, gradient sign(f − y)/n, 0 where f = y', () => {
    expect(maeLoss).toBe(l1Loss);
    const r = valueAndGrad(t64([1, 2, 3], true), (x) => l1Loss(x, t64([1, 0, 6])));
    expectClose(r.value, 5 / 3);
    expectClose(r.grad, [0, 1 / 3, -1 / 3]);
  });
  it('passes a gradient check away from the kink', () => expectGradOk((a) => l1Loss(a, t64([1, -1, 0.5])), [t64([0.2, 0.4, -3], true)]));
});

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

describe('smoothL1Loss', () => {
  it('is huberLoss / beta (property) and l1Loss at beta 0', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0.05, max: 5, noNaN: true }), (d, beta) => {
        const a = t64(d);
        const z = t64(d.map(() => 0));
        expectClose(smoothL1Loss(a, z, { beta }).item(), huberLoss(a, z, { delta: beta }).item() / beta, 1e-9, 1e-12);
        expectClose(smoothL1Loss(a, z, { beta: 0 }).item(), l1Loss(a, z).item());
      }),
    );
  });
  it('has default beta 1 (doc example) and gradient clipped at ±1', () => {
    expectClose(flat(smoothL1Loss(t64([0, 0]), t64([0.5, 3]), { reduction: 'none' })), [0.125, 2.5]);
    const r = valueAndGrad(t64([0.25, 5, -5], true), (x) => smoothL1Loss(x, t64([0, 0, 0]), { reduction: 'sum' }));
    expectClose(r.grad, [0.25, 1, -1]);
  });
  it('passes a gradient check (beta 0.3 and beta 0)', () => {
    expectGradOk((a) => smoothL1Loss(a, t64([0, 0, 0]), { beta: 0.3 }), [t64([0.1, -0.8, 2], true)]);
    expectGradOk((a) => smoothL1Loss(a, t64([0, 0, 0]), { beta: 0 }), [t64([0.1, -0.8, 2], true)]);
  });
});
