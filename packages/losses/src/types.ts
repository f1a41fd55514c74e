/**
 * Public types of @lab/losses.
 */
import type { Tensor } from '@lab/tensor';

/** How per-element losses are combined: kept (`'none'`), averaged (`'mean'`) or added (`'sum'`). */
export type Reduction = 'none' | 'mean' | 'sum';

/** Class-index targets: a Tensor of integer values, an Int32Array or a number[] (row-major). */
export type ClassTarget = Tensor | Int32Array | readonly number[];

/** A weight: a Tensor, or numbers (a 1-D weight). */
export type Weight = Tensor | readonly number[] | Float32Array | Float64Array;

/**
 * What every loss definition creates: `forward(input, target)` returns the loss as a tensor
 * (a scalar, or per element with `reduction: 'none'`) that can be back-propagated. It is
 * `@lab/core`'s `LossFunction` on tensors. Class-index targets are given as a Tensor of integer
 * values here (the plain functions also take an Int32Array or a number[]).
 */
export interface TensorLoss {
  forward(input: Tensor, target: Tensor): Tensor;
}

/** A parameter with its name, like `@lab/tensor`'s `Parameter` (`module.namedParameters()`). */
export interface NamedTensor {
  readonly name: string;
  readonly tensor: Tensor;
}

/**
 * The parameters a regulariser reads: a module (anything with `namedParameters()`), a list of
 * named parameters, a list of tensors (named by position, "0", "1", ...), or a record name → tensor.
 */
export type ParameterSource =
  | { namedParameters(): Iterable<NamedTensor> }
  | Iterable<NamedTensor | Tensor>
  | Readonly<Record<string, Tensor>>;

/**
 * Selects parameters by name: a glob (`'*.bias'`, `*` any run of characters, `?` one character),
 * a RegExp (searched anywhere in the name), a list of exact names, or a predicate.
 */
export type NameMatcher = string | RegExp | readonly string[] | ((name: string) => boolean);

/** Which parameters a penalty covers. Default: all of them. */
export interface ParameterMask {
  /** Only parameters whose name matches. Default: every parameter. */
  readonly include?: NameMatcher;
  /** Leave out parameters whose name matches (e.g. `'*bias'`). Default: none. */
  readonly exclude?: NameMatcher;
}
