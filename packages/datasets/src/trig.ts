/**
 * Sine and cosine from + - * / and Math.round only (all exactly specified by IEEE 754 / ECMAScript),
 * so generated data sets have the same bits on every JavaScript engine. `Math.sin` / `Math.cos` are
 * implementation-approximated and may differ between engines in the last bit.
 *
 * Argument reduction x = k·π/2 + r with a two-part π/2 (Cody–Waite, fdlibm's constants), then
 * Taylor series in Horner form on |r| ≤ π/4 (error below 1e-16 there). Accurate to ~1e-15 for
 * |x| < 1e5; deterministic for every x.
 */

const PIO2_1 = 1.5707963267341256; // first 33 bits of π/2
const PIO2_1T = 6.077100506506192e-11; // π/2 - PIO2_1
const INV_PIO2 = 0.6366197723675814;

function reduce(x: number): [number, number] {
  const k = Math.round(x * INV_PIO2);
  const r = x - k * PIO2_1 - k * PIO2_1T;
  return [r, ((k % 4) + 4) % 4];
}

function sinPoly(r: number): number {
  const r2 = r * r;
  let s = 1;
  for (let n = 17; n >= 3; n -= 2) s = 1 - (r2 / (n * (n - 1))) * s;
  return r * s;
}

function cosPoly(r: number): number {
  const r2 = r * r;
  let c = 1;
  for (let n = 18; n >= 2; n -= 2) c = 1 - (r2 / (n * (n - 1))) * c;
  return c;
}

/** Portable sine (same bits on every engine). */
export function portableSin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, q] = reduce(x);
  return q === 0 ? sinPoly(r) : q === 1 ? cosPoly(r) : q === 2 ? -sinPoly(r) : -cosPoly(r);
}

/** Portable cosine (same bits on every engine). */
export function portableCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const [r, q] = reduce(x);
  return q === 0 ? cosPoly(r) : q === 1 ? -sinPoly(r) : q === 2 ? -cosPoly(r) : sinPoly(r);
}
