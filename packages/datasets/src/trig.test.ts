import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portableCos, portableSin } from './trig';

describe('portable sin/cos', () => {
  it('match Math.sin / Math.cos to ~1e-15 on |x| < 1000', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (x) => {
        expect(Math.abs(portableSin(x) - Math.sin(x))).toBeLessThan(2e-14);
        expect(Math.abs(portableCos(x) - Math.cos(x))).toBeLessThan(2e-14);
      }),
      { numRuns: 2000 },
    );
  });

  it('hit the exact values at 0 and the quadrant signs', () => {
    expect(portableSin(0)).toBe(0);
    expect(portableCos(0)).toBe(1);
    expect(portableSin(Math.PI / 2)).toBe(1);
    expect(portableCos(Math.PI)).toBe(-1);
    expect(portableSin(-Math.PI / 2)).toBe(-1);
    expect(Math.abs(portableSin(Math.PI))).toBeLessThan(1e-15);
  });

  it('return NaN for non-finite input', () => {
    expect(portableSin(Infinity)).toBeNaN();
    expect(portableCos(NaN)).toBeNaN();
  });
});
