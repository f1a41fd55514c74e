/**
 * The lab tensor backends to measure: always the pure-TypeScript `jsBackend`; the WebAssembly SIMD
 * backend when `@lab/tensor/wasm` exists and loads (detected by importing it, never assumed).
 */
import { jsBackend, type Backend } from '@lab/tensor';

export interface LabBackend {
  /** Implementation id used in results: `lab-js` or `lab-wasm`. */
  readonly id: 'lab-js' | 'lab-wasm';
  /** Human-readable name for tables. */
  readonly name: string;
  /** The backend, or null when it is not available (then `reason` says why). */
  readonly backend: Backend | null;
  readonly reason?: string;
}

/** The specifier is a variable so the suite typechecks and runs whether or not the module exists. */
const WASM_MODULE = '@lab/tensor/wasm';

interface WasmModule {
  createWasmBackend?: (options?: unknown) => Backend | Promise<Backend>;
}

/** Try to load `@lab/tensor/wasm` and create its backend; null plus the reason when that fails. */
export async function loadWasmBackend(): Promise<{ backend: Backend | null; reason?: string }> {
  let mod: WasmModule;
  try {
    mod = (await import(/* @vite-ignore */ WASM_MODULE)) as WasmModule;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || /Cannot find (module|package)/.test(String(e)))
      return { backend: null, reason: `${WASM_MODULE} does not exist yet` };
    return { backend: null, reason: `${WASM_MODULE} failed to load: ${firstLine(e)}` };
  }
  if (typeof mod.createWasmBackend !== 'function') return { backend: null, reason: `${WASM_MODULE} has no createWasmBackend()` };
  try {
    return { backend: await mod.createWasmBackend() };
  } catch (e) {
    return { backend: null, reason: `createWasmBackend() failed: ${firstLine(e)}` };
  }
}

export async function labBackends(): Promise<LabBackend[]> {
  const wasm = await loadWasmBackend();
  return [
    { id: 'lab-js', name: 'lab (JS backend)', backend: jsBackend as Backend },
    { id: 'lab-wasm', name: 'lab (wasm backend)', backend: wasm.backend, reason: wasm.reason },
  ];
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}
