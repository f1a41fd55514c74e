/**
 * The per-parameter convention of transformation state: a JS array whose entries are all typed
 * arrays holds one entry per parameter, in parameter order. These helpers walk a state tree and act
 * on those lists (rename them by parameter name, pick a subset, merge a subset back).
 */
import { StateMismatchError } from '@lab/core';

type Tree = unknown;
const isView = (x: unknown): x is ArrayBufferView & ArrayLike<number> => ArrayBuffer.isView(x);
export const isPerParam = (x: unknown): x is (ArrayBufferView & ArrayLike<number>)[] => Array.isArray(x) && x.length > 0 && x.every(isView);
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !isView(x) && !Array.isArray(x);

/** Replace every per-parameter list in `tree` by `f(list)`. */
export function mapPerParam(tree: Tree, f: (list: ArrayLike<number>[]) => unknown): Tree {
  if (isPerParam(tree)) return f(tree);
  if (Array.isArray(tree)) return tree.map((t) => mapPerParam(t, f));
  if (isObj(tree)) return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, mapPerParam(v, f)]));
  return tree;
}

/**
 * Merge `sub` (state of the parameters at `idx`) into `full`. Per-parameter lists are updated in place
 * (a `StepKernels` provider tracks the lists it moved arrays into).
 */
export function mergePerParam(full: Tree, sub: Tree, idx: readonly number[]): Tree {
  if (isPerParam(full)) {
    idx.forEach((k, i) => (full[k] = (sub as unknown[])[i] as ArrayBufferView & ArrayLike<number>));
    return full;
  }
  if (Array.isArray(full)) return full.map((t, i) => mergePerParam(t, (sub as unknown[])[i], idx));
  if (isObj(full)) return Object.fromEntries(Object.entries(full).map(([k, v]) => [k, mergePerParam(v, (sub as Record<string, unknown>)[k], idx)]));
  return sub;
}

/**
 * Rebuild state shaped like `template` (a fresh `init`) from `saved`, where per-parameter lists are
 * records keyed by parameter name. Every mismatch (structure, missing or unexpected parameter,
 * array type or length) throws StateMismatchError naming the path.
 */
export function restore(template: Tree, saved: Tree, names: readonly string[], path: string): Tree {
  const fail = (expected: string, got: unknown = saved): never => {
    throw new StateMismatchError(path, got, expected);
  };
  const leaf = (t: ArrayBufferView & ArrayLike<number>, s: unknown, where: string) => {
    if (!isView(s) || s.constructor !== t.constructor || s.length !== t.length)
      fail(`${where}: a ${t.constructor.name} of length ${t.length}`, isView(s) ? `${s.constructor.name}(${s.length})` : s);
    return (s as unknown as Float64Array).slice();
  };
  if (isPerParam(template)) {
    if (!isObj(saved)) return fail('a record by parameter name');
    const extra = Object.keys(saved).filter((k) => !names.includes(k));
    if (extra.length) fail('no parameters outside the group', extra.join(', '));
    return template.map((t, i) => (Object.prototype.hasOwnProperty.call(saved, names[i]) ? leaf(t, saved[names[i]], `state for parameter "${names[i]}"`) : fail(`state for parameter "${names[i]}"`, undefined)));
  }
  if (isView(template)) return leaf(template, saved, 'an array');
  if (Array.isArray(template)) {
    if (!Array.isArray(saved) || saved.length !== template.length) fail(`a list of ${template.length} entries`);
    return template.map((t, i) => restore(t, (saved as unknown[])[i], names, `${path}[${i}]`));
  }
  if (isObj(template)) {
    if (!isObj(saved)) return fail(`an object with keys ${Object.keys(template).join(', ')}`);
    const keys = Object.keys(template);
    if (Object.keys(saved).sort().join() !== keys.slice().sort().join()) fail(`an object with keys ${keys.join(', ')}`, Object.keys(saved).join(', '));
    return Object.fromEntries(keys.map((k) => [k, restore(template[k], saved[k], names, `${path}.${k}`)]));
  }
  if (typeof saved !== typeof template) fail(`a ${typeof template}`);
  return saved;
}
