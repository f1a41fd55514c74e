/**
 * PyTorch 1.13 / scikit-learn 1.2 peers, run as `/usr/bin/python3 tools/bench/python/*.py` when
 * `/usr/bin/python3 -c "import torch, sklearn"` works (Debian's python3-torch and python3-sklearn);
 * otherwise they are skipped and the reason is reported. The scripts read the same data files the
 * TypeScript side wrote (raw little-endian typed arrays) and print one JSON object.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';
const here = fileURLToPath(new URL('.', import.meta.url));
export const PYTHON_DIR = join(here, '..', 'python');

export interface PythonStatus {
  readonly available: boolean;
  readonly reason?: string;
  readonly torch?: string;
  readonly sklearn?: string;
  readonly numpy?: string;
}

function exec(args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, args, { maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, env: process.env }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr }));
      else resolve({ stdout, stderr });
    });
  });
}

let status: Promise<PythonStatus> | null = null;

export function pythonStatus(): Promise<PythonStatus> {
  status ??= exec(['-c', 'import json, torch, sklearn, numpy; print(json.dumps([torch.__version__, sklearn.__version__, numpy.__version__]))'], 120_000).then(
    ({ stdout }) => {
      const [torch, sklearn, numpy] = JSON.parse(stdout.trim()) as string[];
      return { available: true, torch, sklearn, numpy };
    },
    (e: Error & { stderr?: string; code?: string }) => {
      const detail = (e.stderr ?? '').trim().split('\n').pop() || e.message.split('\n')[0];
      return { available: false, reason: e.code === 'ENOENT' ? `${PYTHON} does not exist` : `${PYTHON} -c "import torch, sklearn" failed: ${detail}` };
    },
  );
  return status;
}

/** Run `python/<script>` with `args`; returns the JSON object it prints on its last line. */
export async function runPython<T>(script: string, args: readonly string[], timeoutMs = 300_000): Promise<T> {
  const { stdout } = await exec([join(PYTHON_DIR, script), ...args], timeoutMs).catch((e: Error & { stderr?: string }) => {
    throw new Error(`${script} ${args[0]} failed: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' | ')}`);
  });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** What a Python timing prints: the median seconds per operation, and a value to check agreement. */
export interface PyTiming {
  readonly median_s: number;
  readonly samples_s: number[];
  readonly threads?: number;
  readonly check?: number | number[];
}
