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
 * (a fused or SIMD kernel slots in here without changing any caller).
 */
export interface InPlaceTransformation<S = unknown> extends GradientTransformation<S> {
  step(params: readonly FloatArray[], grads: readonly FloatArray[], state: S): S;
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
