/**
 * The lab plugin contract. Every public type of @lab/core lives in this file.
 *
 * A definition (optimizer, schedule, loss, metric, splitter) is a plain object: a name, metadata,
 * a declarative params spec and a `create` function whose option type is inferred from the spec.
 * A plugin is a plain object that lists definitions. A registry is an explicit value that plugins
 * are added to; nothing registers itself on import.
 */

// ---------------------------------------------------------------------------------------------
// Parameter specs
// ---------------------------------------------------------------------------------------------

interface ParamBase {
  /** One sentence for `lab list`, CLI help, docs sliders and JSON Schema. */
  readonly description: string;
  /** When true and no default is given, the option may be left out (its value is `undefined`). */
  readonly optional?: boolean;
}

/** A real number. `log: true` marks a parameter searched and plotted on a log scale. */
export interface NumberParam extends ParamBase {
  readonly kind: 'number';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  /** When true, `min` itself is not allowed (`value > min`). */
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  readonly log?: boolean;
}

/** A whole number. */
export interface IntegerParam extends ParamBase {
  readonly kind: 'integer';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  readonly log?: boolean;
}

export interface BooleanParam extends ParamBase {
  readonly kind: 'boolean';
  readonly default?: boolean;
}

/** One of a fixed list of strings. */
export interface EnumParam<V extends string = string> extends ParamBase {
  readonly kind: 'enum';
  readonly values: readonly V[];
  readonly default?: V;
}

/** A list of numbers (milestones, betas). `length` fixes its size when given. */
export interface NumbersParam extends ParamBase {
  readonly kind: 'numbers';
  readonly default?: readonly number[];
  readonly length?: number;
  readonly min?: number;
  readonly max?: number;
}

/** A number, or a schedule `(step) => value` (any hyper-parameter of an optimizer may be scheduled). */
export interface ScheduleParam extends ParamBase {
  readonly kind: 'number-or-schedule';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  readonly log?: boolean;
}

export type ParamSpec = NumberParam | IntegerParam | BooleanParam | EnumParam | NumbersParam | ScheduleParam;
export type ParamKind = ParamSpec['kind'];
export type ParamsSpec = Readonly<Record<string, ParamSpec>>;

/** A learning-rate (or any hyper-parameter) schedule: update count (from 0) -> value. */
export type Schedule = (step: number) => number;
/** A number or a schedule. */
export type Scalar = number | Schedule;

/** The value type one param spec accepts. */
export type ParamValue<P extends ParamSpec> = P extends { kind: 'number' | 'integer' }
  ? number
  : P extends { kind: 'boolean' }
    ? boolean
    : P extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : P extends { kind: 'numbers' }
        ? number[]
        : P extends { kind: 'number-or-schedule' }
          ? Scalar
          : never;

type HasDefault<P> = P extends { default: unknown } ? true : false;
type IsOptional<P> = P extends { optional: true } ? true : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * Options as `create` receives them: defaults filled in, so a param with a default is always present;
 * an optional param without a default may be `undefined`.
 */
export type ResolvedOptions<S extends ParamsSpec> = Simplify<
  {
    -readonly [K in keyof S as HasDefault<S[K]> extends true ? K : IsOptional<S[K]> extends true ? never : K]: ParamValue<S[K]>;
  } & {
    -readonly [K in keyof S as HasDefault<S[K]> extends true ? never : IsOptional<S[K]> extends true ? K : never]?: ParamValue<S[K]>;
  }
>;

/** Options as a user passes them: anything with a default, or optional, may be left out. */
export type InputOptions<S extends ParamsSpec> = Simplify<
  {
    -readonly [K in keyof S as HasDefault<S[K]> extends true ? never : IsOptional<S[K]> extends true ? never : K]: ParamValue<S[K]>;
  } & {
    -readonly [K in keyof S as HasDefault<S[K]> extends true ? K : IsOptional<S[K]> extends true ? K : never]?: ParamValue<S[K]>;
  }
>;

// ---------------------------------------------------------------------------------------------
// Products: what each kind of definition creates
// ---------------------------------------------------------------------------------------------

/** A parameter array: the unit optimizers and transformations work on. */
export type FloatArray = Float32Array | Float64Array;

/**
 * Anything shaped like a trainable parameter. @lab/tensor's `Parameter` satisfies it without
 * an import; so does a plain object from another framework.
 */
export interface ParameterLike {
  readonly name: string;
  readonly value: FloatArray;
  grad: FloatArray | null;
}

/**
 * A gradient transformation (optax's contract): a pure `init` / `update` pair. `update` returns the
 * transformed updates and the next state; the inputs are not modified. State is plain data (numbers,
 * strings, booleans, typed arrays, arrays and records of those), so it serialises.
 *
 * `names` gives each parameter's stable name (for masks and per-name state); when absent the
 * parameters are named by position ("0", "1", ...).
 */
export interface GradientTransformation<S = unknown> {
  init(params: readonly FloatArray[], names?: readonly string[]): S;
  update(updates: readonly FloatArray[], state: S, params?: readonly FloatArray[]): TransformResult<S>;
}

export interface TransformResult<S> {
  readonly updates: FloatArray[];
  readonly state: S;
}

/** A tensor as @lab/core sees it: something with a shape. @lab/tensor's Tensor satisfies it. */
export interface TensorLike {
  readonly shape: readonly number[];
}

/** A loss: `forward(input, target)` returns a (scalar or per-element) tensor that can be back-propagated. */
export interface LossFunction<T extends TensorLike = TensorLike> {
  forward(input: T, target: T): T;
}

/**
 * A metric with mergeable sufficient statistics: `merge` of states built on disjoint parts of the
 * data gives the same `compute` as one state built on all of it.
 */
export interface StreamingMetric<S = unknown, B = unknown, R = unknown> {
  init(): S;
  update(state: S, batch: B): S;
  merge(a: S, b: S): S;
  compute(state: S): R;
}

/** Labels or group ids as a splitter receives them. */
export type LabelArray = ArrayLike<number> | ArrayLike<string>;

export interface SplitInput {
  readonly nSamples: number;
  /** Class labels, for stratified splitters. */
  readonly y?: LabelArray | null;
  /** Group ids, for group splitters. */
  readonly groups?: LabelArray | null;
}

/** One split: index arrays into the data (never copies of the data). */
export interface Fold {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

export interface Splitter {
  /** How many folds `split` yields for this input. */
  nSplits(input: SplitInput): number;
  /** The folds, in order. */
  split(input: SplitInput): Iterable<Fold>;
}

/** What each kind of definition creates. */
export interface Products {
  optimizer: GradientTransformation;
  schedule: Schedule;
  loss: LossFunction;
  metric: StreamingMetric;
  splitter: Splitter;
}

export type DefinitionKind = keyof Products;

// ---------------------------------------------------------------------------------------------
// Definitions and plugins
// ---------------------------------------------------------------------------------------------

export interface DefinitionMeta {
  /** One line on what it is. */
  readonly description: string;
  /** The paper (authors, title, venue, year) or reference implementation. */
  readonly paper?: string;
  readonly docsUrl?: string;
}

export interface Definition<K extends DefinitionKind = DefinitionKind, S extends ParamsSpec = ParamsSpec, P extends Products[K] = Products[K]> {
  readonly kind: K;
  readonly name: string;
  readonly meta: DefinitionMeta;
  readonly params: S;
  create(options: ResolvedOptions<S>): P;
}

export type OptimizerDefinition<S extends ParamsSpec = ParamsSpec> = Definition<'optimizer', S>;
export type ScheduleDefinition<S extends ParamsSpec = ParamsSpec> = Definition<'schedule', S>;
export type LossDefinition<S extends ParamsSpec = ParamsSpec> = Definition<'loss', S>;
export type MetricDefinition<S extends ParamsSpec = ParamsSpec> = Definition<'metric', S>;
export type SplitterDefinition<S extends ParamsSpec = ParamsSpec> = Definition<'splitter', S>;

/** Any definition, whatever its params (what registries and plugin lists hold). */
export interface AnyDefinition<K extends DefinitionKind = DefinitionKind> {
  readonly kind: K;
  readonly name: string;
  readonly meta: DefinitionMeta;
  readonly params: ParamsSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create(options: any): Products[K];
}

export interface PluginMeta {
  readonly name: string;
  readonly version: string;
}

export interface Plugin {
  readonly meta: PluginMeta;
  readonly optimizers?: readonly AnyDefinition<'optimizer'>[];
  readonly schedules?: readonly AnyDefinition<'schedule'>[];
  readonly losses?: readonly AnyDefinition<'loss'>[];
  readonly metrics?: readonly AnyDefinition<'metric'>[];
  readonly splitters?: readonly AnyDefinition<'splitter'>[];
}

/** What `registry.build` takes: `{ type: name, ...params }`. */
export interface BuildConfig {
  readonly type: string;
  readonly [param: string]: unknown;
}

/** One row of `registry.list()`: what the CLI's `list`, help and the docs' controls render. */
export interface RegistryEntry {
  readonly kind: DefinitionKind;
  readonly name: string;
  readonly plugin: string;
  readonly meta: DefinitionMeta;
  readonly params: ParamsSpec;
}

export interface Registry {
  /** A new registry with the plugin's definitions added; a name already present is an error. */
  use(plugin: Plugin): Registry;
  has(kind: DefinitionKind, name: string): boolean;
  get<K extends DefinitionKind>(kind: K, name: string): AnyDefinition<K>;
  list(kind?: DefinitionKind): RegistryEntry[];
  /** Validate the config against the definition's spec and fill defaults. */
  resolve(kind: DefinitionKind, config: BuildConfig): Record<string, unknown>;
  /** Validate, fill defaults and construct. */
  build<K extends DefinitionKind>(kind: K, config: BuildConfig): Products[K];
  readonly plugins: readonly PluginMeta[];
}

/** JSON Schema (draft 2020-12) of a params spec, as `toJsonSchema` returns it. */
export interface JsonSchema {
  readonly [key: string]: unknown;
}

/** The saved state of a `Rng`: plain numbers, JSON-safe. */
export interface RngState {
  readonly s: readonly [number, number, number, number];
}
