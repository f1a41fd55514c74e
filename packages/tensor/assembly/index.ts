// WebAssembly SIMD kernels of @lab/tensor's wasm backend (AssemblyScript).
//
// Built twice by scripts/build-wasm.mjs: `asc --enable simd -O3 --runtime stub --noAssert` and the same
// with `--enable simd,relaxed-simd` (ASC_FEATURE_RELAXED_SIMD then turns the matmul's multiply-add into
// f32x4.relaxed_madd). The module imports nothing and exports its memory: JavaScript owns the
// allocator; every function here takes byte pointers into linear memory, element counts and element
// strides. No managed objects, no Math.pow (scalars are computed in JavaScript and passed in).

/** First free byte after the module's static data: JavaScript's allocator starts here. */
export function heapBase(): usize {
  return __heap_base;
}

// ---- matrix product -------------------------------------------------------------------------------
//
// Goto/BLIS structure: C = op(A)·op(B) in KC-deep slices; a KC×NC slice of op(B) is packed into
// 16-column micro-panels (zero-padded), an MC×KC block of op(A) into 2-row micro-panels; a 2×16
// register tile (8 f32x4 accumulators + 4 B vectors + 1 broadcast ≤ V8's 16 xmm registers) runs over
// them. Packing makes the four transposition variants one kernel.

const MR: i32 = 2;
const NR: i32 = 16;
const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 512;

/** Bytes the packing buffers need: pass pointers to blocks of at least this size to gemm. */
export function packABytes(): i32 {
  return MC * KC * 4;
}
export function packBBytes(): i32 {
  return KC * NC * 4;
}

@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

// Pack rows [0, mc) × depth [0, kc) of op(A), where op(A)(i, q) = a[i·rs + q·cs], as 2-row panels.
function packA(a: usize, rs: i32, cs: i32, mc: i32, kc: i32, dst: usize): void {
  for (let i = 0; i < mc; i += MR) {
    const p0 = a + <usize>(i * rs) * 4;
    if (i + 1 < mc) {
      const p1 = p0 + <usize>rs * 4;
      for (let q = 0; q < kc; q++) {
        const o = <usize>(q * cs) * 4;
        store<f32>(dst, load<f32>(p0 + o));
        store<f32>(dst, load<f32>(p1 + o), 4);
        dst += 8;
      }
    } else {
      for (let q = 0; q < kc; q++) {
        store<f32>(dst, load<f32>(p0 + <usize>(q * cs) * 4));
        store<f32>(dst, 0, 4);
        dst += 8;
      }
    }
  }
}

// Pack depth [0, kc) × columns [0, nc) of op(B), where op(B)(q, j) = b[q·rs + j·cs], as 16-column panels.
function packB(b: usize, rs: i32, cs: i32, kc: i32, nc: i32, dst: usize): void {
  for (let j = 0; j < nc; j += NR) {
    const cols = min(NR, nc - j);
    if (cols == NR && cs == 1) {
      for (let q = 0; q < kc; q++) {
        const src = b + <usize>(q * rs + j) * 4;
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        v128.store(dst, v128.load(src, 32), 32);
        v128.store(dst, v128.load(src, 48), 48);
        dst += 64;
      }
    } else {
      for (let q = 0; q < kc; q++) {
        for (let c = 0; c < NR; c++) {
          store<f32>(dst, c < cols ? load<f32>(b + <usize>(q * rs + (j + c) * cs) * 4) : 0);
          dst += 4;
        }
      }
    }
  }
}

// C[0:rows, 0:cols] (+)= Ap·Bp over depth kc; row stride of C is ldc elements.
function micro(ap: usize, bp: usize, kc: i32, c: usize, ldc: i32, rows: i32, cols: i32, accumulate: bool, tmp: usize): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c02 = c00;
  let c03 = c00;
  let c10 = c00;
  let c11 = c00;
  let c12 = c00;
  let c13 = c00;
  for (let q = 0; q < kc; q++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    const b2 = v128.load(bp, 32);
    const b3 = v128.load(bp, 48);
    const a0 = v128.load32_splat(ap);
    c00 = madd(a0, b0, c00);
    c01 = madd(a0, b1, c01);
    c02 = madd(a0, b2, c02);
    c03 = madd(a0, b3, c03);
    const a1 = v128.load32_splat(ap, 4);
    c10 = madd(a1, b0, c10);
    c11 = madd(a1, b1, c11);
    c12 = madd(a1, b2, c12);
    c13 = madd(a1, b3, c13);
    ap += 8;
    bp += 64;
  }
  if (rows == MR && cols == NR) {
    const d = c + <usize>ldc * 4;
    if (accumulate) {
      c00 = f32x4.add(c00, v128.load(c));
      c01 = f32x4.add(c01, v128.load(c, 16));
      c02 = f32x4.add(c02, v128.load(c, 32));
      c03 = f32x4.add(c03, v128.load(c, 48));
      c10 = f32x4.add(c10, v128.load(d));
      c11 = f32x4.add(c11, v128.load(d, 16));
      c12 = f32x4.add(c12, v128.load(d, 32));
      c13 = f32x4.add(c13, v128.load(d, 48));
    }
    v128.store(c, c00);
    v128.store(c, c01, 16);
    v128.store(c, c02, 32);
    v128.store(c, c03, 48);
    v128.store(d, c10);
    v128.store(d, c11, 16);
    v128.store(d, c12, 32);
    v128.store(d, c13, 48);
    return;
  }
  // Edge tile: spill to tmp (2×16 floats), copy the valid part.
  v128.store(tmp, c00);
  v128.store(tmp, c01, 16);
  v128.store(tmp, c02, 32);
  v128.store(tmp, c03, 48);
  v128.store(tmp, c10, 64);
  v128.store(tmp, c11, 80);
  v128.store(tmp, c12, 96);
  v128.store(tmp, c13, 112);
  for (let r = 0; r < rows; r++) {
    const row = c + <usize>(r * ldc) * 4;
    const t = tmp + <usize>(r * NR) * 4;
    for (let j = 0; j < cols; j++) {
      const p = row + <usize>j * 4;
      const v = load<f32>(t + <usize>j * 4);
      store<f32>(p, accumulate ? load<f32>(p) + v : v);
    }
  }
}

/**
 * C[m, n] = op(A)·op(B), C contiguous. A is stored [m, k] (or [k, m] with transA), B is stored
 * [k, n] (or [n, k] with transB), both row-major contiguous. `pa`/`pb` are packing buffers of
 * packABytes()/packBBytes() bytes, `tmp` 128 bytes; all 16-byte aligned.
 */
export function gemm(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, pa: usize, pb: usize, tmp: usize): void {
  if (k == 0) {
    memory.fill(c, 0, <usize>(m * n) * 4);
    return;
  }
  const ars = transA ? 1 : k;
  const acs = transA ? m : 1;
  const brs = transB ? 1 : n;
  const bcs = transB ? k : 1;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB(b + <usize>(pc * brs + jc * bcs) * 4, brs, bcs, kc, nc, pb);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a + <usize>(ic * ars + pc * acs) * 4, ars, acs, mc, kc, pa);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = min(NR, nc - jr);
          const bp = pb + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            micro(pa + <usize>(ir * kc) * 4, bp, kc, c + <usize>((ic + ir) * n + jc + jr) * 4, n, min(MR, mc - ir), cols, pc > 0, tmp);
          }
        }
      }
    }
  }
}

// ---- element-wise -------------------------------------------------------------------------------
//
// Views are 2-D after the caller merged contiguous axes: out[i·n + j] = f(a[i·as0 + j·as1], ...).
// The inner loop runs 4 lanes at a time when the inner strides are 1 (or 0: a broadcast scalar
// per row); otherwise element by element. The op switch is folded into each loop by inlining.

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const MAX = 4;
const MIN = 5;
const GT = 6;
const GE = 7;
const LT = 8;
const LE = 9;
const EQ = 10;

@inline function bin(op: i32, x: v128, y: v128): v128 {
  const one = f32x4.splat(1);
  switch (op) {
    case ADD:
      return f32x4.add(x, y);
    case SUB:
      return f32x4.sub(x, y);
    case MUL:
      return f32x4.mul(x, y);
    case DIV:
      return f32x4.div(x, y);
    // JavaScript's `x > y || x !== x ? x : y`: NaN in either input propagates, ties keep y.
    case MAX:
      return v128.bitselect(x, y, v128.or(f32x4.gt(x, y), f32x4.ne(x, x)));
    case MIN:
      return v128.bitselect(x, y, v128.or(f32x4.lt(x, y), f32x4.ne(x, x)));
    case GT:
      return v128.and(f32x4.gt(x, y), one);
    case GE:
      return v128.and(f32x4.ge(x, y), one);
    case LT:
      return v128.and(f32x4.lt(x, y), one);
    case LE:
      return v128.and(f32x4.le(x, y), one);
    default:
      return v128.and(f32x4.eq(x, y), one);
  }
}

@inline function binRows(op: i32, a: usize, as0: i32, as1: i32, b: usize, bs0: i32, bs1: i32, out: usize, rows: i32, n: i32): void {
  for (let i = 0; i < rows; i++) {
    let pa = a + <usize>(i * as0) * 4;
    let pb = b + <usize>(i * bs0) * 4;
    let po = out + <usize>(i * n) * 4;
    let j = 0;
    if (as1 == 1 && bs1 == 1) {
      for (; j + 4 <= n; j += 4, pa += 16, pb += 16, po += 16) v128.store(po, bin(op, v128.load(pa), v128.load(pb)));
    } else if (as1 == 1 && bs1 == 0) {
      const y = v128.load32_splat(pb);
      for (; j + 4 <= n; j += 4, pa += 16, po += 16) v128.store(po, bin(op, v128.load(pa), y));
    } else if (as1 == 0 && bs1 == 1) {
      const x = v128.load32_splat(pa);
      for (; j + 4 <= n; j += 4, pb += 16, po += 16) v128.store(po, bin(op, x, v128.load(pb)));
    }
    const sa = <usize>as1 * 4;
    const sb = <usize>bs1 * 4;
    for (; j < n; j++, pa += sa, pb += sb, po += 4) {
      store<f32>(po, f32x4.extract_lane(bin(op, v128.load32_splat(pa), v128.load32_splat(pb)), 0));
    }
  }
}

/** Element-wise binary op (codes: add sub mul div maximum minimum gt ge lt le eq = 0..10). */
export function binary(op: i32, a: usize, as0: i32, as1: i32, b: usize, bs0: i32, bs1: i32, out: usize, rows: i32, n: i32): void {
  switch (op) {
    case ADD: binRows(ADD, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case SUB: binRows(SUB, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case MUL: binRows(MUL, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case DIV: binRows(DIV, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case MAX: binRows(MAX, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case MIN: binRows(MIN, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case GT: binRows(GT, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case GE: binRows(GE, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case LT: binRows(LT, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    case LE: binRows(LE, a, as0, as1, b, bs0, bs1, out, rows, n); break;
    default: binRows(EQ, a, as0, as1, b, bs0, bs1, out, rows, n);
  }
}

const NEG = 0;
const ABS = 1;
const SQRT = 2;
const RELU = 3;
const LEAKY = 4;
const CLAMP = 5;
const SIGN = 6;

@inline function un(op: i32, x: v128, p: v128, q: v128): v128 {
  const zero = f32x4.splat(0);
  switch (op) {
    case NEG:
      return f32x4.neg(x);
    case ABS:
      return f32x4.abs(x);
    case SQRT:
      return f32x4.sqrt(x);
    case RELU: // x <= 0 ? 0 : x (NaN stays NaN)
      return v128.bitselect(zero, x, f32x4.le(x, zero));
    case LEAKY: // x <= 0 ? p·x : x
      return v128.bitselect(f32x4.mul(p, x), x, f32x4.le(x, zero));
    case CLAMP: {
      // x < p ? p : x > q ? q : x
      const hi = v128.bitselect(q, x, f32x4.gt(x, q));
      return v128.bitselect(p, hi, f32x4.lt(x, p));
    }
    default: {
      // sign: 1, -1, or x itself (±0, NaN)
      const s = v128.bitselect(f32x4.splat(1), x, f32x4.gt(x, zero));
      return v128.bitselect(f32x4.splat(-1), s, f32x4.lt(x, zero));
    }
  }
}

@inline function unRows(op: i32, x: usize, s0: i32, s1: i32, out: usize, rows: i32, n: i32, p: f32, q: f32): void {
  const vp = f32x4.splat(p);
  const vq = f32x4.splat(q);
  for (let i = 0; i < rows; i++) {
    let px = x + <usize>(i * s0) * 4;
    let po = out + <usize>(i * n) * 4;
    let j = 0;
    if (s1 == 1) for (; j + 4 <= n; j += 4, px += 16, po += 16) v128.store(po, un(op, v128.load(px), vp, vq));
    const sx = <usize>s1 * 4;
    for (; j < n; j++, px += sx, po += 4) store<f32>(po, f32x4.extract_lane(un(op, v128.load32_splat(px), vp, vq), 0));
  }
}

/** Element-wise unary op (codes: neg abs sqrt relu leakyRelu clamp sign = 0..6); p, q its parameters. */
export function unary(op: i32, x: usize, s0: i32, s1: i32, out: usize, rows: i32, n: i32, p: f32, q: f32): void {
  switch (op) {
    case NEG: unRows(NEG, x, s0, s1, out, rows, n, p, q); break;
    case ABS: unRows(ABS, x, s0, s1, out, rows, n, p, q); break;
    case SQRT: unRows(SQRT, x, s0, s1, out, rows, n, p, q); break;
    case RELU: unRows(RELU, x, s0, s1, out, rows, n, p, q); break;
    case LEAKY: unRows(LEAKY, x, s0, s1, out, rows, n, p, q); break;
    case CLAMP: unRows(CLAMP, x, s0, s1, out, rows, n, p, q); break;
    default: unRows(SIGN, x, s0, s1, out, rows, n, p, q);
  }
}

/** out[i·n + j] = c[i·cs0 + j·cs1] != 0 ? a[...] : b[...] */
export function select(c: usize, cs0: i32, cs1: i32, a: usize, as0: i32, as1: i32, b: usize, bs0: i32, bs1: i32, out: usize, rows: i32, n: i32): void {
  const zero = f32x4.splat(0);
  for (let i = 0; i < rows; i++) {
    let pc = c + <usize>(i * cs0) * 4;
    let pa = a + <usize>(i * as0) * 4;
    let pb = b + <usize>(i * bs0) * 4;
    let po = out + <usize>(i * n) * 4;
    let j = 0;
    if (cs1 == 1 && as1 == 1 && bs1 == 1) {
      for (; j + 4 <= n; j += 4, pc += 16, pa += 16, pb += 16, po += 16)
        v128.store(po, v128.bitselect(v128.load(pb), v128.load(pa), f32x4.eq(v128.load(pc), zero)));
    }
    const sc = <usize>cs1 * 4;
    const sa = <usize>as1 * 4;
    const sb = <usize>bs1 * 4;
    for (; j < n; j++, pc += sc, pa += sa, pb += sb, po += 4) store<f32>(po, load<f32>(pc) != 0 ? load<f32>(pa) : load<f32>(pb));
  }
}

// ---- reductions ---------------------------------------------------------------------------------

const SUM = 0;
const RMAX = 1;

// NaN-propagating max/min with JavaScript's tie rule (keep the accumulator).
@inline function keepMax(acc: v128, v: v128): v128 {
  return v128.bitselect(acc, v, v128.or(f32x4.ge(acc, v), f32x4.ne(acc, acc)));
}
@inline function keepMin(acc: v128, v: v128): v128 {
  return v128.bitselect(acc, v, v128.or(f32x4.le(acc, v), f32x4.ne(acc, acc)));
}

/**
 * out[j] = reduce over r < rows of x[r·n + j] (leading axes of a contiguous input; op: 0 sum, 1 max,
 * 2 min). Sums accumulate in float32 row by row, like the JavaScript backend's row path.
 */
export function reduceRows(op: i32, x: usize, rows: i32, n: i32, out: usize): void {
  memory.copy(out, x, <usize>n * 4);
  for (let r = 1; r < rows; r++) {
    let px = x + <usize>(r * n) * 4;
    let po = out;
    let j = 0;
    if (op == SUM) {
      for (; j + 4 <= n; j += 4, px += 16, po += 16) v128.store(po, f32x4.add(v128.load(po), v128.load(px)));
      for (; j < n; j++, px += 4, po += 4) store<f32>(po, load<f32>(po) + load<f32>(px));
    } else if (op == RMAX) {
      for (; j + 4 <= n; j += 4, px += 16, po += 16) v128.store(po, keepMax(v128.load(po), v128.load(px)));
      for (; j < n; j++, px += 4, po += 4) store<f32>(po, f32x4.extract_lane(keepMax(v128.load32_splat(po), v128.load32_splat(px)), 0));
    } else {
      for (; j + 4 <= n; j += 4, px += 16, po += 16) v128.store(po, keepMin(v128.load(po), v128.load(px)));
      for (; j < n; j++, px += 4, po += 4) store<f32>(po, f32x4.extract_lane(keepMin(v128.load32_splat(po), v128.load32_splat(px)), 0));
    }
  }
}

/**
 * out[r] = reduce over j < len of x[r·len + j] (trailing axes of a contiguous input; op: 0 sum,
 * 1 max, 2 min; len ≥ 1). Sums accumulate in float64 lanes, like the JavaScript backend.
 */
export function reduceSegments(op: i32, x: usize, rows: i32, len: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    let px = x + <usize>(r * len) * 4;
    let j = 0;
    if (op == SUM) {
      let s0 = f64x2.splat(0);
      let s1 = s0;
      for (; j + 4 <= len; j += 4, px += 16) {
        const v = v128.load(px);
        s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
        s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
      }
      const s = f64x2.add(s0, s1);
      let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
      for (; j < len; j++, px += 4) t += <f64>load<f32>(px);
      store<f32>(out + <usize>r * 4, <f32>t);
    } else {
      let acc = v128.load32_splat(px);
      const isMax = op == RMAX;
      for (; j + 4 <= len; j += 4, px += 16) acc = isMax ? keepMax(acc, v128.load(px)) : keepMin(acc, v128.load(px));
      for (; j < len; j++, px += 4) acc = isMax ? keepMax(acc, v128.load32_splat(px)) : keepMin(acc, v128.load32_splat(px));
      let best = f32x4.extract_lane(acc, 0);
      for (let l = 1; l < 4; l++) {
        const v = l == 1 ? f32x4.extract_lane(acc, 1) : l == 2 ? f32x4.extract_lane(acc, 2) : f32x4.extract_lane(acc, 3);
        if (best != best) break;
        if (v != v || (isMax ? v > best : v < best)) best = v;
      }
      store<f32>(out + <usize>r * 4, best);
    }
  }
}

