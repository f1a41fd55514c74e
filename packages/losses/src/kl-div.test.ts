import { describe, expect, it } from 'vitest';
import { klDiv } from '@lab/losses';
import { expectClose, expectGradOk, flat, t64, valueAndGrad } from '../test/helpers';

describe('klDiv', () => {
  const q = [[0.5, 0.5], [0.2, 0.8]];
  const p = [[0.9, 0.1], [0, 1]];
  const logq = () => t64(q.map((r) => r.map(Math.log)), true);
  it('is Σ t (log t − input), 0 where t = 0 (doc example)', () => {
    expectClose(klDiv(t64([[0.5, 0.5]]).log(), t64([[0.9, 0.1]]), { reduction: 'batchmean' }).item(), 0.9 * Math.log(1.8) + 0.1 * Math.log(0.2));
    const none = flat(klDiv(logq(), t64(p), { reduction: 'none' }));
    expectClose(none, [0.9 * Math.log(0.9 / 0.5), 0.1 * Math.log(0.1 / 0.5), 0, Math.log(1 / 0.8)]);
  });
  it("divides by all elements for 'mean' (PyTorch) and by the batch for 'batchmean'", () => {
    const sum = klDiv(logq(), t64(p), { reduction: 'sum' }).item();
    expectClose(klDiv(logq(), t64(p)).item(), sum / 4);
    expectClose(klDiv(logq(), t64(p), { reduction: 'batchmean' }).item(), sum / 2);
  });
  it('has gradient −t / divisor, and the log-target form matches', () => {
    const r = valueAndGrad(logq(), (x) => klDiv(x, t64(p), { reduction: 'batchmean' }));
    expectClose(r.grad, [-0.45, -0.05, 0, -0.5]);
    const lt = t64([[Math.log(0.9), Math.log(0.1)], [Math.log(0.3), Math.log(0.7)]]);
    const pt = t64([[0.9, 0.1], [0.3, 0.7]]);
    expectClose(klDiv(logq(), lt, { logTarget: true, reduction: 'sum' }).item(), klDiv(logq(), pt, { reduction: 'sum' }).item(), 1e-12);
  });
  it('passes gradient checks (input and target)', () => {
    expectGradOk((a, b) => klDiv(a, b, { reduction: 'batchmean' }), [logq(), t64([[0.3, 0.7], [0.6, 0.4]], true)]);
    expectGradOk((a, b) => klDiv(a, b, { logTarget: true }), [logq(), t64([[-1, -0.5], [-2, -0.1]], true)]);
  });
  it('keeps the target gradient finite where the target is 0', () => {
    const t = t64([[0, 1]], true);
    klDiv(t64([[-1, -1]]), t, { reduction: 'sum' }).backward();
    expect(flat(t.grad!).every(Number.isFinite)).toBe(true);
  });
  it('rejects negative probability targets', () => {
    expect(() => klDiv(logq(), t64([[0.5, -0.1], [0.2, 0.8]]))).toThrow(/target\[1\]/);
  });
});
