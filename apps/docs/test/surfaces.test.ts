import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SURFACES } from '../docs/.vitepress/theme/lib/surfaces';

describe('race surfaces', () => {
  it.each(SURFACES.map((s) => [s.name, s] as const))('%s: the gradient matches central finite differences', (_name, s) => {
    fc.assert(
      fc.property(fc.double({ min: s.x[0], max: s.x[1], noNaN: true }), fc.double({ min: s.y[0], max: s.y[1], noNaN: true }), (x, y) => {
        const h = 1e-5;
        const [gx, gy] = s.grad(x, y);
        const nx = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h);
        const ny = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h);
        const tol = (v: number) => 1e-4 * Math.max(1, Math.abs(v));
        expect(Math.abs(gx - nx)).toBeLessThan(tol(nx));
        expect(Math.abs(gy - ny)).toBeLessThan(tol(ny));
      }),
      { numRuns: 200 },
    );
  });

  it.each(SURFACES.map((s) => [s.name, s] as const))('%s: f* is the value at the minima, the gradient vanishes there, and the start is inside the box', (_name, s) => {
    for (const [x, y] of s.minima) {
      expect(s.f(x, y)).toBeCloseTo(s.fMin, 12);
      const [gx, gy] = s.grad(x, y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-9);
    }
    expect(s.start[0]).toBeGreaterThan(s.x[0]);
    expect(s.start[0]).toBeLessThan(s.x[1]);
    expect(s.start[1]).toBeGreaterThan(s.y[0]);
    expect(s.start[1]).toBeLessThan(s.y[1]);
    expect(s.f(...s.start)).toBeGreaterThan(s.fMin);
  });
});
