/**
 * Worker-thread matrix products for the wasm backend (Node only: `worker_threads`, and the main
 * thread blocks in `Atomics.wait`, which browsers forbid on their main thread).
 *
 * `createGemmWorkers({ workers })` starts worker threads that each instantiate their own copy of the
 * kernels module (the compiled `WebAssembly.Module` is posted to them). `pool.gemm(F32, a, b, c, m,
 * n, k, transA, transB)` then computes C = op(A)·op(B) like the single-thread kernel, split into row
 * blocks of C: the rows of the workers are copied through one SharedArrayBuffer, the main thread
 * computes its own rows meanwhile, waits for the workers and copies their rows into C.
 *
 * Exactness: the kernel computes every element of C from its row of op(A) and its column of op(B)
 * alone, in the same order whatever the row range it is given (the depth blocking does not depend
 * on m, packing only pads), so the split result is bit-identical to one single-thread call — for
 * the relaxed-SIMD build too, as long as every thread runs the same build (they do).
 *
 * Protocol (per worker, an Int32 slot of one shared control buffer): the main thread writes the
 * parameters, bumps SEQ and notifies; the worker (blocked in `Atomics.wait` on SEQ) runs the command
 * inside try/catch, writes its error message (if any) into the slot, stores DONE = SEQ and notifies.
 * The main thread waits on DONE in short slices, so a worker that died (its `process.on('exit')`
 * marks the slot) or hung is reported as a `WorkerThreadError` instead of blocking forever: event
 * handlers of the Worker object cannot run while the main thread is blocked, so only the shared
 * slot can tell it. When the shared data buffer is too small it is re-allocated and re-posted; the
 * worker leaves its wait loop to receive it (command REBUFFER) and acknowledges.
 */
import type { Worker } from 'node:worker_threads';
import { InvalidArgumentError, LabError } from '@lab/core';
import type { WasmKernels } from './wasm';
import { RELAXED_SIMD_WASM, SIMD_WASM } from './wasm-binary';

/** A single-thread gemm on the main thread's linear memory (byte pointers, like the kernel's). */
export type LocalGemm = (a: number, b: number, c: number, m: number, n: number, k: number, transA: boolean, transB: boolean) => void;

/** A worker thread failed (threw, exited, or stopped answering), or the pool was closed. */
export class WorkerThreadError extends LabError {
  declare readonly worker: number;
  constructor(worker: number, message: string) {
    super(message);
    Object.assign(this, { worker });
  }
}

/** Options of `createGemmWorkers`. */
export interface GemmWorkersOptions {
  /** Worker threads besides the main thread (default 1: two threads in all). Integer in [1, 64]. */
  readonly workers?: number;
  /**
   * Run the relaxed-SIMD build of the kernels (default false). Use the same build as the backend
   * whose memory you pass to `gemm`, or the results are not bit-identical to it.
   */
  readonly relaxedSimd?: boolean;
  /**
   * How long `gemm` waits for a worker after finishing the main thread's share before it gives up
   * and throws (milliseconds, default 30 000). The pool is unusable after that.
   */
  readonly timeoutMs?: number;
  /**
   * Fraction of the rows of C the main thread computes itself (default: an equal share, 1 / (workers
   * + 1)). Tuning knob: the main thread also copies the workers' inputs and outputs.
   */
  readonly mainShare?: number;
}

/** A pool of gemm worker threads (see `createGemmWorkers`). */
export interface GemmWorkers {
  /** Number of worker threads (the main thread computes a share too). */
  readonly workers: number;
  /** True when the pool runs the relaxed-SIMD build. */
  readonly relaxedSimd: boolean;
  /** Resolves once every worker has started and warmed up its kernels (awaiting it is optional). */
  readonly ready: Promise<void>;
  /**
   * C = op(A)·op(B) in `F32`'s buffer (the main module's linear memory), synchronously, split over
   * the main thread and the workers. Pointers are byte offsets, A stored [m, k] ([k, m] with transA),
   * B [k, n] ([n, k] with transB), C [m, n], all contiguous row-major and not overlapping C.
   * `local` computes the main thread's rows in place when A is not transposed; otherwise (or
   * without it) the main thread's rows run on the pool's own main-thread kernels instance.
   * Throws `WorkerThreadError` when a worker fails or the pool is closed.
   */
  gemm(F32: Float32Array, a: number, b: number, c: number, m: number, n: number, k: number, transA: boolean | number, transB: boolean | number, local?: LocalGemm): void;
  /** Stop the workers (idempotent). Workers are unref'd once started: a pool left open does not keep Node alive. */
  close(): void;
}

// ---- measured threshold ---------------------------------------------------------------------------
//
// scripts/measure-threads.ts on this machine (2 vCPUs: KVM, Intel Xeon with AVX-512, Node 20.20, SIMD build,
// main thread + 1 worker, in-place main share, A·B; medians, GFLOP/s, 1 thread → 2 threads). The
// machine was shared with other jobs, so each row also says how many cores other processes used:
//                 quiet (others ≤ 0.2 cores)           busy (others ≈ 1 core)
//   64³            —                                    28.9 → 19.1  (1.37)
//   96³            31.1 → 26.6  (0.10)                  31.1 → 24.1  (1.35)
//   128³           19.3 → 24.5  (0.00)                  33.1 → 28.2  (1.07)
//   160³           32.6 → 44.1 / 44.7  (0.10 / 0.13)
//   192³           32.1 → 33.3  (0.09) ; 28.9 → 32.9  (0.18)
//   256³           33.6 → 45.8  (0.02)                  30.4 → 28.0  (0.84)
//   384³           32.0 → 49.8  (0.10)                  15.2 → 11.6  (1.53)
//   512³           31–33 → 58–64 (first runs) ; 19.7 → 37.1  (0.03)   31.6 → 28.5  (0.95)
//   1024³          31.2 → 55.4  (0.00)                  31.5 → 30.1  (0.79)
//   32×128×784     30.3 → 24.2  (0.13)   (too few rows: the worker's wake-up and copies dominate)
// Splitting pays from about 160³ ≈ 4·10⁶ multiply-adds with ≥ 64 rows (1.3–1.9× when the second core
// is free); below it the fixed cost (waking the worker, ~2 MB of copies per 512², waiting) wins. When
// another process holds the second core the split loses 5–25 %: the main thread waits for its
// worker's half (static split; see the report for work sharing as the follow-up).
/** Smallest m·n·k worth splitting over threads (measured, see above). */
export const OFFLOAD_MIN_MNK = 4_000_000;
/** Smallest number of rows of C worth splitting. */
export const OFFLOAD_MIN_ROWS = 64;

/**
 * True when splitting C = op(A)·op(B) ([m, n], depth k) over the main thread and one worker is
 * measurably faster than one thread on this machine kind: m·n·k ≥ OFFLOAD_MIN_MNK and m ≥ OFFLOAD_MIN_ROWS.
 */
export function shouldOffload(m: number, n: number, k: number): boolean {
  return m >= OFFLOAD_MIN_ROWS && m * n * k >= OFFLOAD_MIN_MNK;
}

// ---- kernels ------------------------------------------------------------------------------------

const modules: { simd?: WebAssembly.Module; relaxed?: WebAssembly.Module } = {};

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The compiled kernels module (SIMD or relaxed-SIMD build), compiled once per process. */
export function kernelsModule(relaxedSimd: boolean): WebAssembly.Module {
  if (relaxedSimd) {
    if (modules.relaxed) return modules.relaxed;
    const bytes = decode(RELAXED_SIMD_WASM);
    if (!WebAssembly.validate(bytes)) throw new InvalidArgumentError('relaxedSimd', true, 'false on a runtime without relaxed SIMD');
    return (modules.relaxed = new WebAssembly.Module(bytes));
  }
  return (modules.simd ??= new WebAssembly.Module(decode(SIMD_WASM)));
}

/**
 * A single-thread kernels instance with its own linear memory (for the main thread's share when it
 * cannot run in place, for tests and benchmarks): a bump allocator over its memory and the kernel
 * with its pack buffers.
 */
export interface GemmKernels {
  /** True for the relaxed-SIMD build. */
  readonly relaxedSimd: boolean;
  /** A float32 view of the whole linear memory (re-created after growth: do not keep it across `alloc`). */
  f32(): Float32Array;
  /** A 16-byte aligned block of `bytes` bytes (byte pointer); grows memory when needed. */
  alloc(bytes: number): number;
  /** Free every block `alloc` returned. */
  reset(): void;
  /** The single-thread kernel on byte pointers into this memory: C = op(A)·op(B) (a `LocalGemm`). */
  gemm: LocalGemm;
}

const align16 = (x: number) => (x + 15) & ~15;

/**
 * Instantiate the kernels module on this thread (synchronously: the module is small). Node or any
 * runtime with WebAssembly SIMD; `relaxedSimd` requires relaxed SIMD.
 *
 * @example
 * const k = createGemmKernels();
 * const a = k.alloc(4 * 4 * 4), b = k.alloc(4 * 4 * 4), c = k.alloc(4 * 4 * 4);
 * k.gemm(a, b, c, 4, 4, 4, false, false); // values through k.f32()
 */
export function createGemmKernels(options: { readonly relaxedSimd?: boolean } = {}): GemmKernels {
  const relaxedSimd = options.relaxedSimd ?? false;
  if (typeof relaxedSimd !== 'boolean') throw new InvalidArgumentError('relaxedSimd', relaxedSimd, 'a boolean');
  const kernels = new WebAssembly.Instance(kernelsModule(relaxedSimd), {}).exports as unknown as WasmKernels;
  const memory = kernels.memory;
  const pa = align16(kernels.heapBase());
  const pb = pa + align16(kernels.packABytes());
  const tmp = pb + align16(kernels.packBBytes());
  const heap = tmp + 128;
  let top = heap;
  let view = new Float32Array(memory.buffer);
  const alloc = (bytes: number) => {
    if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 0) throw new InvalidArgumentError('bytes', bytes, 'a non-negative integer');
    const ptr = top;
    const end = ptr + align16(bytes);
    const have = memory.buffer.byteLength;
    if (end > have) memory.grow(Math.ceil((end - have) / 65536));
    top = end;
    return ptr;
  };
  alloc(0);
  return {
    relaxedSimd,
    f32: () => (view.buffer === memory.buffer ? view : (view = new Float32Array(memory.buffer))),
    alloc,
    reset: () => {
      top = heap;
    },
    gemm: (a, b, c, m, n, k, transA, transB) => kernels.gemm(a, b, c, m, n, k, transA ? 1 : 0, transB ? 1 : 0, pa, pb, tmp),
  };
}

// ---- the worker -----------------------------------------------------------------------------------

// Control slot layout (Int32 indices) of each worker; the error message follows as UTF-8 bytes.
const SEQ = 0; // bumped by the main thread per command
const OP = 1; // command
const DONE = 2; // = SEQ when the worker finished the command
const FAILED = 3; // 1 when the command failed (message in the slot)
const EXITED = 4; // 1 once the worker's process 'exit' ran
const MSG_LEN = 5; // bytes of the error message
const P_M = 8; // rows of this worker's block
const P_N = 9;
const P_K = 10;
const P_TA = 11;
const P_TB = 12;
const P_A = 13; // float index in the data buffer of this worker's A (first column with transA)
const P_LDA = 14; // row stride of stored A with transA (the full m)
const P_B = 15; // float index of B
const P_C = 16; // float index of this worker's C block
const P_FAULT = 17; // test hook: 1 throw, 2 exit, 3 hang
const SLOT_INTS = 32;
const MSG_OFFSET = SLOT_INTS * 4;
const SLOT_BYTES = 2048;

const INJECT_FAULT = Symbol('injectFault');
const SPIN_MS = 0.3;
const OP_GEMM = 1;
const OP_REBUFFER = 2;
const OP_STOP = 3;

/**
 * The worker's code, run with `eval: true`: no extra file at runtime, works from the ESM and the CJS
 * build alike. Neither `require` nor `import`: an eval'd worker is CommonJS or an ES module depending
 * on the parent's flags (`--input-type`), so it reaches worker_threads through process.getBuiltinModule.
 */
const WORKER_CODE = `'use strict';
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const { module, control, slot } = workerData;
const S = new Int32Array(control, slot * ${SLOT_BYTES}, ${SLOT_INTS});
const MSG = new Uint8Array(control, slot * ${SLOT_BYTES} + ${MSG_OFFSET}, ${SLOT_BYTES - MSG_OFFSET});
let D = new Float32Array(workerData.data);
const k = new WebAssembly.Instance(module, {}).exports;
const a16 = (x) => (x + 15) & ~15;
const pa = a16(k.heapBase()), pb = pa + a16(k.packABytes()), tmp = pb + a16(k.packBBytes()), heap = tmp + 128;
let F = new Float32Array(k.memory.buffer);
function reserve(bytes) {
  const have = k.memory.buffer.byteLength;
  if (heap + bytes > have) k.memory.grow(Math.ceil((heap + bytes - have) / 65536));
  if (F.buffer !== k.memory.buffer) F = new Float32Array(k.memory.buffer);
}
// Warm up: V8 runs wasm on its baseline tier first and tiers up in the background; a call already
// running never switches, so a few small products now keep the first real ones fast.
reserve(3 * 64 * 64 * 4);
for (let r = 0; r < 24; r++) k.gemm(heap, heap + 16384, heap + 32768, 64, 64, 64, r & 1, (r >> 1) & 1, pa, pb, tmp);
let seen = 0, current = 0, rebuffer = 0;
function finish(seq, failed) {
  Atomics.store(S, ${FAILED}, failed);
  Atomics.store(S, ${DONE}, seq);
  Atomics.notify(S, ${DONE});
}
function fail(seq, e) {
  const bytes = new TextEncoder().encode(String(e && e.stack || e)).subarray(0, MSG.length);
  MSG.set(bytes);
  S[${MSG_LEN}] = bytes.length;
  finish(seq, 1);
}
process.on('exit', () => {
  Atomics.store(S, ${EXITED}, 1);
  if (current !== 0) finish(current, 1);
  else Atomics.notify(S, ${DONE});
});
function run() {
  const m = S[${P_M}], n = S[${P_N}], kk = S[${P_K}], tA = S[${P_TA}], tB = S[${P_TB}];
  const fault = S[${P_FAULT}];
  if (fault === 1) throw new Error('injected fault');
  if (fault === 2) process.exit(7);
  if (fault === 3) for (;;);
  const aN = m * kk, bN = kk * n, cN = m * n;
  const A = heap, B = A + a16(aN * 4), C = B + a16(bN * 4);
  reserve(C - heap + cN * 4);
  const pA = S[${P_A}];
  if (!tA) F.set(D.subarray(pA, pA + aN), A >> 2);
  else {
    const ld = S[${P_LDA}];
    for (let q = 0, o = A >> 2; q < kk; q++, o += m) F.set(D.subarray(pA + q * ld, pA + q * ld + m), o);
  }
  const pB = S[${P_B}];
  F.set(D.subarray(pB, pB + bN), B >> 2);
  k.gemm(A, B, C, m, n, kk, tA, tB, pa, pb, tmp);
  D.set(F.subarray(C >> 2, (C >> 2) + cN), S[${P_C}]);
}
function loop() {
  for (;;) {
    Atomics.wait(S, ${SEQ}, seen);
    const seq = Atomics.load(S, ${SEQ});
    if (seq === seen) continue;
    seen = seq;
    const op = S[${OP}];
    if (op === ${OP_STOP}) { finish(seq, 0); parentPort.close(); return; }
    if (op === ${OP_REBUFFER}) { rebuffer = seq; return; } // the new buffer arrives as a message
    current = seq;
    try { run(); finish(seq, 0); } catch (e) { fail(seq, e); }
    current = 0;
  }
}
parentPort.on('message', (msg) => {
  D = new Float32Array(msg.data);
  if (rebuffer !== 0) { const s = rebuffer; rebuffer = 0; finish(s, 0); }
  loop();
});
parentPort.postMessage('ready');
loop();
`;

interface Slot {
  readonly worker: Worker;
  readonly S: Int32Array;
  readonly msg: Uint8Array;
  seq: number;
  /** Why the worker is unusable, set by its 'error'/'exit' handlers (they run only while the main thread is idle). */
  broken: string | null;
}

function checkCount(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0x7fffffff) throw new InvalidArgumentError(name, v, 'a non-negative integer');
  return v;
}

function checkPointer(name: string, v: unknown, elements: number, F32: Float32Array): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v % 4 !== 0) throw new InvalidArgumentError(name, v, 'a byte offset that is a non-negative multiple of 4');
  if ((v >> 2) + elements > F32.length) throw new InvalidArgumentError(name, v, `a block of ${elements} float32 inside F32 (${F32.length} elements)`);
  return v;
}

/**
 * Start `workers` worker threads for `gemm` (each instantiates its own kernels from the compiled
 * module, posted to it). Node only. Call `close()` when done (or leave it: workers are unref'd).
 *
 * @example
 * const pool = createGemmWorkers({ workers: 1 });
 * pool.gemm(F32, a, b, c, 512, 512, 512, false, false, localGemm); // main thread + 1 worker
 * pool.close();
 */
export function createGemmWorkers(options: GemmWorkersOptions = {}): GemmWorkers {
  const count = options.workers ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 64) throw new InvalidArgumentError('workers', count, 'an integer in [1, 64]');
  const relaxedSimd = options.relaxedSimd ?? false;
  if (typeof relaxedSimd !== 'boolean') throw new InvalidArgumentError('relaxedSimd', relaxedSimd, 'a boolean');
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) throw new InvalidArgumentError('timeoutMs', timeoutMs, 'a positive number of milliseconds');
  const mainShare = options.mainShare ?? 1 / (count + 1);
  if (typeof mainShare !== 'number' || !(mainShare >= 0 && mainShare < 1)) throw new InvalidArgumentError('mainShare', mainShare, 'a fraction in [0, 1)');

  const threads = typeof process === 'object' && typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:worker_threads') : undefined;
  if (threads === undefined) throw new InvalidArgumentError('createGemmWorkers', 'this runtime', 'Node ≥ 20.16 (node:worker_threads through process.getBuiltinModule)');
  const module = kernelsModule(relaxedSimd);
  const control = new SharedArrayBuffer(SLOT_BYTES * count);
  let data = new SharedArrayBuffer(1 << 16);
  let D = new Float32Array(data);
  let own: GemmKernels | null = null; // main-thread kernels for shares that cannot run in place
  let closed = false;
  let fault = 0;

  const readies: Promise<void>[] = [];
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const worker = new threads.Worker(WORKER_CODE, { eval: true, workerData: { module, control, slot: i, data } });
    const slot: Slot = { worker, S: new Int32Array(control, i * SLOT_BYTES, SLOT_INTS), msg: new Uint8Array(control, i * SLOT_BYTES + MSG_OFFSET, SLOT_BYTES - MSG_OFFSET), seq: 0, broken: null };
    readies.push(
      new Promise<void>((resolve, reject) => {
        // Referenced until it has started (so awaiting `ready` keeps Node alive), then unref'd.
        worker.once('message', () => {
          worker.unref();
          resolve();
        });
        worker.once('error', (e) => {
          slot.broken ??= `worker ${i} failed: ${e instanceof Error ? e.message : String(e)}`;
          reject(new WorkerThreadError(i, slot.broken));
        });
        worker.once('exit', (code) => {
          slot.broken ??= `worker ${i} exited (code ${code})`;
          reject(new WorkerThreadError(i, slot.broken));
        });
      }),
    );
    slots.push(slot);
  }
  const ready = Promise.all(readies).then(() => undefined);
  ready.catch(() => undefined); // reported by gemm; awaiting `ready` is optional

  function fail(i: number, message: string): never {
    throw new WorkerThreadError(i, `@lab/tensor/threads: ${message}`);
  }

  function usable(): void {
    if (closed) fail(-1, 'the gemm worker pool was closed');
    slots.forEach((s, i) => {
      if (s.broken !== null) fail(i, `${s.broken}; create a new pool`);
      if (Atomics.load(s.S, EXITED) === 1) fail(i, `worker ${i} exited; create a new pool`);
    });
  }

  function post(s: Slot, op: number): number {
    s.S[OP] = op;
    s.seq = (s.seq + 1) | 0 || 1;
    Atomics.store(s.S, SEQ, s.seq);
    Atomics.notify(s.S, SEQ);
    return s.seq;
  }

  /** Wait until worker `i` finished command `seq`; throws (and closes the pool) on failure or timeout. */
  function wait(i: number, seq: number): void {
    const s = slots[i];
    const start = performance.now();
    const deadline = start + timeoutMs;
    // Spin briefly first: the worker usually finishes about when the main thread does, and waking
    // from a futex (in a VM: an interrupt to a halted vCPU) costs tens of microseconds.
    for (let spin = 0; Atomics.load(s.S, DONE) !== seq; spin++) if ((spin & 63) === 0 && performance.now() - start > SPIN_MS) break;
    for (;;) {
      const done = Atomics.load(s.S, DONE);
      if (done === seq) break;
      if (Atomics.load(s.S, EXITED) === 1) {
        close();
        fail(i, `worker ${i} exited during a gemm; create a new pool`);
      }
      if (performance.now() > deadline) {
        close();
        fail(i, `worker ${i} did not answer within ${timeoutMs} ms (hung or crashed); the pool was closed`);
      }
      Atomics.wait(s.S, DONE, done, 20);
    }
    if (Atomics.load(s.S, FAILED) === 1) {
      if (Atomics.load(s.S, EXITED) === 1) {
        close();
        fail(i, `worker ${i} exited during a gemm; create a new pool`);
      }
      fail(i, `worker ${i} failed: ${new TextDecoder().decode(s.msg.slice(0, s.S[MSG_LEN]))}`);
    }
  }

  function ensureData(floats: number): void {
    if (D.length >= floats) return;
    const bytes = Math.ceil(Math.max(floats * 4, data.byteLength * 1.5) / 65536) * 65536;
    data = new SharedArrayBuffer(bytes);
    D = new Float32Array(data);
    const seqs = slots.map((s) => {
      s.worker.postMessage({ data });
      return post(s, OP_REBUFFER);
    });
    seqs.forEach((seq, i) => wait(i, seq));
  }

  /** The main thread's rows [0, rows) of C on the pool's own kernels (copy in, compute, copy out). */
  function ownGemm(F32: Float32Array, a: number, b: number, c: number, rows: number, m: number, n: number, k: number, tA: boolean, tB: boolean): void {
    own ??= createGemmKernels({ relaxedSimd });
    const aN = rows * k;
    const bN = k * n;
    const cN = rows * n;
    own.reset();
    const A = own.alloc(aN * 4);
    const B = own.alloc(bN * 4);
    const C = own.alloc(cN * 4);
    const L = own.f32();
    if (!tA) L.set(F32.subarray(a >> 2, (a >> 2) + aN), A >> 2);
    else for (let q = 0, src = a >> 2, dst = A >> 2; q < k; q++, src += m, dst += rows) L.set(F32.subarray(src, src + rows), dst);
    L.set(F32.subarray(b >> 2, (b >> 2) + bN), B >> 2);
    own.gemm(A, B, C, rows, n, k, tA, tB);
    F32.set(L.subarray(C >> 2, (C >> 2) + cN), c >> 2);
  }

  function gemm(F32: Float32Array, a: number, b: number, c: number, m: number, n: number, k: number, transA: boolean | number, transB: boolean | number, local?: LocalGemm): void {
    usable();
    if (!(F32 instanceof Float32Array)) throw new InvalidArgumentError('F32', F32, 'a Float32Array over linear memory');
    checkCount('m', m);
    checkCount('n', n);
    checkCount('k', k);
    if (m * n * k > 2 ** 52 || m * k > 2 ** 30 || k * n > 2 ** 30 || m * n > 2 ** 30) throw new InvalidArgumentError('m, n, k', [m, n, k], 'operands of at most 2^30 elements');
    checkPointer('a', a, m * k, F32);
    checkPointer('b', b, k * n, F32);
    checkPointer('c', c, m * n, F32);
    if (local !== undefined && typeof local !== 'function') throw new InvalidArgumentError('local', local, 'a function or undefined');
    const tA = transA === true || transA === 1;
    const tB = transB === true || transB === 1;
    if (m === 0 || n === 0) return;
    const inPlace = local !== undefined && !tA;

    // Row blocks: the main thread takes [0, r0), worker i [r[i], r[i + 1]); even boundaries (2-row micro-tiles).
    const parts = count + 1;
    const r: number[] = [];
    const r0 = Math.min(m, Math.round((m * mainShare) / 2) * 2);
    const per = (m - r0) / count;
    for (let i = 0; i <= count; i++) r.push(i === count ? m : Math.min(m, r0 + Math.round((per * i) / 2) * 2));
    if (m < 2 * parts || r.some((x, i) => i > 0 && x === r[i - 1])) {
      // Too few rows to split: one call on the main thread.
      if (inPlace) local(a, b, c, m, n, k, tA, tB);
      else ownGemm(F32, a, b, c, m, m, n, k, tA, tB);
      return;
    }

    // Shared data: the workers' A (rows [r0, m) of A, or all of stored A with transA), B, their C rows.
    const aN = tA ? m * k : (m - r0) * k;
    const bN = k * n;
    const cN = (m - r0) * n;
    const offB = align16(aN * 4) >> 2;
    const offC = offB + (align16(bN * 4) >> 2);
    ensureData(offC + cN);
    if (tA) D.set(F32.subarray(a >> 2, (a >> 2) + m * k), 0);
    else D.set(F32.subarray((a >> 2) + r0 * k, (a >> 2) + m * k), 0);
    D.set(F32.subarray(b >> 2, (b >> 2) + bN), offB);
    const seqs = slots.map((s, i) => {
      const S = s.S;
      S[P_M] = r[i + 1] - r[i];
      S[P_N] = n;
      S[P_K] = k;
      S[P_TA] = tA ? 1 : 0;
      S[P_TB] = tB ? 1 : 0;
      S[P_A] = tA ? r[i] : (r[i] - r0) * k;
      S[P_LDA] = m;
      S[P_B] = offB;
      S[P_C] = offC + (r[i] - r0) * n;
      S[P_FAULT] = fault;
      return post(s, OP_GEMM);
    });
    fault = 0;

    let error: unknown = null;
    try {
      if (r0 > 0) {
        if (inPlace) local(a, b, c, r0, n, k, false, tB);
        else ownGemm(F32, a, b, c, r0, m, n, k, tA, tB);
      }
    } catch (e) {
      error = e;
    }
    // Always collect the workers (their shared data must not be reused while they run).
    seqs.forEach((seq, i) => wait(i, seq));
    if (error !== null) throw error;
    F32.set(D.subarray(offC, offC + cN), (c >> 2) + r0 * n);
  }

  function close(): void {
    if (closed) return;
    closed = true;
    for (const s of slots) {
      if (s.broken === null && Atomics.load(s.S, EXITED) === 0) post(s, OP_STOP);
      void s.worker.terminate();
    }
  }

  const pool: GemmWorkers & { [INJECT_FAULT]: (kind: number) => void } = {
    workers: count,
    relaxedSimd,
    ready,
    gemm,
    close,
    [INJECT_FAULT]: (kind: number) => {
      fault = kind;
    },
  };
  return pool;
}

/** @internal Test hook: make the next gemm's workers throw (1), exit (2) or hang (3). */
export function injectWorkerFault(pool: GemmWorkers, kind: 'throw' | 'exit' | 'hang'): void {
  (pool as unknown as { [INJECT_FAULT]: (kind: number) => void })[INJECT_FAULT]({ throw: 1, exit: 2, hang: 3 }[kind]);
}
