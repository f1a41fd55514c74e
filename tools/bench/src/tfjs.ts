/**
 * TensorFlow.js 4.22 peers: tfjs-core with the pure-JS `cpu` backend and the `wasm` backend
 * (XNNPACK, SIMD when the runtime has it), single-threaded.
 *
 * tfjs-core's Node entry (dist/tf-core.node.js) has no gradient functions, and its ESM files
 * cannot be imported by Node directly (extensionless imports), so — as an application bundler
 * would — we bundle tfjs-core's ESM build with `register_all_gradients` (what the
 * @tensorflow/tfjs union package adds) and both backends into one CommonJS file with esbuild,
 * once per process, and load that. The code measured is the installed packages' code.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEsbuild } from './esbuild';

type TfApi = typeof TfCore & {
  setWasmPaths(prefix: string): void;
  setThreadsCount(n: number): void;
};

/** The tfjs namespace (tfjs-core plus the wasm backend's set-up functions); set by `tfPeers()`. */
export let tf: TfApi = undefined as unknown as TfApi;

export type TfBackendName = 'cpu' | 'wasm';

export interface TfPeer {
  readonly id: 'tfjs-cpu' | 'tfjs-wasm';
  readonly name: string;
  readonly backend: TfBackendName;
  readonly available: boolean;
  readonly reason?: string;
}

const here = dirname(fileURLToPath(import.meta.url));

const ENTRY = `
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
export { setWasmPaths, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
`;

async function loadTf(): Promise<TfApi> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-bench-tfjs-'));
  try {
    const file = join(dir, 'tfjs.cjs');
    await loadEsbuild().build({
      stdin: { contents: ENTRY, resolveDir: here, sourcefile: 'tfjs-entry.js', loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      target: 'node20',
      outfile: file,
      logLevel: 'silent',
    });
    return createRequire(import.meta.url)(file) as TfApi;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let prepared: Promise<TfPeer[]> | null = null;

/** Load tfjs and set up both backends once (wasm files from the installed package's dist folder, 1 thread). */
export function tfPeers(): Promise<TfPeer[]> {
  prepared ??= (async () => {
    tf = await loadTf();
    tf.env().set('PROD', true);
    const req = createRequire(import.meta.url);
    const dist = dirname(req.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    tf.setWasmPaths(`${dist}/`);
    tf.setThreadsCount(1);
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
