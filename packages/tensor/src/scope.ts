/**
 * Deterministic memory release for backends that own memory (the WebAssembly backend): `tidy(fn)`
 * frees, when `fn` returns, the storage of every tensor created inside it except what `fn` returns,
 * what was passed to `keep`, and the gradients `backward()` stores on leaves (parameters).
 *
 * Without `tidy` such storage is released by a FinalizationRegistry once the tensors are garbage —
 * but finalizers only run between JavaScript tasks, so a synchronous training loop keeps allocating
 * fresh memory. Backends without `dispose` (the pure-TypeScript backend: plain typed arrays) are
 * not tracked at all; `tidy` then only runs `fn`.
 */
import { InvalidArgumentError } from '@lab/core';
import type { Backend } from './types';

interface Tracked {
  readonly storage: object;
  readonly backend: Backend;
}

/**
 * Marks storage objects some tensor has already wrapped (a view of old storage is not new storage):
 * a symbol-keyed property, several times cheaper per tensor than a WeakSet.
 */
const SEEN: unique symbol = Symbol('lab.tensor.seen');
/** Active scopes, innermost last: storage first wrapped inside each one. */
const scopes: Map<object, Tracked>[] = [];

/** @internal Called by the Tensor constructor for every tensor. */
export function track(storage: unknown, backend: Backend): void {
  if (backend.dispose === undefined) return;
  const s = storage as { [SEEN]?: true };
  if (s[SEEN]) return;
  s[SEEN] = true;
  if (scopes.length > 0) scopes[scopes.length - 1].set(s, { storage: s, backend });
}

/** Take `storage` out of every active scope (it outlives them). */
function escape(storage: unknown): void {
  for (const s of scopes) s.delete(storage as object);
}

interface HasStorage {
  readonly storage: unknown;
  readonly grad?: HasStorage | null;
}

/**
 * Keep `t` (its storage, shared by its views) alive past the enclosing `tidy` scopes; returns `t`.
 *
 * @example
 * let best: Tensor | null = null;
 * tidy(() => { const out = model.forward(x); best = keep(out); });
 */
export function keep<T extends HasStorage>(t: T): T {
  escape(t.storage);
  return t;
}

/** Storage reachable from a `tidy` result: tensors, arrays of them and plain objects holding them. */
function collect(value: unknown, out: Set<unknown>, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > 8) return;
  if ('storage' in value && 'shape' in value) {
    out.add((value as HasStorage).storage);
    return;
  }
  const items = Array.isArray(value) ? value : Object.getPrototypeOf(value) === Object.prototype ? Object.values(value) : [];
  for (const v of items) collect(v, out, depth + 1);
}

/**
 * Run `fn` and free the memory of every tensor it created that does not outlive it, the way
 * TensorFlow.js's `tf.tidy` does. Outlives it: whatever `fn` returns (tensors, or arrays / plain
 * objects of tensors), tensors passed to `keep`, and gradients that `backward()` accumulates on
 * leaves. A tensor created inside and used after `tidy` returns (other than those) fails loudly
 * on a backend that frees memory ("storage was disposed"). Scopes nest: what an inner scope returns
 * belongs to the outer one. `fn` must be synchronous.
 *
 * Run the forward pass, `backward()` and the optimizer step inside one `tidy` per training step:
 * the WebAssembly backend then reuses the same few blocks of memory every step.
 *
 * @example
 * for (const batch of batches) {
 *   const loss = tidy(() => {
 *     optimizer.zeroGrad();
 *     const l = crossEntropy(model.forward(batch.x), batch.y);
 *     l.backward();
 *     optimizer.step();
 *     return l.item();
 *   });
 * }
 */
export function tidy<T>(fn: () => T): T {
  if (typeof fn !== 'function') throw new InvalidArgumentError('fn', fn, 'a function');
  const scope = new Map<object, Tracked>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    for (const t of scope.values()) t.backend.dispose!(t.storage);
    throw e;
  } finally {
    scopes.pop();
  }
  if (result instanceof Promise) {
    // nothing of a promise's eventual value is reachable yet: free everything, then fail
    for (const t of scope.values()) t.backend.dispose!(t.storage);
    throw new InvalidArgumentError('fn', 'a function returning a Promise', 'a synchronous function (tidy cannot follow async work)');
  }
  const kept = new Set<unknown>();
  collect(result, kept, 0);
  const parent = scopes[scopes.length - 1];
  for (const t of scope.values()) {
    if (kept.has(t.storage)) parent?.set(t.storage, t);
    else t.backend.dispose!(t.storage);
  }
  return result;
}

/** @internal Gradients stored on leaves by `backward()` outlive the scope they were computed in. */
export const keepGrad = escape;
