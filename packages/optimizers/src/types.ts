/**
 * Public types of @lab/optimizers. The transformation contract itself (`GradientTransformation`,
 * `FloatArray`, `Scalar`, `ParameterLike`) lives in @lab/core and is re-exported here.
 */
import type { FloatArray, GradientTransformation } from '@lab/core';

export type { FloatArray, GradientTransformation, TransformResult, Scalar, Schedule, ParameterLike } from '@lab/core';

/**
 * Which parameters a mask or a parameter group selects, by name: a glob string (`*` matches any run
 * of characters, `?` one character; the whole name must match), a RegExp (searched in the name), a
 * list of exact names, or a predicate.
 */
export type NameMatcher = string | RegExp | readonly string[] | ((name: string) => boolean);

/**
 * Optional fast path. A transformation that also has `step` can update the parameters in place;
 * the `Optimizer` facade calls it instead of `update` + apply when every gradient is present.
 * `step` must give the same parameters and state as `update` followed by adding the updates
 * (a fused or SIMD kernel slots in here without changing any caller). With `kernels`, the named
 * optimizers hand each parameter's pass to them first (see `StepKernels`).
 */
export interface InPlaceTransformation<S = unknown> extends GradientTransformation<S> {
  step(params: readonly FloatArray[], grads: readonly FloatArray[], state: S, kernels?: StepKernels): S;
}

/**
 * Fused steps supplied from outside (e.g. `@lab/tensor`'s wasm backend: `backend.stepKernels`).
 * Each step method updates parameter `i` in place and returns true, or returns false when it cannot run (float64,
 * arrays outside its memory, a memory cap) and the JavaScript pass runs instead. `M`, `V`, `W`, `B`
 * are the state lists (one array per parameter), so a provider may move `M[i]` into its own memory by
 * replacing it. Scalars as in the JavaScript passes; with x = sg·g + l2·θ:
 * - `adam`: m ← b1·m + (1−b1)·x, v ← b2·v + (1−b2)·x², v̂ ← max(v̂, v) (W given), θ ← keep·θ + l·m / (√(v̂·a + r) + eps);
 * - `sgd`: x ← k·x; b ← x on the first step, else mu·b + c·x; θ ← θ + l·(x + mu·b if nesterov, else b) (θ + l·x without B);
 * - `rmsprop` (not centred): v ← a·v + (1−a)·x², d = x / (√(v + r) + eps); with B, b ← d on the first step, else mu·b + d, d = b; θ ← θ + l·d.
 */
export interface StepKernels {
  /** True when every value is finite; false (the JavaScript check then names the value) or undefined (it cannot tell) runs the JavaScript check. */
  finite?(xs: readonly FloatArray[]): boolean | undefined;
  adam?(p: FloatArray, g: FloatArray, M: FloatArray[], V: FloatArray[], W: FloatArray[] | undefined, i: number, b1: number, b2: number, sg: number, l2: number, keep: number, l: number, a: number, r: number, eps: number): boolean;
  sgd?(p: FloatArray, g: FloatArray, B: FloatArray[] | undefined, i: number, k: number, l: number, sg: number, l2: number, mu: number, c: number, first: boolean, nesterov: boolean): boolean;
  rmsprop?(p: FloatArray, g: FloatArray, V: FloatArray[], B: FloatArray[] | undefined, i: number, a: number, l: number, sg: number, l2: number, mu: number, r: number, eps: number, first: boolean): boolean;
}

/** Plain, serialisable state data: what `encodeState` accepts. */
export type StateData =
  | number
  | string
  | boolean
  | null
  | Float32Array
  | Float64Array
  | Int32Array
  | Uint8Array
  | readonly StateData[]
  | { readonly [key: string]: StateData };

/** State as `encodeState` writes it: a JSON text plus a binary payload holding every typed array. */
export interface EncodedState {
  readonly json: string;
  readonly payload: Uint8Array;
}

/** One parameter group of the `Optimizer` facade, as `stateDict` saves it. */
export interface GroupStateDict {
  readonly names: readonly string[];
  readonly state: unknown;
}

/** What `Optimizer.stateDict()` returns: per-parameter state keyed by parameter name. */
export interface OptimizerStateDict {
  readonly format: 'lab.optimizer';
  readonly version: 1;
  readonly steps: number;
  readonly groups: readonly GroupStateDict[];
}
