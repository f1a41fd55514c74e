/**
 * The pure-TypeScript backend: storage is a Float32Array or Float64Array. It runs anywhere JavaScript
 * runs (Node, browsers, web workers) and is the default backend.
 */
import type { Backend, BinaryOp, DType, FloatArray, ReduceOp, Shape, StridedView, UnaryOp } from '../types';
import { contiguousStrides, isContiguous, sizeOf } from '../shape';
import { forEachRow } from './strided';
import { matmulKernel } from './js-matmul';

type View = StridedView<FloatArray>;

function alloc(size: number, dtype: DType): FloatArray {
  return dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
}

/** The view's values as a flat contiguous array: the storage itself when already so laid out (no copy). */
function flat(x: View): FloatArray {
  const n = sizeOf(x.shape);
  if (isContiguous(x.shape, x.strides)) {
    return x.offset === 0 && x.storage.length === n ? x.storage : x.storage.subarray(x.offset, x.offset + n);
  }
  return copy(x);
}

function copy(x: View, dtype: DType = x.dtype): FloatArray {
  const out = alloc(sizeOf(x.shape), dtype);
  const src = x.storage;
  forEachRow(x.shape, [x.strides, contiguousStrides(x.shape)], [x.offset, 0], (o, n, inner) => {
    let si = o[0];
    const oi = o[1];
    const ss = inner[0];
    for (let j = 0; j < n; j++, si += ss) out[oi + j] = src[si];
  });
  return out;
}

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

function unary(op: UnaryOp, x: View, a = 0, b = 0): FloatArray {
  const src = flat(x);
  const n = src.length;
  const out = alloc(n, x.dtype);
  switch (op) {
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -src[i];
      break;
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = Math.exp(src[i]);
      break;
    case 'log':
      for (let i = 0; i < n; i++) out[i] = Math.log(src[i]);
      break;
    case 'log1p':
      for (let i = 0; i < n; i++) out[i] = Math.log1p(src[i]);
      break;
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(src[i]);
      break;
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(src[i]);
      break;
    case 'sign':
      for (let i = 0; i < n; i++) out[i] = Math.sign(src[i]);
      break;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = src[i] <= 0 ? 0 : src[i]; // NaN stays NaN
      break;
    case 'leakyRelu':
      for (let i = 0; i < n; i++) out[i] = src[i] <= 0 ? a * src[i] : src[i];
      break;
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = sigmoid(src[i]);
      break;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(src[i]);
      break;
    case 'softplus':
      // max(x, 0) + log1p(exp(-|x|)): never overflows, exact for large |x|
      for (let i = 0; i < n; i++) {
        const v = src[i];
        out[i] = (v > 0 ? v : 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
      break;
    case 'clamp':
      for (let i = 0; i < n; i++) {
        const v = src[i];
        out[i] = v < a ? a : v > b ? b : v;
      }
      break;
    default:
      throw new Error(`js backend: unknown unary op ${String(op)}`);
  }
  return out;
}

type Row = (o: FloatArray, oi: number, a: FloatArray, ai: number, as: number, b: FloatArray, bi: number, bs: number, n: number) => void;

// One small row loop per op: the op is chosen once per row, not per element.
const ROWS: Record<BinaryOp, Row> = {
  add: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] + b[bi];
  },
  sub: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] - b[bi];
  },
  mul: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] * b[bi];
  },
  div: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] / b[bi];
  },
  pow: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = Math.pow(a[ai], b[bi]);
  },
  maximum: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi + j] = x > y || x !== x ? x : y; // NaN in either input propagates
    }
  },
  minimum: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi + j] = x < y || x !== x ? x : y;
    }
  },
  gt: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] > b[bi] ? 1 : 0;
  },
  ge: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] >= b[bi] ? 1 : 0;
  },
  lt: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] < b[bi] ? 1 : 0;
  },
  le: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] <= b[bi] ? 1 : 0;
  },
  eq: (o, oi, a, ai, as, b, bi, bs, n) => {
    for (let j = 0; j < n; j++, ai += as, bi += bs) o[oi + j] = a[ai] === b[bi] ? 1 : 0;
  },
};

function binary(op: BinaryOp, a: View, b: View): FloatArray {
  const out = alloc(sizeOf(a.shape), a.dtype);
  const row = ROWS[op];
  const as = a.storage;
  const bs = b.storage;
  forEachRow(a.shape, [a.strides, b.strides, contiguousStrides(a.shape)], [a.offset, b.offset, 0], (o, n, inner) => {
    row(out, o[2], as, o[0], inner[0], bs, o[1], inner[1], n);
  });
  return out;
}

function where(c: View, a: View, b: View): FloatArray {
  const out = alloc(sizeOf(a.shape), a.dtype);
  const cs = c.storage;
  const av = a.storage;
  const bv = b.storage;
  forEachRow(a.shape, [c.strides, a.strides, b.strides, contiguousStrides(a.shape)], [c.offset, a.offset, b.offset, 0], (o, n, inner) => {
    let ci = o[0];
    let ai = o[1];
    let bi = o[2];
    const oi = o[3];
    for (let j = 0; j < n; j++, ci += inner[0], ai += inner[1], bi += inner[2]) out[oi + j] = cs[ci] !== 0 ? av[ai] : bv[bi];
  });
  return out;
}

/** Reduce `rows` consecutive segments of length `len` (segment r starts at r*len) of `src`. */
function reduceSegments(op: ReduceOp, src: FloatArray, out: FloatArray, rows: number, len: number): void {
  for (let r = 0, base = 0; r < rows; r++, base += len) {
    if (op === 'sum') {
      let s = 0;
      for (let j = 0; j < len; j++) s += src[base + j];
      out[r] = s;
    } else {
      let best = src[base];
      let arg = 0;
      const isMax = op === 'max' || op === 'argmax';
      for (let j = 1; j < len; j++) {
        const v = src[base + j];
        if (best !== best) break; // NaN wins, like PyTorch
        if (v !== v || (isMax ? v > best : v < best)) {
          best = v;
          arg = j;
        }
      }
      out[r] = op === 'argmax' || op === 'argmin' ? arg : best;
    }
  }
}

function reduce(op: ReduceOp, x: View, axes: readonly number[]): FloatArray {
  const rank = x.shape.length;
  const kept: number[] = [];
  for (let d = 0; d < rank; d++) if (!axes.includes(d)) kept.push(d);
  const outSize = sizeOf(kept.map((d) => x.shape[d]));
  const len = sizeOf(axes.map((d) => x.shape[d]));
  const out = alloc(outSize, x.dtype);
  if (len === 0) {
    if (op !== 'sum') throw new Error(`js backend: ${op} of an empty axis`);
    return out;
  }
  const contiguous = isContiguous(x.shape, x.strides);
  // Leading axes reduced on a contiguous input (e.g. a bias gradient): accumulate whole rows, no copy.
  if (contiguous && (op === 'sum' || op === 'max' || op === 'min') && axes.every((a, i) => a === i)) {
    const src = x.storage;
    out.set(src.subarray(x.offset, x.offset + outSize));
    for (let r = 1; r < len; r++) {
      const base = x.offset + r * outSize;
      if (op === 'sum') for (let j = 0; j < outSize; j++) out[j] += src[base + j];
      else if (op === 'max') for (let j = 0; j < outSize; j++) out[j] = out[j] >= src[base + j] || out[j] !== out[j] ? out[j] : src[base + j];
      else for (let j = 0; j < outSize; j++) out[j] = out[j] <= src[base + j] || out[j] !== out[j] ? out[j] : src[base + j];
    }
    return out;
  }
  // Otherwise move the reduced axes last (a copy unless they already are) and reduce segments.
  const perm = [...kept, ...axes];
  const permuted: View = { ...x, shape: perm.map((d) => x.shape[d]), strides: perm.map((d) => x.strides[d]) };
  reduceSegments(op, flat(permuted), out, outSize, len);
  return out;
}

function gather(x: View, axis: number, index: Int32Array, indexShape: Shape): FloatArray {
  const src = flat(x);
  const outer = sizeOf(indexShape.slice(0, axis));
  const inner = sizeOf(indexShape.slice(axis + 1));
  const k = indexShape[axis];
  const d = x.shape[axis];
  const out = alloc(index.length, x.dtype);
  for (let o = 0, p = 0; o < outer; o++)
    for (let j = 0; j < k; j++)
      for (let i = 0; i < inner; i++, p++) out[p] = src[(o * d + index[p]) * inner + i];
  return out;
}

function scatterAdd(g: View, axis: number, index: Int32Array, shape: Shape): FloatArray {
  const src = flat(g);
  const outer = sizeOf(shape.slice(0, axis));
  const inner = sizeOf(shape.slice(axis + 1));
  const k = g.shape[axis];
  const d = shape[axis];
  const out = alloc(sizeOf(shape), g.dtype);
  for (let o = 0, p = 0; o < outer; o++)
    for (let j = 0; j < k; j++)
      for (let i = 0; i < inner; i++, p++) out[(o * d + index[p]) * inner + i] += src[p];
  return out;
}

function assign(dst: View, src: View): void {
  const d = dst.storage;
  const s = src.storage;
  if (isContiguous(dst.shape, dst.strides) && isContiguous(src.shape, src.strides)) {
    // one block copy (TypedArray.set also handles two windows of the same buffer)
    d.set(s.subarray(src.offset, src.offset + sizeOf(src.shape)), dst.offset);
    return;
  }
  forEachRow(dst.shape, [dst.strides, src.strides], [dst.offset, src.offset], (o, n, inner) => {
    let di = o[0];
    let si = o[1];
    for (let j = 0; j < n; j++, di += inner[0], si += inner[1]) d[di] = s[si];
  });
}

/**
 * The pure-TypeScript backend (the default). Storage handles are plain `Float32Array` /
 * `Float64Array`s; `read` returns the array itself.
 */
export const jsBackend: Backend<FloatArray> = {
  name: 'js',
  fromArray: (values, dtype) => {
    const out = alloc(values.length, dtype);
    for (let i = 0; i < values.length; i++) out[i] = values[i];
    return out;
  },
  full: (size, value, dtype) => {
    const out = alloc(size, dtype);
    if (value !== 0) out.fill(value);
    return out;
  },
  read: (storage) => storage,
  copy,
  assign,
  unary,
  binary,
  where,
  reduce,
  matmul: (a, b, transA, transB) => matmulKernel(flat3(a), flat3(b), a.shape, b.shape, a.strides[0], b.strides[0], transA, transB, a.dtype, alloc),
  gather,
  scatterAdd,
};

/** For matmul: the storage plus offset, batch stride kept as given (0 = broadcast). */
function flat3(x: View): { data: FloatArray; offset: number } {
  return { data: x.storage, offset: x.offset };
}
