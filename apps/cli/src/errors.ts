import { LabError } from '@lab/core';

/** Bad command-line input: printed as one line, exit code 2. */
export class UsageError extends LabError {}

/** Exit codes: 0 success, 1 an unexpected failure (a bug), 2 bad input, 130 interrupted. */
export const EXIT = { ok: 0, bug: 1, usage: 2, interrupted: 130 } as const;
