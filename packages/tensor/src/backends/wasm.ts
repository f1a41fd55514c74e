/**
 * The WebAssembly SIMD backend: float32 tensors live in the module's linear memory and the hot
 * kernels (matmul in all four transposition variants, element-wise arithmetic and comparisons with
 * broadcasting, `where`, sum/max/min reductions) run as SIMD code from `assembly/index.ts`.
 *
 * Everything else (exp/log/tanh/sigmoid/softplus/pow, argmax/argmin, gather/scatterAdd, strided
 * copies) runs the pure-TypeScript kernels directly on views of linear memory. float64 tensors are
 * plain `Float64Array`s computed by the pure-TypeScript kernels (exact gradient checks stay exact).
 *
 * Memory: a size-class allocator over linear memory, blocks returned by `dispose(storage)` or, once a
 * tensor is garbage-collected, by a FinalizationRegistry. Finalizers only run between JavaScript tasks
 * (after an `await`), so a long synchronous loop cannot free anything: once `maxMemoryBytes` is reached
 * new float32 storage is placed in ordinary JavaScript arrays instead (copied through a scratch block
 * for each wasm kernel) until finalizers have run; memory never grows past the cap plus scratch.
 */
import type { Backend, BinaryOp, DType, FloatArray, ReduceOp, Shape, StridedView, UnaryOp } from '../types';
import { contiguousStrides, isContiguous, sizeOf } from '../shape';
import { jsBackend } from './js';
import { collapse } from './strided';

/** The exports of the kernels module (pointers are byte offsets, sizes in elements). */
export interface WasmKernels {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  packABytes(): number;
  packBBytes(): number;
  gemm(a: number, b: number, c: number, m: number, n: number, k: number, transA: number, transB: number, pa: number, pb: number, tmp: number): void;
  binary(op: number, a: number, as0: number, as1: number, b: number, bs0: number, bs1: number, out: number, rows: number, n: number): void;
  unary(op: number, x: number, s0: number, s1: number, out: number, rows: number, n: number, p: number, q: number): void;
  select(c: number, cs0: number, cs1: number, a: number, as0: number, as1: number, b: number, bs0: number, bs1: number, out: number, rows: number, n: number): void;
  reduceRows(op: number, x: number, rows: number, n: number, out: number): void;
  reduceSegments(op: number, x: number, rows: number, len: number, out: number): void;
}

/**
 * The exports of the optimizer-steps module (`assembly/optim.ts`, instantiated on the kernels module's
 * memory); the steps' `n` is a multiple of 4 (whole blocks of the allocator).
 */
export interface WasmOptimKernels {
  adamStep(p: number, g: number, m: number, v: number, w: number, n: number, b1: number, b2: number, sg: number, l2: number, keep: number, l: number, a: number, r: number, eps: number): void;
  sgdStep(p: number, g: number, b: number, n: number, k: number, l: number, sg: number, l2: number, mu: number, c: number, first: number, nesterov: number): void;
  rmspropStep(p: number, g: number, v: number, b: number, n: number, a: number, l: number, sg: number, l2: number, mu: number, r: number, eps: number, first: number): void;
  finiteAll(x: number, n: number): number;
}

/**
 * float32 storage of the wasm backend: `length` elements at byte offset `ptr` of linear memory, or
 * (when linear memory was at its cap) in the JavaScript array `js` with `ptr === -1`.
 */
export class WasmStorage {
  /** @internal */
  constructor(
    public ptr: number,
    readonly length: number,
    public js: Float32Array | null,
  ) {}
  /** @internal The last view of linear memory handed out by `read` (stable until memory grows). */
  view: Float32Array | null = null;
}

/** Storage handles of the wasm backend: float32 in linear memory, float64 as plain arrays. */
export type WasmHandle = WasmStorage | Float64Array;

/** Memory statistics of a wasm backend (for tests and diagnostics). */
export interface WasmMemoryStats {
  /** Size of linear memory in bytes. */
  readonly memoryBytes: number;
  /** Bytes of blocks in use (size classes, so slightly more than the tensors need). */
  readonly bytesInUse: number;
  /** Live blocks in linear memory. */
  readonly blocks: number;
  /** Bytes in free lists, ready for reuse. */
  readonly bytesFree: number;
  /** float32 storages created in JavaScript arrays because linear memory was at its cap. */
  readonly spilled: number;
  /** Optimizer state arrays moved into linear memory by `stepKernels` and still in use. */
  readonly stateArrays: number;
}

/**
 * Fused optimizer steps in WebAssembly SIMD, shaped as `@lab/optimizers`' `StepKernels` (pass it as
 * `new Optimizer(params, adam(), { kernels: backend.stepKernels })`). Each method updates parameter
 * `i` in place and returns true, or returns false (the optimizer then runs its JavaScript pass) when
 * `p` is not float32 storage of this backend or its state cannot be moved into linear memory (cap).
 *
 * `M`, `V`, `W`, `B` are the optimizer's state lists (one array per parameter). On first use every
 * float32 array of a list is copied into linear memory and replaced in its list by a view of it
 * (its "home"): the step then touches no JavaScript memory. When linear memory grows (which
 * detaches every view) the backend puts fresh views into those lists at once, so the optimizer never
 * sees a detached array; a home whose list no longer holds its view (state loaded or replaced, the
 * optimizer gone) is freed. Keep a copy (`stateDict()`), not a reference, of a state array.
 *
 * Scalars are those of the JavaScript passes (`@lab/optimizers`' adamPass and the sgd/rmsprop steps):
 * with x = sg·g + l2·θ (sg = −1 when maximising),
 * - `adam`: m ← b1·m + (1−b1)·x, v ← b2·v + (1−b2)·x², v̂ ← max(v̂, v) (W given), θ ← keep·θ + l·m / (√(v̂·a + r) + eps);
 * - `sgd`: x ← k·x; b ← x on the first step, else mu·b + c·x; θ ← θ + l·(x + mu·b if nesterov, else b) (θ + l·x without B);
 * - `rmsprop`: v ← a·v + (1−a)·x², d = x / (√(v + r) + eps), with B: b ← d on the first step, else mu·b + d, d = b; θ ← θ + l·d.
 */
export interface WasmStepKernels {
  /** Whether every value is finite (a SIMD scan), or undefined when an array is not in linear memory. */
  finite(xs: readonly FloatArray[]): boolean | undefined;
  adam(p: FloatArray, g: FloatArray, M: FloatArray[], V: FloatArray[], W: FloatArray[] | undefined, i: number, b1: number, b2: number, sg: number, l2: number, keep: number, l: number, a: number, r: number, eps: number): boolean;
  sgd(p: FloatArray, g: FloatArray, B: FloatArray[] | undefined, i: number, k: number, l: number, sg: number, l2: number, mu: number, c: number, first: boolean, nesterov: boolean): boolean;
  rmsprop(p: FloatArray, g: FloatArray, V: FloatArray[], B: FloatArray[] | undefined, i: number, a: number, l: number, sg: number, l2: number, mu: number, r: number, eps: number, first: boolean): boolean;
}

/** A Backend running on a WebAssembly SIMD module, with memory management extras. */
export interface WasmBackend extends Backend<WasmHandle> {
  /** `'wasm-simd'` or `'wasm-relaxed-simd'`. */
  readonly name: string;
  /** True when the module was compiled with relaxed SIMD (fused multiply-add in matmul). */
  readonly relaxedSimd: boolean;
  /** Free the storage now (any tensor on it becomes unusable). Safe to call twice. */
  dispose(storage: WasmHandle): void;
  /** Current memory use. */
  memoryStats(): WasmMemoryStats;
  /** Fused optimizer steps on this backend's memory (`@lab/optimizers`' `StepKernels`). */
  readonly stepKernels: WasmStepKernels;
  /**
   * Route float32 products through `fn` first (it returns true when it computed C); null removes it.
   * `enableMatmulThreads` from `@lab/tensor/threads` sets it to split large products over workers.
   */
  setGemmOffload(fn: GemmOffload | null): void;
}

/** A gemm on byte pointers into `F32`'s memory that may run elsewhere; true when C was written. */
export type GemmOffload = (
  F32: Float32Array,
  a: number,
  b: number,
  c: number,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
  local?: (a: number, b: number, c: number, m: number, n: number, k: number, transA: boolean, transB: boolean) => void,
) => boolean;

/** Options of `createWasmBackendFrom`. */
export interface WasmBackendOptions {
  /**
   * Bytes of linear memory tensors may occupy; past it new float32 storage goes to JavaScript arrays
   * (freed blocks are still reused). Default 1 GiB.
   */
  readonly maxMemoryBytes?: number;
}

type View = StridedView<WasmHandle>;
type JsView = StridedView<FloatArray>;

const BIN: Partial<Record<BinaryOp, number>> = { add: 0, sub: 1, mul: 2, div: 3, maximum: 4, minimum: 5, gt: 6, ge: 7, lt: 8, le: 9, eq: 10 };
const UN: Partial<Record<UnaryOp, number>> = { neg: 0, abs: 1, sqrt: 2, relu: 3, leakyRelu: 4, clamp: 5, sign: 6 };
const RED: Partial<Record<ReduceOp, number>> = { sum: 0, max: 1, min: 2 };
const PAGE = 65536;

/** Size class of a block: multiples of 16 bytes, then eighths of the power of two (≤ 12.5 % waste). */
function sizeClass(bytes: number): number {
  const e = 31 - Math.clz32(Math.max(bytes, 16));
  const g = Math.max(16, 2 ** Math.max(0, e - 3));
  return Math.ceil(bytes / g) * g;
}

/**
 * Make a Backend from an instantiated kernels module and, for `stepKernels`, the optimizer-steps
 * module instantiated on its memory (`createWasmBackend` in `@lab/tensor/wasm` compiles and
 * instantiates the inlined modules and calls this). Without `optim` the step kernels decline.
 */
export function createWasmBackendFrom(k: WasmKernels, relaxedSimd: boolean, options: WasmBackendOptions = {}, optim?: WasmOptimKernels): WasmBackend {
  const memory = k.memory;
  const cap = options.maxMemoryBytes ?? 2 ** 30;
  let F32 = new Float32Array(memory.buffer);
  let top = (k.heapBase() + 15) & ~15;
  const free = new Map<number, number[]>();
  const classOf = new Map<number, number>(); // ptr -> size class of live blocks
  let inUse = 0;
  let freeBytes = 0;
  let spilled = 0;

  function grow(end: number, force: boolean): boolean {
    if (!force && end > cap) return false;
    const have = memory.buffer.byteLength;
    if (end <= have) return true;
    // grow by at least 1/8 of the current size so repeated growth stays amortised
    const pages = Math.max(Math.ceil((end - have) / PAGE), Math.ceil(have / PAGE / 8));
    try {
      memory.grow(pages);
    } catch {
      try {
        memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        return false;
      }
    }
    F32 = new Float32Array(memory.buffer); // growth detached every view
    sweep(true); // fresh views of optimizer state into its lists at once
    return true;
  }

  /** A block of at least `bytes` bytes (16-byte aligned), or -1 when memory is at its cap and not `force`. */
  function malloc(bytes: number, force = false): number {
    const cls = sizeClass(bytes);
    const list = free.get(cls);
    let ptr: number;
    if (list !== undefined && list.length > 0) {
      ptr = list.pop()!;
      freeBytes -= cls;
    } else if (homes.length > 0 && top + cls > memory.buffer.byteLength && sweep(false)) {
      return malloc(bytes, force); // freed optimizer state may have the size needed: reuse it rather than grow
    } else {
      if (!grow(top + cls, force)) return -1;
      ptr = top;
      top += cls;
    }
    classOf.set(ptr, cls);
    inUse += cls;
    return ptr;
  }

  function release(ptr: number): void {
    const cls = classOf.get(ptr);
    if (cls === undefined) return;
    classOf.delete(ptr);
    inUse -= cls;
    freeBytes += cls;
    let list = free.get(cls);
    if (list === undefined) free.set(cls, (list = []));
    list.push(ptr);
  }

  const registry = new FinalizationRegistry<number>(release);

  // ---- optimizer state homed in linear memory (see WasmStepKernels) ----
  /** A state array in linear memory: `list[i]` holds `view` (n floats at `ptr`; ptr −1 once freed). */
  interface Home {
    list: WeakRef<FloatArray[]>;
    i: number;
    ptr: number;
    n: number;
    view: Float32Array;
  }
  const homes: Home[] = [];
  const homeOf = new WeakMap<FloatArray, Home>(); // every view a home has had (detached ones too)
  const owners = new WeakMap<FloatArray, WasmStorage>(); // views of tensor storage handed out by read
  const viewAt = (ptr: number, n: number) => F32.subarray(ptr >> 2, (ptr >> 2) + n);

  /** Free homes no longer held by their list; with `regrown`, put fresh views into the lists. True when any was freed. */
  function sweep(regrown: boolean): boolean {
    const before = homes.length;
    homes.splice(0, before, ...homes.filter((h) => {
      const list = h.list.deref();
      if (list?.[h.i] !== h.view) {
        release(h.ptr);
        h.ptr = -1;
        return false;
      }
      if (regrown) homeOf.set((list[h.i] = h.view = viewAt(h.ptr, h.n)), h);
      return true;
    }));
    return homes.length < before;
  }

  /** The live home of `list[i]` (re-bound to this list when it was another's, its view refreshed), if any. */
  function homed(list: FloatArray[], i: number): Home | undefined {
    const h = homeOf.get(list[i]);
    if (h === undefined || h.ptr < 0) return undefined;
    if (h.list.deref() !== list || h.i !== i) [h.list, h.i] = [new WeakRef(list), i];
    list[i] = h.view;
    return h;
  }

  /**
   * [byte offset, length] of a tensor storage's whole view handed out by `read` (live, or detached by a
   * growth since), else undefined. Whole blocks only: the kernels round lengths up to 4 floats.
   */
  function locate(x: FloatArray): [number, number] | undefined {
    const s = owners.get(x);
    return s && s.ptr >= 0 && !s.js ? [s.ptr, s.length] : undefined;
  }

  /**
   * Run `kernel(p, g, n, state pointers)` for parameter `i` with `lists[·][i]` as its state (0 for an
   * absent list), or return false when it cannot run here. On first use every float32 array of the
   * lists moves in at once: one cap check (not forced unless p or g is already detached, when the
   * caller's own pass could not run), and memory grows only before a kernel runs.
   */
  function fused(p: FloatArray, g: FloatArray, lists: (FloatArray[] | undefined)[], i: number, kernel: (pp: number, pg: number, n: number, s: number[]) => void): boolean {
    const P = locate(p);
    const G = locate(g);
    if (!optim || !P || (G ? G[1] : g.length) !== P[1]) return false;
    const todo: [FloatArray[], number][] = [];
    let bytes = 0;
    for (const list of lists)
      list?.forEach((x, j) => {
        if (!homed(list, j) && x instanceof Float32Array && x.length) {
          todo.push([list, j]);
          bytes += sizeClass(x.length * 4);
        }
      });
    if (todo.length) {
      sweep(false);
      // past the cap decline, unless p or g is a view detached earlier in this step (the caller's own pass could not run)
      if (top + bytes > cap && p.buffer === F32.buffer && (!G || g.buffer === F32.buffer)) return false;
      for (const [list, j] of todo) {
        const x = list[j];
        const src = x.buffer === F32.buffer ? x.slice() : x; // growth would detach a view of this memory
        const ptr = malloc(x.length * 4, true); // may grow: earlier homes get fresh views in their lists
        F32.set(src, ptr >> 2);
        const h: Home = { list: new WeakRef(list), i: j, ptr, n: x.length, view: viewAt(ptr, x.length) };
        homes.push(h);
        homeOf.set((list[j] = h.view), h);
      }
    }
    const s: number[] = [];
    for (const list of lists) {
      const h = list && homed(list, i);
      if (list && h?.n !== P[1]) return false;
      s.push(h ? h.ptr : 0);
    }
    // a gradient outside linear memory (a plain array) is copied in for the kernel
    const tmp = G ? -1 : malloc(P[1] * 4, true);
    if (!G) F32.set(g, tmp >> 2);
    kernel(P[0], G ? G[0] : tmp, (P[1] + 3) & ~3, s); // whole f32x4s: every block has room
    release(tmp);
    return true;
  }

  const stepKernels: WasmStepKernels = {
    finite(xs) {
      let all = true;
      for (const x of xs) {
        const at = optim && locate(x);
        if (!at) return undefined;
        all &&= optim!.finiteAll(at[0], at[1]) !== 0;
      }
      return all;
    },
    adam: (p, g, M, V, W, i, b1, b2, sg, l2, keep, l, a, r, eps) =>
      fused(p, g, [M, V, W], i, (pp, pg, n, [m, v, w]) => optim!.adamStep(pp, pg, m, v, w, n, b1, b2, sg, l2, keep, l, a, r, eps)),
    sgd: (p, g, B, i, kk, l, sg, l2, mu, c, first, nesterov) =>
      fused(p, g, [B], i, (pp, pg, n, [b]) => optim!.sgdStep(pp, pg, b, n, kk, l, sg, l2, mu, c, +first, +nesterov)),
    rmsprop: (p, g, V, B, i, a, l, sg, l2, mu, r, eps, first) =>
      fused(p, g, [V, B], i, (pp, pg, n, [v, b]) => optim!.rmspropStep(pp, pg, v, b, n, a, l, sg, l2, mu, r, eps, +first)),
  };

  function allocF32(n: number): WasmStorage {
    const ptr = n === 0 ? -1 : malloc(n * 4);
    if (ptr < 0) {
      if (n > 0) spilled++;
      return new WasmStorage(-1, n, new Float32Array(n));
    }
    const h = new WasmStorage(ptr, n, null);
    registry.register(h, ptr, h);
    return h;
  }

  function live(h: WasmStorage): WasmStorage {
    if (h.ptr === -2) throw new Error('wasm backend: this storage was disposed');
    return h;
  }

  /** The handle's values as a typed array (a view of linear memory when resident there). */
  function arrayOf(h: WasmHandle): FloatArray {
    if (h instanceof Float64Array) return h;
    live(h);
    if (h.js !== null) return h.js;
    if (h.view === null || h.view.buffer !== F32.buffer) owners.set((h.view = F32.subarray(h.ptr >> 2, (h.ptr >> 2) + h.length)), h);
    return h.view;
  }

  /** The view with its storage replaced by a typed array the JavaScript kernels can read. Build after allocating. */
  function jsView(v: View): JsView {
    const h = v.storage;
    if (h instanceof Float64Array) return v as JsView;
    live(h);
    if (h.js !== null) return { ...v, storage: h.js };
    return { ...v, storage: F32, offset: (h.ptr >> 2) + v.offset };
  }

  /** Wrap a JavaScript kernel's result. */
  function adopt(arr: FloatArray, dtype: DType): WasmHandle {
    if (dtype === 'float64') return arr instanceof Float64Array ? arr : Float64Array.from(arr);
    const h = allocF32(arr.length);
    if (h.js !== null) h.js.set(arr);
    else F32.set(arr, h.ptr >> 2);
    return h;
  }

  // Scratch blocks for JavaScript-resident operands of one kernel call.
  const scratch: number[] = [];
  function inPtr(h: WasmStorage, offset: number): number {
    live(h);
    if (h.ptr >= 0) return h.ptr + offset * 4;
    const p = malloc(h.length * 4, true);
    scratch.push(p);
    F32.set(h.js!, p >> 2);
    return p + offset * 4;
  }
  function outPtr(h: WasmStorage): number {
    if (h.ptr >= 0) return h.ptr;
    const p = malloc(h.length * 4, true);
    scratch.push(p);
    return p;
  }
  function finish(out: WasmStorage, p: number): WasmStorage {
    if (out.js !== null) out.js.set(F32.subarray(p >> 2, (p >> 2) + out.length));
    while (scratch.length > 0) release(scratch.pop()!);
    return out;
  }

  // The pack buffers of gemm live for the backend's lifetime.
  const packA = malloc(k.packABytes(), true);
  const packB = malloc(k.packBBytes(), true);
  const tmp = malloc(128, true);

  /**
   * Walk a jointly collapsed shape as 2-D slabs: `fn(offsets, rows, n, outer, inner)` with element
   * offsets per view and the strides of the two innermost axes.
   */
  function slabs(shape: Shape, stridesList: readonly Shape[], fn: (off: number[], rows: number, n: number, s0: number[], s1: number[]) => void): void {
    const c = collapse(shape, stridesList);
    const s = c.shape;
    const v = stridesList.length;
    const r = s.length;
    if (s.some((d) => d === 0)) return;
    if (r <= 2) {
      const n = r === 0 ? 1 : s[r - 1];
      const rows = r === 2 ? s[0] : 1;
      fn(new Array<number>(v).fill(0), rows, n, c.strides.map((st) => (r === 2 ? st[0] : 0)), c.strides.map((st) => (r === 0 ? 0 : st[r - 1])));
      return;
    }
    const outerShape = s.slice(0, r - 2);
    const idx = new Array<number>(r - 2).fill(0);
    const off = new Array<number>(v).fill(0);
    const s0 = c.strides.map((st) => st[r - 2]);
    const s1 = c.strides.map((st) => st[r - 1]);
    for (;;) {
      fn(off.slice(), s[r - 2], s[r - 1], s0, s1);
      let d = r - 3;
      for (; d >= 0; d--) {
        for (let q = 0; q < v; q++) off[q] += c.strides[q][d];
        if (++idx[d] < outerShape[d]) break;
        for (let q = 0; q < v; q++) off[q] -= c.strides[q][d] * outerShape[d];
        idx[d] = 0;
      }
      if (d < 0) return;
    }
  }

  function unary(op: UnaryOp, x: View, a = 0, b = 0): WasmHandle {
    const code = UN[op];
    if (x.dtype === 'float64' || code === undefined) return adopt(jsBackend.unary(op, jsView(x), a, b), x.dtype);
    const n = sizeOf(x.shape);
    const out = allocF32(n);
    const po = outPtr(out);
    const px = inPtr(x.storage as WasmStorage, x.offset);
    slabs(x.shape, [x.strides, contiguousStrides(x.shape)], (off, rows, len, s0, s1) => {
      k.unary(code, px + off[0] * 4, s0[0], s1[0], po + off[1] * 4, rows, len, a, b);
    });
    return finish(out, po);
  }

  function binary(op: BinaryOp, a: View, b: View): WasmHandle {
    const code = BIN[op];
    if (a.dtype === 'float64' || code === undefined) return adopt(jsBackend.binary(op, jsView(a), jsView(b)), a.dtype);
    const out = allocF32(sizeOf(a.shape));
    const po = outPtr(out);
    const pa = inPtr(a.storage as WasmStorage, a.offset);
    const pb = inPtr(b.storage as WasmStorage, b.offset);
    slabs(a.shape, [a.strides, b.strides, contiguousStrides(a.shape)], (off, rows, n, s0, s1) => {
      k.binary(code, pa + off[0] * 4, s0[0], s1[0], pb + off[1] * 4, s0[1], s1[1], po + off[2] * 4, rows, n);
    });
    return finish(out, po);
  }

  function where(c: View, a: View, b: View): WasmHandle {
    if (a.dtype === 'float64') return adopt(jsBackend.where(jsView(c), jsView(a), jsView(b)), a.dtype);
    const out = allocF32(sizeOf(a.shape));
    const po = outPtr(out);
    const pc = inPtr(c.storage as WasmStorage, c.offset);
    const pa = inPtr(a.storage as WasmStorage, a.offset);
    const pb = inPtr(b.storage as WasmStorage, b.offset);
    slabs(a.shape, [c.strides, a.strides, b.strides, contiguousStrides(a.shape)], (off, rows, n, s0, s1) => {
      k.select(pc + off[0] * 4, s0[0], s1[0], pa + off[1] * 4, s0[1], s1[1], pb + off[2] * 4, s0[2], s1[2], po + off[3] * 4, rows, n);
    });
    return finish(out, po);
  }

  function reduce(op: ReduceOp, x: View, axes: readonly number[]): WasmHandle {
    const code = RED[op];
    const rank = x.shape.length;
    const len = sizeOf(axes.map((d) => x.shape[d]));
    const contiguous = isContiguous(x.shape, x.strides);
    const leading = axes.every((d, i) => d === i);
    const trailing = axes.every((d, i) => d === rank - axes.length + i);
    if (x.dtype === 'float64' || code === undefined || len === 0 || !contiguous || !(leading || trailing))
      return adopt(jsBackend.reduce(op, jsView(x), axes), x.dtype);
    const outSize = sizeOf(x.shape) / len;
    const out = allocF32(outSize);
    if (outSize === 0) return out;
    const po = outPtr(out);
    const px = inPtr(x.storage as WasmStorage, x.offset);
    if (leading) k.reduceRows(code, px, len, outSize, po);
    else k.reduceSegments(code, px, outSize, len, po);
    return finish(out, po);
  }

  function matmul(a: View, b: View, transA: boolean, transB: boolean): WasmHandle {
    if (a.dtype === 'float64') return adopt(jsBackend.matmul(jsView(a), jsView(b), transA, transB), a.dtype);
    const batch = a.shape[0];
    const m = transA ? a.shape[2] : a.shape[1];
    const kk = transA ? a.shape[1] : a.shape[2];
    const n = transB ? b.shape[1] : b.shape[2];
    const out = allocF32(batch * m * n);
    if (batch * m * n === 0) return out;
    const po = outPtr(out);
    const pa = inPtr(a.storage as WasmStorage, a.offset);
    const pb = inPtr(b.storage as WasmStorage, b.offset);
    for (let p = 0; p < batch; p++) {
      const [ap, bp, cp] = [pa + p * a.strides[0] * 4, pb + p * b.strides[0] * 4, po + p * m * n * 4];
      if (!offload?.(F32, ap, bp, cp, m, n, kk, transA, transB, localGemm)) k.gemm(ap, bp, cp, m, n, kk, transA ? 1 : 0, transB ? 1 : 0, packA, packB, tmp);
    }
    return finish(out, po);
  }

  /** Splits large products over worker threads when `@lab/tensor/threads` set it (Node). */
  let offload: GemmOffload | null = null;
  const localGemm = (a: number, b: number, c: number, m: number, n: number, kk: number, tA: boolean, tB: boolean) => k.gemm(a, b, c, m, n, kk, +tA, +tB, packA, packB, tmp);

  const backend: WasmBackend = {
    name: relaxedSimd ? 'wasm-relaxed-simd' : 'wasm-simd',
    relaxedSimd,
    fromArray(values, dtype) {
      if (dtype === 'float64') return jsBackend.fromArray(values, dtype) as Float64Array;
      const h = allocF32(values.length);
      if (h.js !== null) h.js.set(values);
      else F32.set(values, h.ptr >> 2);
      return h;
    },
    full(size, value, dtype) {
      if (dtype === 'float64') return jsBackend.full(size, value, dtype) as Float64Array;
      const h = allocF32(size);
      if (h.js !== null) h.js.fill(value);
      else F32.fill(value, h.ptr >> 2, (h.ptr >> 2) + size);
      return h;
    },
    read: (storage) => arrayOf(storage),
    dispose(storage) {
      if (storage instanceof Float64Array) return;
      if (storage.ptr < 0) {
        storage.ptr = -2;
        storage.js = null;
        return;
      }
      registry.unregister(storage);
      release(storage.ptr);
      storage.ptr = -2;
      storage.view = null;
    },
    copy(x, dtype = x.dtype) {
      if (x.dtype === 'float64' || dtype === 'float64') return adopt(jsBackend.copy(jsView(x), dtype), dtype);
      const out = allocF32(sizeOf(x.shape));
      jsBackend.assign({ storage: arrayOf(out), dtype, shape: x.shape, strides: contiguousStrides(x.shape), offset: 0 }, jsView(x));
      return out;
    },
    assign: (dst, src) => jsBackend.assign(jsView(dst), jsView(src)),
    unary,
    binary,
    where,
    reduce,
    matmul,
    gather: (x, axis, index, shape) => adopt(jsBackend.gather(jsView(x), axis, index, shape), x.dtype),
    scatterAdd: (g, axis, index, shape) => adopt(jsBackend.scatterAdd(jsView(g), axis, index, shape), g.dtype),
    memoryStats: () => ({ memoryBytes: memory.buffer.byteLength, bytesInUse: inUse, blocks: classOf.size, bytesFree: freeBytes, spilled, stateArrays: homes.length }),
    stepKernels,
    setGemmOffload(fn) {
      offload = fn;
    },
  };
  return backend;
}
