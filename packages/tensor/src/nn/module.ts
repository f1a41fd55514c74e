import { InvalidArgumentError, NonFiniteError, StateMismatchError } from '@lab/core';
import { Tensor } from '../tensor';
import type { FloatArray } from '../types';
import { Parameter } from './parameter';

/** Saved parameters: dotted name → a copy of the values (row-major). */
export type StateDict = Record<string, FloatArray>;

/**
 * Base class of layers and models (PyTorch's `nn.Module`). Parameters and sub-modules are found
 * from the module's own enumerable properties, in definition order: a `Tensor` property is a
 * parameter, a `Module` property a sub-module, and an array of modules is a list of sub-modules
 * named by position. Names are the dotted attribute paths (`fc1.weight`, `layers.0.bias`), stable
 * across runs. Keep non-parameter tensors in `#private` fields.
 *
 * @example
 * class Mlp extends Module {
 *   fc1 = new Linear(2, 8, { rng: 1 });
 *   fc2 = new Linear(8, 1, { rng: 2 });
 *   forward(x: Tensor) { return this.fc2.forward(this.fc1.forward(x).tanh()); }
 * }
 * new Mlp().namedParameters().map((p) => p.name); // ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
 */
export abstract class Module {
  /** Training mode (true) or evaluation mode (false); `Dropout` reads it. Set it with `train` / `eval`. */
  training = true;

  /** The layer's computation. */
  abstract forward(input: Tensor): Tensor;

  /** Direct sub-modules with their names (arrays of modules give `name.i`). */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Module) out.push([key, value]);
      else if (Array.isArray(value)) value.forEach((m, i) => m instanceof Module && out.push([`${key}.${i}`, m]));
    }
    return out;
  }

  /**
   * Every parameter with its dotted name: the module's own tensors first, then each sub-module's,
   * depth first in definition order (PyTorch's order). A shared tensor is listed once, under its first name.
   */
  namedParameters(): Parameter[] {
    const out: Parameter[] = [];
    const seen = new Set<Tensor>();
    const visit = (m: Module, prefix: string): void => {
      for (const [key, value] of Object.entries(m)) {
        if (value instanceof Tensor && !seen.has(value)) {
          seen.add(value);
          out.push(new Parameter(prefix + key, value));
        }
      }
      for (const [name, child] of m.namedChildren()) visit(child, `${prefix}${name}.`);
    };
    visit(this, '');
    return out;
  }

  /** Same as `namedParameters()` (each parameter carries its name). */
  parameters(): Parameter[] {
    return this.namedParameters();
  }

  /** Total number of parameter values. */
  numParameters(): number {
    return this.namedParameters().reduce((s, p) => s + p.tensor.size, 0);
  }

  /** Set training mode on this module and all sub-modules. */
  train(mode = true): this {
    this.training = mode;
    for (const [, child] of this.namedChildren()) child.train(mode);
    return this;
  }

  /** Set evaluation mode (`train(false)`). */
  eval(): this {
    return this.train(false);
  }

  /** Clear every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.namedParameters()) p.tensor.grad = null;
  }

  /** A copy of every parameter's values, by name (plain data: typed arrays). */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const p of this.namedParameters()) out[p.name] = p.value.slice();
    return out;
  }

  /**
   * Copy saved values into the parameters, in place. The names must be exactly this module's
   * parameter names and each array must have the parameter's number of elements; otherwise a
   * `StateMismatchError` names the difference and nothing is changed.
   */
  loadStateDict(state: Readonly<Record<string, ArrayLike<number>>>): void {
    if (state === null || typeof state !== 'object') throw new StateMismatchError('state', state, 'an object of parameter arrays');
    const params = this.namedParameters();
    const names = params.map((p) => p.name);
    const missing = names.filter((n) => !(n in state));
    const unexpected = Object.keys(state).filter((n) => !names.includes(n));
    if (missing.length > 0 || unexpected.length > 0)
      throw new StateMismatchError('state', Object.keys(state), `exactly the keys ${names.join(', ')} (missing: ${missing.join(', ') || 'none'}; unexpected: ${unexpected.join(', ') || 'none'})`);
    for (const p of params) {
      const v = state[p.name];
      if (!v || typeof v !== 'object' || typeof v.length !== 'number') throw new StateMismatchError(`state["${p.name}"]`, v, 'an array of numbers');
      if (v.length !== p.tensor.size) throw new StateMismatchError(`state["${p.name}"]`, v.length, `${p.tensor.size} values (shape [${p.shape.join(', ')}])`);
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] !== 'number') throw new InvalidArgumentError(`state["${p.name}"][${i}]`, v[i], 'a number');
        if (!Number.isFinite(v[i])) throw new NonFiniteError(`state["${p.name}"]`, v[i], i);
      }
    }
    for (const p of params) p.value.set(state[p.name]);
  }
}
