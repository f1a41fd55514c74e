import { describe, it } from 'vitest';
import fc from 'fast-check';
import { huberLoss, l1Loss, smoothL1Loss } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

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
