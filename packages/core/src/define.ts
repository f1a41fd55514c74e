import { resolveOptions } from './params';
import type { Definition, DefinitionKind, DefinitionMeta, InputOptions, ParamsSpec, Plugin, Products, ResolvedOptions } from './types';

/** What a `define*` helper takes: the definition without its `kind`. */
export interface DefinitionInput<K extends DefinitionKind, S extends ParamsSpec, P extends Products[K]> {
  readonly name: string;
  readonly meta: DefinitionMeta;
  readonly params: S;
  create(options: ResolvedOptions<S>): P;
}

const define =
  <K extends DefinitionKind>(kind: K) =>
  <const S extends ParamsSpec, P extends Products[K]>(def: DefinitionInput<K, S, P>): Definition<K, S, P> =>
    Object.freeze({ ...def, kind });

/**
 * Define an optimizer: a name, metadata, a params spec and `create(options) -> GradientTransformation`.
 * The options type of `create` is inferred from `params`.
 *
 * @example
 * const sign = defineOptimizer({
 *   name: 'signSgd',
 *   meta: { description: 'SGD on the sign of the gradient' },
 *   params: { lr: { kind: 'number', default: 0.01, min: 0, description: 'learning rate' } },
 *   create: ({ lr }) => mySignTransformation(lr),
 * });
 */
export const defineOptimizer = /* @__PURE__ */ define('optimizer');
/** Define a learning-rate schedule: `create(options) -> (step) => value`. */
export const defineSchedule = /* @__PURE__ */ define('schedule');
/** Define a loss: `create(options) -> { forward(input, target) }`. */
export const defineLoss = /* @__PURE__ */ define('loss');
/** Define a metric: `create(options) -> { init, update, merge, compute }`. */
export const defineMetric = /* @__PURE__ */ define('metric');
/** Define a splitter: `create(options) -> { nSplits, split }`. */
export const defineSplitter = /* @__PURE__ */ define('splitter');

/** Define a plugin: `{ meta: { name, version }, optimizers?, schedules?, losses?, metrics?, splitters? }`. */
export const definePlugin = <const P extends Plugin>(plugin: P): P => plugin;

/** Validate options against a definition's spec, fill defaults and construct (no registry needed). */
export function instantiate<K extends DefinitionKind, S extends ParamsSpec, P extends Products[K]>(
  def: Definition<K, S, P>,
  options?: InputOptions<S>,
): P {
  return def.create(resolveOptions(def.params, options ?? {}, def.name));
}
