/**
 * `@lab/tensor/wasm`: the WebAssembly SIMD backend. Nothing happens on import; the modules (inlined
 * as base64: the kernels, about 5 kB in two builds, and the 2 kB optimizer steps) are compiled only
 * when `createWasmBackend` or `useBestBackend` is awaited.
 *
 * @example
 * import { useBestBackend } from '@lab/tensor/wasm';
 * const backend = await useBestBackend(); // wasm-relaxed-simd, wasm-simd, or js when unsupported
 */
import { jsBackend } from './backends/js';
import { OPTIM_WASM, RELAXED_SIMD_WASM, SIMD_WASM } from './backends/wasm-binary';
import { createWasmBackendFrom, type WasmBackend, type WasmBackendOptions, type WasmKernels, type WasmOptimKernels } from './backends/wasm';
import { setBackend } from './backend';
import type { Backend } from './types';

export type { WasmBackend, WasmBackendOptions, WasmMemoryStats, WasmHandle, WasmStepKernels } from './backends/wasm';
export { WasmStorage } from './backends/wasm';

/** Options of `createWasmBackend`. */
export interface CreateWasmBackendOptions extends WasmBackendOptions {
  /**
   * Use the relaxed-SIMD build (fused multiply-add in matmul; rounding may differ between machines)
   * when the runtime validates it: `'auto'` (default), or `false` to always use the plain SIMD build.
   */
  readonly relaxedSimd?: 'auto' | false;
}

let simdBytes: Uint8Array<ArrayBuffer> | undefined;
let relaxedBytes: Uint8Array<ArrayBuffer> | undefined;
let optimBytes: Uint8Array<ArrayBuffer> | undefined;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function simdModule(): Uint8Array<ArrayBuffer> {
  return (simdBytes ??= decode(SIMD_WASM));
}

function relaxedModule(): Uint8Array<ArrayBuffer> {
  return (relaxedBytes ??= decode(RELAXED_SIMD_WASM));
}

/** What this runtime supports: WebAssembly SIMD (the backend runs) and relaxed SIMD (the faster build). */
export function wasmSupport(): { simd: boolean; relaxedSimd: boolean } {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return { simd: false, relaxedSimd: false };
  const simd = WebAssembly.validate(simdModule());
  return { simd, relaxedSimd: simd && WebAssembly.validate(relaxedModule()) };
}

/**
 * Compile and instantiate the kernels module (asynchronously; it has no imports) and return a
 * backend on it. Pass it to `setBackend` (or `withBackend`) to create tensors on it. Each call makes
 * an independent backend with its own memory. Rejects when the runtime lacks WebAssembly SIMD.
 *
 * @example
 * const wasm = await createWasmBackend();
 * const previous = setBackend(wasm);
 */
export async function createWasmBackend(options: CreateWasmBackendOptions = {}): Promise<WasmBackend> {
  const support = wasmSupport();
  if (!support.simd) throw new Error('@lab/tensor/wasm: this runtime does not support WebAssembly SIMD (use the js backend)');
  const relaxed = options.relaxedSimd !== false && support.relaxedSimd;
  const bytes = relaxed ? relaxedModule() : simdModule();
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const k = instance.exports as unknown as WasmKernels;
  // the fused optimizer steps: a small module of their own, on the same memory
  const optim = await WebAssembly.instantiate((optimBytes ??= decode(OPTIM_WASM)), { env: { memory: k.memory } });
  return createWasmBackendFrom(k, relaxed, options, optim.instance.exports as unknown as WasmOptimKernels);
}

/**
 * Make the fastest backend this runtime supports the current one and return it: the wasm backend
 * (relaxed SIMD where it validates, else SIMD) when `WebAssembly.validate` accepts the SIMD module,
 * otherwise the pure-TypeScript `jsBackend`.
 *
 * @example
 * await useBestBackend();
 * const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10));
 */
export async function useBestBackend(options: CreateWasmBackendOptions = {}): Promise<Backend> {
  const backend: Backend = wasmSupport().simd ? ((await createWasmBackend(options)) as Backend) : (jsBackend as Backend);
  setBackend(backend);
  return backend;
}
