/**
 * TensorFlow.js 4.22 peers: tfjs-core with the pure-JS `cpu` backend and the `wasm` backend
 * (XNNPACK, SIMD when the runtime has it), single-threaded. Importing the backend packages
 * registers them with tfjs-core; nothing in the lab packages is touched.
 */
import * as tf from '@tensorflow/tfjs-core';
// Gradients are registered separately from tfjs-core's ops (the @tensorflow/tfjs union package does this).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export { tf };

export type TfBackendName = 'cpu' | 'wasm';

export interface TfPeer {
  readonly id: 'tfjs-cpu' | 'tfjs-wasm';
  readonly name: string;
  readonly backend: TfBackendName;
  readonly available: boolean;
  readonly reason?: string;
}

let prepared: Promise<TfPeer[]> | null = null;

/** Set up both backends once (wasm files from the installed package's dist folder, 1 thread). */
export function tfPeers(): Promise<TfPeer[]> {
  prepared ??= (async () => {
    tf.env().set('PROD', true);
    const req = createRequire(import.meta.url);
    const dist = dirname(req.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${dist}/`);
    if (typeof setThreadsCount === 'function') setThreadsCount(1);
    const out: TfPeer[] = [];
    for (const backend of ['cpu', 'wasm'] as const) {
      let ok = false;
      let reason: string | undefined;
      try {
        ok = await tf.setBackend(backend);
        if (!ok) reason = `tf.setBackend('${backend}') returned false`;
      } catch (e) {
        reason = String(e instanceof Error ? e.message : e);
      }
      let name = `tfjs ${backend}`;
      if (ok && backend === 'wasm') name = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'tfjs wasm-simd' : 'tfjs wasm';
      out.push({ id: `tfjs-${backend}`, name, backend, available: ok, reason });
    }
    return out;
  })();
  return prepared;
}

/** Make `name` the current tfjs backend (after `tfPeers()`). */
export async function useTf(name: TfBackendName): Promise<void> {
  await tfPeers();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} is not available`);
}
