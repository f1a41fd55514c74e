import { InvalidArgumentError, LengthMismatchError, StateMismatchError, instantiate } from '@lab/core';
import type { AnyDefinition } from '@lab/core';
import type { FloatArray, GradientTransformation, InPlaceTransformation, NameMatcher, OptimizerStateDict, ParameterLike, StepKernels } from './types';
import { nameMatcher } from './match';
import { mapPerParam, mergePerParam, restore } from './state-tree';
import { assertFinite, fits } from './util';

type Options = Record<string, unknown>;
type Factory = ((options: never) => GradientTransformation) | AnyDefinition<'optimizer'>;

/** A parameter group: the parameters whose names match, with their own hyper-parameters. */
export interface GroupConfig {
  readonly match: NameMatcher;
  readonly options?: Options;
}

/** What the `Optimizer` facade is built from, when the groups differ in hyper-parameters. */
export interface OptimizerConfig {
  /** A named optimizer factory (`adam`) or definition (`adamDefinition`). */
  readonly optimizer: Factory;
  /** Options of the default group (and the base of every other group's). */
  readonly options?: Options;
  /** Groups, first match wins; parameters matching none are in the default group. */
  readonly groups?: readonly GroupConfig[];
}

/** Options of the `Optimizer` facade (its third argument). */
export interface OptimizerOptions {
  /**
   * Fused steps to try first for adam/adamw/amsgrad, sgd and rmsprop (e.g. `backend.stepKernels` of
   * `@lab/tensor`'s wasm backend); the JavaScript pass runs where they return false. Default none.
   */
  readonly kernels?: StepKernels;
}

/** One parameter group as the facade holds it. */
export interface ParamGroup {
  readonly params: readonly ParameterLike[];
  readonly names: readonly string[];
  readonly options: Options;
  readonly transformation: GradientTransformation;
  state: unknown;
}

const build = (f: Factory, o: Options): GradientTransformation => (typeof f === 'function' ? f(o as never) : instantiate(f, o as never));

/**
 * The PyTorch-style loop over named parameters `{ name, value, grad }`: `step()` reads each
 * `grad`, runs the group's transformation and adds the updates to `value` in place; `zeroGrad()`
 * clears the gradients. Parameters whose `grad` is null are skipped (their state does not move).
 * A non-finite gradient or update throws NonFiniteError and leaves parameters and state unchanged.
 *
 * `stateDict()` / `loadStateDict()` save and restore the state keyed by parameter name; with
 * `encodeState` / `decodeState` it round-trips bit-exactly through JSON plus a binary payload.
 *
 * @example
 * const opt = new Optimizer(model.parameters(), {
 *   optimizer: adam,
 *   options: { lr: 1e-3, weightDecay: 1e-4 },
 *   groups: [{ match: '*.bias', options: { weightDecay: 0 } }],
 * });
 * for (const batch of batches) { opt.zeroGrad(); backward(batch); opt.step(); }
 */
export class Optimizer {
  readonly groups: readonly ParamGroup[];
  /** Number of `step()` calls so far. */
  steps = 0;

  constructor(
    params: readonly ParameterLike[],
    config: GradientTransformation | OptimizerConfig,
    readonly options: OptimizerOptions = {},
  ) {
    if (!Array.isArray(params) || params.length === 0) throw new InvalidArgumentError('params', params, 'a non-empty list of { name, value, grad }');
    const seen = new Set<string>();
    params.forEach((p, i) => {
      if (typeof p?.name !== 'string' || !(p.value instanceof Float64Array || p.value instanceof Float32Array))
        throw new InvalidArgumentError(`params[${i}]`, p, '{ name, value: Float32Array | Float64Array, grad }');
      if (seen.has(p.name)) throw new InvalidArgumentError(`params[${i}].name`, p.name, 'a unique name');
      seen.add(p.name);
    });
    const cfg: OptimizerConfig = 'init' in config ? { optimizer: () => config } : config;
    const specs = cfg.groups ?? [];
    const tests = specs.map((g) => nameMatcher(g?.match));
    const members: ParameterLike[][] = specs.map(() => []);
    const rest: ParameterLike[] = [];
    for (const p of params) {
      const k = tests.findIndex((t) => t(p.name));
      (k < 0 ? rest : members[k]).push(p);
    }
    members.forEach((m, i) => {
      if (!m.length) throw new InvalidArgumentError(`groups[${i}].match`, specs[i].match, 'a pattern matching a parameter');
    });
    const make = (ps: ParameterLike[], extra: Options = {}): ParamGroup => {
      const options = { ...cfg.options, ...extra };
      const transformation = build(cfg.optimizer, options);
      const names = ps.map((p) => p.name);
      return { params: ps, names, options, transformation, state: transformation.init(ps.map((p) => p.value), names) };
    };
    this.groups = [...members.map((m, i) => make(m, specs[i].options)), ...(rest.length ? [make(rest)] : [])];
  }

  /** One optimisation step over every group (PyTorch's `optimizer.step()`). */
  step(): void {
    const planned = this.groups.map((g) => {
      const idx = g.params.flatMap((p, i) => (p.grad ? [i] : []));
      if (!idx.length) return undefined;
      const values = idx.map((i) => g.params[i].value);
      const grads = idx.map((i) => g.params[i].grad as FloatArray);
      grads.forEach((gr, k) => {
        if (gr.length !== values[k].length) throw new LengthMismatchError(`${g.names[idx[k]]}.grad`, gr.length, `${g.names[idx[k]]}.value`, values[k].length);
      });
      const all = idx.length === g.params.length;
      const fast = (g.transformation as InPlaceTransformation).step;
      if (all && typeof fast === 'function') {
        // an in-place step checks its gradients before writing; with several groups check them all first
        if (this.groups.length > 1) assertFinite(grads, 'grads');
        return () => (g.state = fast.call(g.transformation, values, grads, g.state, this.options.kernels));
      }
      const sub = all ? g.state : mapPerParam(g.state, (list) => idx.map((i) => list[i]));
      const r = g.transformation.update(grads, sub, values);
      fits(r.updates, values, 'params');
      assertFinite(r.updates, 'updates');
      return () => {
        values.forEach((v, k) => {
          const u = r.updates[k];
          for (let j = 0; j < v.length; j++) v[j] += u[j];
        });
        g.state = all ? r.state : mergePerParam(g.state, r.state, idx);
      };
    });
    // Apply only once every group has succeeded, so a failure leaves everything unchanged.
    for (const apply of planned) apply?.();
    this.steps++;
  }

  /** Clear the gradients: fill them with zeros (default, as PyTorch 1.13), or set them to null. */
  zeroGrad({ setToNull = false }: { setToNull?: boolean } = {}): void {
    for (const g of this.groups) for (const p of g.params) if (p.grad) p.grad = setToNull ? null : p.grad.fill(0);
  }

  /** The state, with per-parameter entries keyed by parameter name (copies; plain data). */
  stateDict(): OptimizerStateDict {
    return {
      format: 'lab.optimizer',
      version: 1,
      steps: this.steps,
      groups: this.groups.map((g) => ({
        names: g.names.slice(),
        state: mapPerParam(g.state, (list) => Object.fromEntries(g.names.map((n, i) => [n, (list[i] as Float64Array).slice()]))),
      })),
    };
  }

  /**
   * Load a state saved by `stateDict()`. Parameters are matched by name, not position; a state that
   * does not fit (other optimizer, other groups, missing or extra parameter, other size or type)
   * throws StateMismatchError and changes nothing.
   */
  loadStateDict(dict: OptimizerStateDict): void {
    if (dict?.format !== 'lab.optimizer' || dict.version !== 1 || !Array.isArray(dict.groups))
      throw new StateMismatchError('stateDict', dict, 'a stateDict() result');
    if (dict.groups.length !== this.groups.length) throw new StateMismatchError('stateDict.groups', dict.groups.length, `${this.groups.length} parameter groups`);
    const states = this.groups.map((g, i) => {
      const saved = dict.groups[i];
      const want = g.names.slice().sort().join('\n');
      if (!Array.isArray(saved?.names) || saved.names.slice().sort().join('\n') !== want)
        throw new StateMismatchError(`stateDict.groups[${i}].names`, saved?.names, `the parameters ${g.names.join(', ')}`);
      return restore(g.transformation.init(g.params.map((p) => p.value), g.names), saved.state, g.names, `stateDict.groups[${i}].state`);
    });
    if (!Number.isInteger(dict.steps) || dict.steps < 0) throw new StateMismatchError('stateDict.steps', dict.steps, 'a step count');
    this.groups.forEach((g, i) => (g.state = states[i]));
    this.steps = dict.steps;
  }
}
