import { describe, expect, it } from 'vitest';
import { tensor } from '@lab/tensor';
import { mseLoss } from '@lab/losses';
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

