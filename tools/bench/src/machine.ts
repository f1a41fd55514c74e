/** Facts about the machine and runtimes a run was measured on. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { PythonStatus } from './python';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly v8: string;
  readonly wasmSimd: boolean;
  readonly wasmRelaxedSimd: boolean;
  readonly python: PythonStatus;
  /** Thread/BLAS environment variables as set for this run (reported, never changed). */
  readonly env: Record<string, string>;
  readonly commit: string;
  /** Packages whose working tree differed from the commit when the run started (measured as they were). */
  readonly uncommitted: readonly string[];
  /** 1-minute load average when the run started (other processes compete for the 2 cores). */
  readonly loadAtStart: number;
}

/** A one-function module returning v128 from `operands` zero v128.const operands and `op` (SIMD prefix 0xfd + opcode LEB). */
export function simdModule(op: readonly number[], operands: number): Uint8Array<ArrayBuffer> {
  const body = [0x00];
  for (let i = 0; i < operands; i++) body.push(0xfd, 0x0c, ...new Array<number>(16).fill(0));
  body.push(...op, 0x0b);
  const code = [0x01, body.length, ...body];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () -> v128
    0x03, 0x02, 0x01, 0x00, // one function of type 0
    0x0a, code.length, ...code,
  ]);
}

/** f32x4.add (0xfd 0xe4 0x01) and f32x4.relaxed_madd (0xfd 0x85 0x02). */
export const SIMD_ADD = simdModule([0xfd, 0xe4, 0x01], 2);
export const RELAXED_MADD = simdModule([0xfd, 0x85, 0x02], 3);

export function machine(python: PythonStatus): Machine {
  const cpus = os.cpus();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (/^(OPENBLAS|OMP|MKL|GOTO|NVPL|BLIS)_/.test(k) && v !== undefined) env[k] = v;
  let commit = 'unknown';
  let uncommitted: string[] = [];
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    commit = git('rev-parse', '--short', 'HEAD').trim();
    const changed = git('status', '--porcelain', '--', ':/packages').split('\n').map((l) => /packages\/([a-z0-9-]+)\//.exec(l)?.[1]).filter((p): p is string => !!p);
    uncommitted = [...new Set(changed)].sort().map((p) => `@lab/${p}`);
  } catch {
    /* not a git checkout */
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    wasmSimd: WebAssembly.validate(SIMD_ADD),
    wasmRelaxedSimd: WebAssembly.validate(RELAXED_MADD),
    python,
    env,
    commit,
    uncommitted,
    loadAtStart: os.loadavg()[0],
  };
}
