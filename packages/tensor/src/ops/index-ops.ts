/**
 * Integer indexing: gather (PyTorch `gather`), indexSelect (PyTorch `index_select`) and oneHot.
 * Indices are Int32Array, number[] or a tensor holding integer values (e.g. from `argmax`).
 */
import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import { getBackend } from '../backend';
import { record } from '../autograd';
import { fmt, normAxis, sizeOf } from '../shape';
import { Tensor, fromStorage, type IndexLike, type TensorOptions } from '../tensor';

function checkIndexType(argument: string, index: unknown): void {
  if (!(index instanceof Tensor) && !(index instanceof Int32Array) && !Array.isArray(index))
    throw new InvalidArgumentError(argument, index, 'an Int32Array, a number[] or a Tensor of integer values');
}

/** Validate indices: integers in [0, limit). */
function toIndices(argument: string, index: IndexLike, limit: number): Int32Array {
  checkIndexType(argument, index);
  const values: ArrayLike<number> = index instanceof Tensor ? index.data() : index;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v >= limit) throw new InvalidArgumentError(`${argument}[${i}]`, v, `an integer in [0, ${limit})`);
    out[i] = v;
  }
  return out;
}

/**
 * `out[i][j][k] = x[i][index[i][j][k]][k]` for `axis = 1` (likewise for any axis), PyTorch's
 * `gather`. A tensor `index` has `x`'s rank, any length `k` along `axis` and, as in PyTorch, at
 * most `x`'s size along every other axis (the output has `index`'s shape); a flat `index` is read
 * in row-major order with `x`'s shape except along `axis`, `k = index.length / (x.size / x.shape[axis])`.
 * The gradient scatters back (adding where an index repeats).
 *
 * @example
 * // pick each row's target entry: logp [n, c], targets [n] -> [n, 1]
 * const picked = gather(logp, 1, targets);
 */
export function gather(x: Tensor, axis: number, index: IndexLike): Tensor {
  const a = normAxis('gather: axis', axis, x.rank);
  checkIndexType('gather: index', index);
  if (index instanceof Tensor && index.rank === x.rank) {
    if (index.shape.some((d, i) => i !== a && d > x.shape[i]))
      throw new ShapeMismatchError('gather', [x.shape, index.shape], `must have index sizes <= input sizes on every axis except ${a}`);
    // PyTorch reads only the leading index.shape[i] entries of each other axis: gather from that window
    if (index.shape.some((d, i) => i !== a && d < x.shape[i])) x = x.slice(x.shape.map(() => 0), index.shape.map((d, i) => (i === a ? x.shape[a] : d)));
  }
  const others = x.shape[a] === 0 ? 0 : x.size / x.shape[a];
  const length = index instanceof Tensor ? index.size : (index as ArrayLike<number>)?.length;
  const shape = x.shape.slice();
  shape[a] = others === 0 ? 0 : length / others;
  if (!Number.isInteger(shape[a]))
    throw new ShapeMismatchError('gather', [x.shape, [length]], `do not fit: index needs a multiple of ${others} entries (shape ${fmt(x.shape)} without axis ${a})`);
  const idx = toIndices('gather: index', index, x.shape[a]);
  const out = fromStorage(x.backend.gather(x.view(), a, idx, shape), shape, x.dtype, x.backend);
  return record(out, 'gather', [x], (g) => [fromStorage(g.backend.scatterAdd(g.view(), a, idx, x.shape), x.shape, g.dtype, g.backend)]);
}

/** Entries `indices` along `axis` (PyTorch `index_select`); repeats allowed. */
export function indexSelect(x: Tensor, axis: number, indices: IndexLike): Tensor {
  const a = normAxis('indexSelect: axis', axis, x.rank);
  const list = toIndices('indexSelect: indices', indices, x.shape[a]);
  const shape = x.shape.slice();
  shape[a] = list.length;
  const outer = sizeOf(shape.slice(0, a));
  const inner = sizeOf(shape.slice(a + 1));
  const full = new Int32Array(sizeOf(shape));
  for (let o = 0, p = 0; o < outer; o++) for (let j = 0; j < list.length; j++) for (let i = 0; i < inner; i++, p++) full[p] = list[j];
  const out = fromStorage(x.backend.gather(x.view(), a, full, shape), shape, x.dtype, x.backend);
  return record(out, 'indexSelect', [x], (g) => [fromStorage(g.backend.scatterAdd(g.view(), a, full, x.shape), x.shape, g.dtype, g.backend)]);
}

/** Rows of the identity: `[n, numClasses]` with a 1 at each index (no gradient). */
export function oneHot(indices: IndexLike, numClasses: number, options: TensorOptions = {}): Tensor {
  if (!Number.isInteger(numClasses) || numClasses < 1) throw new InvalidArgumentError('oneHot: numClasses', numClasses, 'a positive integer');
  const list = toIndices('oneHot: indices', indices, numClasses);
  const values = new Float64Array(list.length * numClasses);
  for (let i = 0; i < list.length; i++) values[i * numClasses + list[i]] = 1;
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') throw new InvalidArgumentError('oneHot: dtype', dtype, "'float32' or 'float64'");
  const backend = getBackend();
  const t = fromStorage(backend.fromArray(values, dtype), [list.length, numClasses], dtype, backend);
  t.requiresGrad = options.requiresGrad ?? false;
  return t;
}
