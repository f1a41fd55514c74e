/**
 * Helpers shared by every splitter: input checks, label encoding, the one fold-building core of
 * the K-fold family, seeded rounds, `parts` (what a splitter's factory and its definition share),
 * the shared params-spec fragments, and `define` / `splitterPlugin` for the two plugin entry points.
 * The options wrapper of the factories is in ./options.
 * Internal: not re-exported. Written for size (every entry point's budget is 3 kB min+gzip), so
 * runtime strings are terse; the TSDoc carries the detail.
 */
import { InvalidArgumentError, defineSplitter, toRng } from '@lab/core';
import type { AnyDefinition, Fold, ParamsSpec, Plugin, ResolvedOptions, Rng, SplitInput, Splitter } from '@lab/core';

/** Throw an InvalidArgumentError naming the argument, the value and what was expected. */
export const fail = (argument: string, value: unknown, expected: string): never => {
  throw new InvalidArgumentError(argument, value, expected);
};

/** `input.nSamples`, checked to be an integer >= 1. */
export const samples = (input: SplitInput): number => {
  const n = input?.nSamples;
  return Number.isInteger(n) && n > 0 ? n : fail('nSamples', n, 'an integer >= 1');
};

/** Check that `k` folds fit `n` items (`what` names them: "samples", "groups"). */
export const fits = (k: number, n: number, what: string): void => {
  if (k > n) fail('nSplits', k, `<= ${n} (${what})`);
};

/** Labels encoded as codes 0..m-1, with the number of samples per code. */
export interface Encoded {
  readonly codes: Int32Array;
  readonly counts: number[];
}

/**
 * Encode `input.y` or `input.groups` as codes 0..m-1: in sorted order of the distinct values
 * (numpy's `np.unique`), or in order of first appearance when `firstSeen` is true.
 */
export function encode(input: SplitInput, key: 'y' | 'groups', firstSeen?: boolean): Encoded {
  const n = samples(input);
  const labels = input[key] as ArrayLike<number | string>;
  if (labels?.length !== n) fail(key, labels, `${n} labels`);
  const values = Array.from(labels);
  const distinct = [...new Set(values)];
  if (!firstSeen) distinct.sort((a, b) => (a < b ? -1 : +(a > b)));
  const index = new Map(distinct.map((v, i) => [v, i]));
  const codes = Int32Array.from(values, (v) => index.get(v)!);
  const counts = distinct.map(() => 0);
  codes.forEach((c) => counts[c]++);
  return { codes, counts };
}

/** One fold: samples 0..n-1 for which `isTest` holds go to test, the rest to train (both ascending). */
export function partition(n: number, isTest: (i: number) => boolean): Fold {
  const all = range(0, n);
  return { train: all.filter((i) => !isTest(i)), test: all.filter(isTest) };
}

/** The folds of an assignment `fold[i]` of each sample to a test fold 0..k-1 (-1: always train), lazily. */
export function* assigned(fold: ArrayLike<number>, k: number): Generator<Fold> {
  for (let f = 0; f < k; f++) yield partition(fold.length, (i) => fold[i] === f);
}

/** start, start + 1, ..., end - 1. */
export const range = (start: number, end: number): Int32Array => Int32Array.from({ length: end - start }, (_, i) => start + i);

/** Sum in index order. */
export const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

/** Options the plain factories take besides the params spec. */
export interface SplitterExtras {
  /** Receives warnings (default `console.warn`). */
  onWarning?: (message: string) => void;
}

/** The `seed` option: a seed (each `split` call restarts from it) or an Rng (each call draws on from it). */
export interface SeedOption {
  seed?: number | Rng;
}

/** Resolved options as a splitter's functions see them. */
export type Options<S extends ParamsSpec> = ResolvedOptions<S> & SeedOption & SplitterExtras;

/** The Rng a split call uses: a fresh one for a seed, the given one for an Rng. */
export const rngOf = ({ seed = 0 }: SeedOption): Rng => toRng(seed);

/**
 * `count` rounds of folds drawn from one Rng (`rngOf(o)`), yielded round by round. The first
 * round is computed on the call, so bad input fails there and not mid-iteration.
 */
export function rounds(count: number, o: SeedOption, draw: (rng: Rng, round: number) => Iterable<Fold>): Iterable<Fold> {
  const rng = rngOf(o);
  const first = draw(rng, 0);
  return (function* () {
    for (let r = 0; r < count; r++) yield* r ? draw(rng, r) : first;
  })();
}

/** What a splitter's plain factory and its `defineSplitter` definition (in ./plugin) share. */
export interface SplitterParts<S extends ParamsSpec> {
  readonly name: string;
  readonly params: S;
  create(options: ResolvedOptions<S>): Splitter;
}

/**
 * A splitter's parts from `split(options, input)` and `count(options, input)` (default: the
 * `nSplits` option). Arguments are literals, so a `@__PURE__` call tree-shakes.
 */
export const parts = <const S extends ParamsSpec>(
  name: string,
  params: S,
  split: (o: Options<S>, input: SplitInput) => Iterable<Fold>,
  count: (o: Options<S>, input: SplitInput) => number = (o) => (o as unknown as { nSplits: number }).nSplits,
): SplitterParts<S> => ({ name, params, create: (o) => ({ nSplits: (input) => count(o, input), split: (input) => split(o, input) }) });

/** Encodes the labels a K-fold-family splitter stratifies on (checking them against `k`). */
export type Labels = (input: SplitInput, k: number, o: SplitterExtras) => Encoded;

/** Every sample in one class (plain, unstratified K-fold). */
const oneClass: Labels = (input) => {
  const n = samples(input);
  return { codes: new Int32Array(n), counts: [n] };
};

/**
 * The one fold-building core of the K-fold family: the test fold of each sample. Per class of
 * `labels` (one class for plain K-fold), fold labels are dealt round robin over the class-sorted
 * samples and sorted, so every fold gets `floor` or `ceil` of its share and the first `n % k`
 * folds of plain K-fold are one larger; each class's samples take them in data order, or in an
 * order shuffled by `rng`. Checks `nSplits <= nSamples`.
 */
export function kFoldAssignment(input: SplitInput, k: number, rng: Rng | false, o: SplitterExtras, labels = oneClass): Int32Array {
  fits(k, samples(input), 'samples');
  const { codes, counts } = labels(input, k, o);
  let p = 0;
  const perClass = counts.map((c) => {
    const folds = Int32Array.from({ length: c }, () => p++ % k).sort();
    return rng ? rng.shuffle(folds) : folds;
  });
  const next = counts.map(() => 0);
  return codes.map((c) => perClass[c][next[c]++]);
}

/**
 * A K-fold-family splitter (`params`: {@link cvParams} or {@link repeatedParams}; `labels`:
 * one class, or the classes of `y` to stratify): `nRepeats` (1 when not repeated) rounds of
 * {@link kFoldAssignment}, shuffled when repeated or `shuffle` is set; a warning is given once.
 */
export const kFoldFamily = <const S extends typeof cvParams | typeof repeatedParams>(name: string, params: S, labels?: Labels) =>
  parts(
    name,
    params,
    (o, input) => {
      const { nSplits: k, nRepeats = 1, shuffle = true } = o as KFoldOptions;
      return rounds(nRepeats, o, (rng, r) => assigned(kFoldAssignment(input, k, shuffle && rng, r ? { onWarning() {} } : o, labels), k));
    },
    (o) => (o as KFoldOptions).nSplits * ((o as KFoldOptions).nRepeats ?? 1),
  );

/** The options of a K-fold-family splitter, repeated or not. */
type KFoldOptions = { nSplits: number; nRepeats?: number; shuffle?: boolean } & SplitterExtras;

/** Shared params-spec fragments. */
export const nSplitsParam = (d: number, min = 2) => ({ kind: 'integer', default: d, min, description: 'number of splits' }) as const;
export const seedParam = { kind: 'integer', default: 0, description: 'random seed' } as const;
export const boolParam = <const D extends boolean>(d: D, description: string) => ({ kind: 'boolean', default: d, description }) as const;
/** An optional count >= 1 (a set size). */
export const countParam = (what: string) => ({ kind: 'integer', min: 1, optional: true, description: `${what} size` }) as const;
/** Params of the K-fold splitters that may shuffle. */
export const cvParams = { nSplits: /* @__PURE__ */ nSplitsParam(5), shuffle: /* @__PURE__ */ boolParam(false, 'shuffle first'), seed: seedParam } as const;
/** Params of the repeated K-fold splitters. */
export const repeatedParams = { nSplits: /* @__PURE__ */ nSplitsParam(5), nRepeats: { kind: 'integer', default: 10, min: 1, description: 'repeats' }, seed: seedParam } as const;

/**
 * A `defineSplitter` definition from a splitter's parts (for the two plugin entry points): its
 * description, and the scikit-learn 1.2 page after `sklearn.` (default: `model_selection.` and
 * the class of the same name).
 */
export const define = <const S extends ParamsSpec>(p: SplitterParts<S>, description: string, page = `model_selection.${p.name[0].toUpperCase()}${p.name.slice(1)}`) =>
  defineSplitter({ ...p, meta: { description, docsUrl: `https://scikit-learn.org/1.2/modules/generated/sklearn.${page}.html` } });

/** A plugin of splitter definitions, at the package's version (a test keeps the two equal). */
export const splitterPlugin = (name: string, splitters: AnyDefinition<'splitter'>[]): Plugin => ({ meta: { name, version: '0.1.0' }, splitters });
