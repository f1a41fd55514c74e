import { describe, it } from 'vitest';
import fc from 'fast-check';
import { mseLoss, quadraticLoss } from '@lab/losses';
import { expectClose, expectGradOk, t64, valueAndGrad } from '../test/helpers';

const f = [1, 2, 3];
const y = [1, 2, 5];

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

