/**
 * The options wrapper behind the plain factories (internal): validation against the params spec
 * with a `seed` that may be an Rng, and `factory` (a splitter's parts as `kFold(options)`).
 * A module of its own so that code without factories (the definitions) does not import it.
 */
import { Rng, resolveOptions } from '@lab/core';
import type { InputOptions, ParamsSpec, Splitter } from '@lab/core';
import type { Options, SeedOption, SplitterExtras, SplitterParts } from './internal';

/** The options a plain factory takes: the spec's options; `seed`, when the spec has one, also takes an Rng. */
export type FactoryOptions<S extends ParamsSpec> = Omit<InputOptions<S>, 'seed'> & ('seed' extends keyof S ? SeedOption : unknown) & SplitterExtras;

/** Validate options against a spec (defaults filled); a `seed` that is an Rng and `onWarning` pass through. */
export function resolve<S extends ParamsSpec>(spec: S, options: object | undefined, context: string): Options<S> {
  const { seed, onWarning, ...rest } = (options ?? {}) as SeedOption & SplitterExtras;
  const rng = seed instanceof Rng && 'seed' in spec;
  return { ...resolveOptions(spec, rng || seed === undefined ? rest : { ...rest, seed }, context), ...(rng && { seed }), onWarning } as Options<S>;
}

/** A plain factory for a splitter: `kFold({ nSplits: 3 })` validates and creates. */
export const factory =
  <S extends ParamsSpec>({ name, params, create }: SplitterParts<S>) =>
  (options?: FactoryOptions<S>): Splitter =>
    create(resolve(params, options, name) as never);
