import { InvalidArgumentError } from '@lab/core';
import { jsBackend } from './backends/js';
import type { Backend } from './types';

let current: Backend = jsBackend as Backend;

/**
 * The backend new tensors are created on. Until `setBackend` is called this is the pure-TypeScript
 * `jsBackend`; nothing changes it on import.
 */
export function getBackend(): Backend {
  return current;
}

function checkBackend(backend: unknown): Backend {
  const b = backend as Backend | null;
  const kernels = ['fromArray', 'full', 'read', 'copy', 'assign', 'unary', 'binary', 'where', 'reduce', 'matmul', 'gather', 'scatterAdd'] as const;
  if (b === null || typeof b !== 'object' || typeof b.name !== 'string' || kernels.some((k) => typeof b[k] !== 'function'))
    throw new InvalidArgumentError('backend', backend, `a Backend object with a name and the kernels ${kernels.join(', ')}`);
  return b;
}

/**
 * Make `backend` the backend for tensors created from now on (an explicit call; a backend that needs
 * asynchronous set-up, such as WebAssembly, is passed in ready). Returns the previous backend.
 * Tensors keep the backend they were created on; mixing backends in one op is an error.
 *
 * @example
 * const previous = setBackend(myWasmBackend);
 * // ... train ...
 * setBackend(previous);
 */
export function setBackend(backend: Backend): Backend {
  const previous = current;
  current = checkBackend(backend);
  return previous;
}

/** Run `fn` with `backend` as the current backend, then restore the previous one (also on error). */
export function withBackend<T>(backend: Backend, fn: () => T): T {
  const previous = setBackend(backend);
  try {
    return fn();
  } finally {
    current = previous;
  }
}
