import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { broadcastShapes } from './shape';
import { tensor, type Tensor } from './tensor';
import { matmul } from './ops/matmul';
import { expectClose } from './test-helpers';

const dim = fc.integer({ min: 1, max: 4 });
const shapeArb = fc.array(dim, { minLength: 0, maxLength: 4 });
const value = fc.double({ min: -10, max: 10, noNaN: true });

/** A float64 tensor of a given shape with arbitrary values. */
function tensorOf(shape: number[]): fc.Arbitrary<Tensor> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc.array(value, { minLength: n, maxLength: n }).map((v) => tensor(Float64Array.from(v), { shape, dtype: 'float64' }));
}

/** Two shapes that broadcast: derived from one output shape by dropping leading axes / setting 1s. */
const broadcastPair = shapeArb.chain((out) =>
  fc.tuple(
    ...[0, 1].map(() =>
      fc
        .tuple(fc.integer({ min: 0, max: out.length }), fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }))
        .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d))),
    ),
  ),
);

/** Element (index list) lookup in nested arrays. */
function at(nested: unknown, idx: number[]): number {
  return idx.reduce<unknown>((a, i) => (a as unknown[])[i], nested) as number;
}

function* indices(shape: readonly number[]): Generator<number[]> {
  const n = shape.reduce((a, b) => a * b, 1);
  for (let k = 0; k < n; k++) {
    const idx: number[] = [];
    let r = k;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx.unshift(r % shape[d]);
      r = Math.floor(r / shape[d]);
    }
    yield idx;
  }
}

describe('broadcasting properties', () => {
  test('the broadcast shape is symmetric and follows the NumPy rule element by element', () => {
    fc.assert(
      fc.property(broadcastPair, ([a, b]) => {
        const out = broadcastShapes('op', a, b);
        expect(broadcastShapes('op', b, a)).toEqual(out);
        expect(out.length).toBe(Math.max(a.length, b.length));
        out.forEach((d, i) => {
          const da = a[i - (out.length - a.length)] ?? 1;
          const db = b[i - (out.length - b.length)] ?? 1;
          expect(d).toBe(Math.max(da, db));
        });
      }),
    );
  });

  test('a + b equals the element-wise sum of the explicitly broadcast operands', () => {
    fc.assert(
      fc.property(
        broadcastPair.chain(([sa, sb]) => fc.tuple(tensorOf(sa), tensorOf(sb))),
        ([a, b]) => {
          const out = a.add(b);
          const shape = out.shape;
          const A = a.toArray();
          const B = b.toArray();
          const O = out.toArray();
          for (const idx of indices(shape)) {
            const pick = (t: Tensor, nested: unknown) => at(nested, idx.slice(shape.length - t.rank).map((v, i) => (t.shape[i] === 1 ? 0 : v)));
            expect(at(O, idx)).toBe(pick(a, A) + pick(b, B));
          }
          expect(a.add(b).toArray()).toEqual(a.expand(shape).add(b.expand(shape)).toArray());
        },
      ),
      { numRuns: 60 },
    );
  });

  test('incompatible shapes always throw a ShapeMismatchError naming both', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }), (p, q) => {
        fc.pre(p !== q);
        expect(() => tensor(new Float64Array(p)).mul(tensor(new Float64Array(q)))).toThrow(`mul: shapes [${p}] and [${q}] cannot be broadcast together`);
      }),
    );
  });
});

describe('algebraic identities (float64)', () => {
  const sameShape3 = shapeArb.chain((s) => fc.tuple(tensorOf(s), tensorOf(s), tensorOf(s)));

  test('addition and multiplication commute; a - a = 0; a / 1 = a; (a + b) - b ≈ a', () => {
    fc.assert(
      fc.property(sameShape3, ([a, b]) => {
        expect(a.add(b).toArray()).toEqual(b.add(a).toArray());
        expect(a.mul(b).toArray()).toEqual(b.mul(a).toArray());
        expect(a.sub(a).abs().sum().item()).toBe(0);
        expect(a.div(1).toArray()).toEqual(a.toArray());
        expectClose(a.add(b).sub(b).toArray(), a.toArray(), 1e-12);
      }),
    );
  });

  test('associativity and distributivity hold to rounding', () => {
    fc.assert(
      fc.property(sameShape3, ([a, b, c]) => {
        expectClose(a.add(b).add(c).toArray(), a.add(b.add(c)).toArray(), 1e-12);
        expectClose(a.mul(b.add(c)).toArray(), a.mul(b).add(a.mul(c)).toArray(), 1e-11);
      }),
    );
  });

  test('exp/log, sqrt/square, neg/abs, sigmoid/tanh identities', () => {
    fc.assert(
      fc.property(sameShape3, ([a]) => {
        expectClose(a.exp().log().toArray(), a.toArray(), 1e-12);
        expectClose(a.abs().sqrt().square().toArray(), a.abs().toArray(), 1e-12);
        expect(a.neg().abs().toArray()).toEqual(a.abs().toArray());
        expectClose(a.sigmoid().mul(2).sub(1).toArray(), a.div(2).tanh().toArray(), 1e-12);
        expectClose(a.softplus().sub(a.neg().softplus()).toArray(), a.toArray(), 1e-12);
        expectClose(a.relu().sub(a.neg().relu()).toArray(), a.toArray(), 0);
      }),
    );
  });

  test('reductions: sum over all axes = sum of sums; mean·n = sum; max ≥ mean ≥ min; logSumExp ≥ max', () => {
    fc.assert(
      fc.property(shapeArb.filter((s) => s.length > 0).chain(tensorOf), (a) => {
        const total = a.sum().item();
        expectClose(a.sum(0).sum().item(), total, 1e-12);
        expectClose(a.mean().item() * a.size, total, 1e-12);
        expect(a.max().item()).toBeGreaterThanOrEqual(a.mean().item() - 1e-12);
        expect(a.min().item()).toBeLessThanOrEqual(a.mean().item() + 1e-12);
        expect(a.logSumExp(-1).sub(a.max(-1)).min().item()).toBeGreaterThanOrEqual(0);
        expectClose(a.softmax(-1).sum(-1).toArray(), a.sum(-1).onesLike().toArray(), 1e-12);
        expectClose(a.logSoftmax(-1).exp().toArray(), a.softmax(-1).toArray(), 1e-12);
      }),
    );
  });

  test('views: transpose twice is the identity; reshape round-trips; slices tile the tensor', () => {
    fc.assert(
      fc.property(shapeArb.filter((s) => s.length > 0).chain(tensorOf), (a) => {
        expect(a.transpose().transpose().toArray()).toEqual(a.toArray());
        expect(a.reshape([-1]).reshape(a.shape).toArray()).toEqual(a.toArray());
        expect(a.transpose().reshape([-1]).size).toBe(a.size);
        // kernels read strided views correctly: op(view) = view of op
        expect(a.transpose().exp().toArray()).toEqual(a.exp().transpose().toArray());
        expect(a.transpose().mul(a.transpose()).toArray()).toEqual(a.mul(a).transpose().toArray());
        const first = a.slice([0], [1]);
        const rest = a.slice([1]);
        expectClose(first.sum().item() + rest.sum().item(), a.sum().item(), 1e-12);
      }),
    );
  });

  test('matmul: (AB)ᵀ = BᵀAᵀ and A(B + C) = AB + AC', () => {
    fc.assert(
      fc.property(
        fc.tuple(dim, dim, dim).chain(([m, k, n]) => fc.tuple(tensorOf([m, k]), tensorOf([k, n]), tensorOf([k, n]))),
        ([a, b, c]) => {
          expectClose(matmul(a, b).transpose().toArray(), matmul(b.transpose(), a.transpose()).toArray(), 1e-12);
          expectClose(matmul(b, a, { transA: true, transB: true }).toArray(), matmul(a, b).transpose().toArray(), 1e-12);
          expectClose(a.matmul(b.add(c)).toArray(), a.matmul(b).add(a.matmul(c)).toArray(), 1e-10);
        },
      ),
    );
  });
});
