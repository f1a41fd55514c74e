import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '@lab/core';
import { SURFACES, surface } from './surfaces';

describe('surfaces', () => {
  test.each(SURFACES.map((s) => [s.name, s] as const))('%s: f* at every listed minimiser, zero gradient there, gradient matches finite differences', (_n, s) => {
    for (const [x, y] of s.minima) {
      expect(s.f(x, y)).toBeCloseTo(s.fMin, 8);
      const [gx, gy] = s.grad(x, y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-4);
    }
    for (const [x, y] of [s.start, [0.3, -0.7], [1.1, 0.4]] as [number, number][]) {
      const h = 1e-6;
      const [gx, gy] = s.grad(x, y);
      expect(gx).toBeCloseTo((s.f(x + h, y) - s.f(x - h, y)) / (2 * h), 4);
      expect(gy).toBeCloseTo((s.f(x, y + h) - s.f(x, y - h)) / (2 * h), 4);
    }
    expect(s.f(...s.start)).toBeGreaterThan(s.fMin);
  });
  test('lookup by name; unknown names fail clearly', () => {
    expect(surface('beale').minima).toEqual([[3, 0.5]]);
    expect(() => surface('moon')).toThrow(InvalidArgumentError);
    expect(() => surface('moon')).toThrow(/unknown surface "moon"; known: saddle, local-minima, plateau, rosenbrock, beale, himmelblau/);
  });
});
