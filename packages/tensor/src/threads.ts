/**
 * `@lab/tensor/threads` (Node only): worker-thread parallelism for large float32 matrix products of
 * the wasm backend. Nothing happens on import; workers start when `createGemmWorkers` or
 * `enableMatmulThreads` is called.
 *
 * @example
 * import { createWasmBackend } from '@lab/tensor/wasm';
 * import { enableMatmulThreads } from '@lab/tensor/threads';
 * const backend = await createWasmBackend();
 * const threads = enableMatmulThreads(backend, { workers: 1 }); // large matmuls: main thread + 1 worker
 * // ... train ...
 * threads.close();
 */
import { InvalidArgumentError } from '@lab/core';
import { createGemmWorkers, shouldOffload, type GemmWorkers, type GemmWorkersOptions } from './backends/gemm-threads';
import type { GemmOffload, WasmBackend } from './backends/wasm';

// Worker pool and kernels
export { createGemmWorkers, createGemmKernels, shouldOffload, OFFLOAD_MIN_MNK, OFFLOAD_MIN_ROWS, WorkerThreadError } from './backends/gemm-threads';
export type { GemmWorkers, GemmWorkersOptions, GemmKernels, LocalGemm } from './backends/gemm-threads';

/** The backend hook's callback type (`WasmBackend.setGemmOffload`). */
export type { GemmOffload } from './backends/wasm';

/** Options of `enableMatmulThreads` (the kernels build follows the backend's `relaxedSimd`). */
export interface MatmulThreadsOptions extends Omit<GemmWorkersOptions, 'relaxedSimd'> {
  /** Which products to split, by shape (default `shouldOffload`, the threshold measured on 2 cores). */
  readonly offload?: (m: number, n: number, k: number) => boolean;
}

/** What `enableMatmulThreads` returns. */
export interface MatmulThreads {
  /** The worker pool behind the hook. */
  readonly pool: GemmWorkers;
  /** Remove the hook from the backend and stop the workers (idempotent). */
  close(): void;
}

/**
 * Split the backend's large float32 matrix products (those where `offload(m, n, k)`, by default
 * `shouldOffload`) over the main thread and `workers` worker threads; smaller ones stay on one
 * thread. Results are bit-identical to the single-thread kernel. A worker failure throws
 * `WorkerThreadError` from the matmul that hit it. Node only.
 *
 * @example
 * const threads = enableMatmulThreads(await createWasmBackend(), { workers: 1 });
 * threads.close(); // back to one thread
 */
export function enableMatmulThreads(backend: WasmBackend, options: MatmulThreadsOptions = {}): MatmulThreads {
  const target = backend as Partial<WasmBackend> | null;
  if (typeof target !== 'object' || target === null || typeof target.setGemmOffload !== 'function')
    throw new InvalidArgumentError('backend', (target as { name?: unknown } | null)?.name ?? target, 'a wasm backend with setGemmOffload (from @lab/tensor/wasm)');
  const { offload = shouldOffload, ...rest } = options;
  if (typeof offload !== 'function') throw new InvalidArgumentError('offload', offload, 'a function (m, n, k) => boolean');
  const pool = createGemmWorkers({ ...rest, relaxedSimd: target.relaxedSimd === true });
  const hook: GemmOffload = (F32, a, b, c, m, n, k, transA, transB, local) => {
    if (!offload(m, n, k)) return false;
    pool.gemm(F32, a, b, c, m, n, k, transA, transB, local);
    return true;
  };
  const b = target as WasmBackend;
  b.setGemmOffload(hook);
  let open = true;
  return {
    pool,
    close() {
      if (!open) return;
      open = false;
      b.setGemmOffload(null);
      pool.close();
    },
  };
}
