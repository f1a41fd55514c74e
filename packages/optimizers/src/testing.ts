/**
 * Conformance checks for optimizer plugin authors: run them in your plugin's tests.
 *
 * @example
 * import { checkOptimizerPlugin } from '@lab/optimizers/testing';
 * test('lion conforms', () => checkOptimizerPlugin(lionPlugin, { options: { lion: { lr: 0.01 } } }));
 */
import { instantiate, InvalidArgumentError, isLabError } from '@lab/core';
import { checkPlugin } from '@lab/core/testing';
import type { AnyDefinition, FloatArray, GradientTransformation, Plugin } from '@lab/core';
import { decodeState, encodeState } from './state-io';
import { mapPerParam } from './state-tree';

export interface TransformationCheckOptions {
  /** Steps of the quadratic minimisation; default 1000. */
  readonly steps?: number;
  /** The quadratic check passes when the final loss is below this fraction of the initial loss; default 0.5. */
  readonly lossRatio?: number;
}

export interface OptimizerCheckOptions extends TransformationCheckOptions {
  /** Options for the definition (required ones, or a learning rate that suits the quadratic). */
  readonly options?: Record<string, unknown>;
}

const NAMES = ['layer.weight', 'layer.bias'];
const CURVATURE = [1, 2, 4, 0.5, 3];
const X0 = [1, -1, 0.5, 2, -0.5];

/** Parameters of the checks: a float64 vector and a float32 vector (both dtypes must work). */
const sampleParams = (): FloatArray[] => [Float64Array.from(X0.slice(0, 3)), Float32Array.from(X0.slice(3))];

/** Deterministic gradients for step `s` (no Math.random in the checks either). */
const sampleGrads = (s: number): FloatArray[] =>
  sampleParams().map((p, i) => p.map((_, j) => Math.sin(1 + 7 * s + 3 * i + j) * (1 + j)) as FloatArray);

const bits = (xs: readonly FloatArray[]): string => xs.map((x) => Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength)).join(',')).join('|');

const snapshot = (state: unknown): string => {
  const { json, payload } = encodeState(state);
  return `${json}#${payload.join(',')}`;
};

function run(t: GradientTransformation, steps: number, from = 0, params = sampleParams(), state = t.init(params, NAMES)) {
  const trace: string[] = [];
  for (let s = from; s < from + steps; s++) {
    const r = t.update(sampleGrads(s), state, params);
    trace.push(bits(r.updates));
    state = r.state;
  }
  return { state, trace: trace.join('/') };
}

/** Problems of a gradient transformation (empty when it conforms). */
export function transformationProblems(t: GradientTransformation, { steps = 1000, lossRatio = 0.5 }: TransformationCheckOptions = {}): string[] {
  const problems: string[] = [];
  const attempt = (what: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      problems.push(`${what}: threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
    }
  };

  attempt('init/update', () => {
    const params = sampleParams();
    const state = t.init(params, NAMES);
    mapPerParam(state, (list) => {
      if (list.length !== params.length) problems.push(`state: a list of typed arrays has ${list.length} entries; per-parameter lists need one per parameter (${params.length})`);
    });
    const grads = sampleGrads(0);
    const before = [bits(params), bits(grads), snapshot(state)];
    const r = t.update(grads, state, params);
    if (bits(params) !== before[0] || bits(grads) !== before[1] || snapshot(state) !== before[2]) problems.push('update modified its inputs (params, grads or state); it must be pure');
    r.updates.forEach((u, i) => {
      if (u?.constructor !== grads[i].constructor || u.length !== grads[i].length) problems.push(`updates[${i}] must be a ${grads[i].constructor.name} of length ${grads[i].length}`);
    });
  });

  attempt('determinism', () => {
    const a = run(t, 5);
    const b = run(t, 5);
    if (a.trace !== b.trace || snapshot(a.state) !== snapshot(b.state)) problems.push('determinism: two runs from the same inputs gave different updates or state');
  });

  attempt('state round trip', () => {
    const first = run(t, 3);
    const { json, payload } = encodeState(first.state);
    const copy = decodeState({ json: String(json), payload: payload.slice() });
    if (snapshot(copy) !== snapshot(first.state)) problems.push('state round trip: encodeState/decodeState changed the state');
    const a = run(t, 3, 3, sampleParams(), first.state);
    const b = run(t, 3, 3, sampleParams(), copy);
    if (a.trace !== b.trace) problems.push('state round trip: continuing from the restored state gave different updates');
  });

  attempt('zero gradients', () => {
    const params = sampleParams();
    let state = t.init(params, NAMES);
    for (let s = 0; s < 3; s++) {
      const r = t.update(params.map((p) => p.map(() => 0) as FloatArray), state, params);
      if (r.updates.some((u) => u.some((x) => !Number.isFinite(x)))) problems.push('zero gradients: the updates are not finite');
      state = r.state;
    }
    if (/NaN|Infinity/.test(encodeState(state).json) || hasNonFinite(state)) problems.push('zero gradients: the state is not finite');
  });

  for (const bad of [NaN, Infinity, -Infinity]) {
    const params = sampleParams();
    const grads = sampleGrads(0);
    grads[1][1] = bad;
    try {
      const r = t.update(grads, t.init(params, NAMES), params);
      if (r.updates.some((u) => u.some((x) => !Number.isFinite(x)))) problems.push(`a ${bad} gradient gave non-finite updates; throw a lab error (NonFiniteError) or skip the step`);
    } catch (e) {
      if (!isLabError(e)) problems.push(`a ${bad} gradient threw a ${(e as Error)?.name}, not a lab error (use NonFiniteError)`);
    }
  }

  attempt('quadratic', () => {
    const loss = (ps: FloatArray[]) => ps.flatMap((p) => Array.from(p)).reduce((s, x, k) => s + 0.5 * CURVATURE[k] * x * x, 0);
    let params = sampleParams();
    let state = t.init(params, NAMES);
    const start = loss(params);
    for (let s = 0; s < steps; s++) {
      let k = 0;
      const grads = params.map((p) => p.map((x) => CURVATURE[k++] * x) as FloatArray);
      const r = t.update(grads, state, params);
      state = r.state;
      params = params.map((p, i) => p.map((x, j) => x + r.updates[i][j]) as FloatArray);
    }
    const end = loss(params);
    if (!(end < lossRatio * start)) problems.push(`quadratic: after ${steps} steps the loss is ${end}, not below ${lossRatio} × the initial ${start}`);
  });
  return problems;
}

function hasNonFinite(state: unknown): boolean {
  let found = false;
  mapPerParam(state, (list) => list.forEach((a) => Array.from(a).forEach((x) => (found ||= !Number.isFinite(x)))));
  return found;
}

/** Problems of an optimizer definition: spec validation plus every transformation check. */
export function optimizerProblems(def: AnyDefinition<'optimizer'>, { options = {}, ...rest }: OptimizerCheckOptions = {}): string[] {
  const where = `optimizer "${def?.name}"`;
  const problems: string[] = [];
  try {
    checkPlugin({ meta: { name: 'check', version: '0.0.0' }, optimizers: [def] });
  } catch (e) {
    problems.push((e as Error).message);
  }
  let t: GradientTransformation | undefined;
  try {
    t = instantiate(def, options as never);
  } catch (e) {
    problems.push(`${where}: could not be built from ${JSON.stringify(options)}: ${(e as Error).message}`);
  }
  if (t) problems.push(...transformationProblems(t, rest).map((m) => `${where}: ${m}`));
  return problems;
}

const fail = (name: unknown, problems: string[]) => {
  if (problems.length) throw new InvalidArgumentError('optimizer', name, 'a conforming optimizer', `${String(name)} does not conform:\n  ${problems.join('\n  ')}`);
};

/** Throws one InvalidArgumentError listing every problem of the transformation. */
export const checkTransformation = (t: GradientTransformation, opts?: TransformationCheckOptions): void => fail('transformation', transformationProblems(t, opts));

/** Throws one InvalidArgumentError listing every problem of the definition. */
export const checkOptimizer = (def: AnyDefinition<'optimizer'>, opts?: OptimizerCheckOptions): void => fail(def?.name, optimizerProblems(def, opts));

/**
 * Checks a plugin (core's `checkPlugin`) and every optimizer in it. `options[name]` gives the
 * options each optimizer is checked with.
 */
export function checkOptimizerPlugin(plugin: Plugin, { options = {}, ...rest }: TransformationCheckOptions & { options?: Record<string, Record<string, unknown>> } = {}): void {
  const problems: string[] = [];
  try {
    checkPlugin(plugin);
  } catch (e) {
    problems.push((e as Error).message);
  }
  for (const def of plugin.optimizers ?? []) problems.push(...optimizerProblems(def, { ...rest, options: options[def.name] }));
  fail(plugin?.meta?.name, problems);
}
