import { InvalidArgumentError, LabError } from '@lab/core';

/** Bad command-line input: printed as one line, exit code 2. */
export class UsageError extends LabError {}

/** Exit codes: 0 success, 1 an unexpected failure (a bug), 2 bad input, 130 interrupted. */
export const EXIT = { ok: 0, bug: 1, usage: 2, interrupted: 130 } as const;

/**
 * A file-path error of @lab/train/node (argument `path`) as the flag that gave the path:
 * `--checkpoint runs/x.ckpt: must be a file in an existing, writable folder`. Other errors pass through.
 */
export function asFlagError(flag: string, e: unknown): unknown {
  return e instanceof InvalidArgumentError && e.argument === 'path' ? new UsageError(`${flag} ${String(e.value)}: must be ${e.expected}`) : e;
}
