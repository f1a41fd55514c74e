/**
 * Data for the training commands: a bundled data set by name, or a user's CSV / IDX file; split into
 * train / validation / test with a seeded, stratified holdout; standardised with statistics fitted
 * on the training part only.
 */
import { existsSync } from 'node:fs';
import { trainTestSplit } from '@lab/data-split';
import { applyStandardize, fitStandardize, takeRows, type Dataset } from '@lab/datasets';
import { loadBreastCancer } from '@lab/datasets/breast-cancer';
import { loadDigits } from '@lab/datasets/digits';
import { loadIris } from '@lab/datasets/iris';
import { readCsvFile, readIdxDataset } from '@lab/datasets/node';
import { loadWine } from '@lab/datasets/wine';
import { UsageError } from './errors';

export const BUNDLED: Record<string, () => Dataset> = { digits: loadDigits, iris: loadIris, wine: loadWine, 'breast-cancer': loadBreastCancer };

export interface DataOptions {
  data: string;
  labels?: string;
  labelColumn?: string;
  /** CSV column of group ids (cv, tune), for the group splitters. */
  groupColumn?: string;
}

/** A loaded data set, with the group id of each sample when --group-column was given. */
export type LoadedData = Dataset & { readonly groups?: readonly string[] | null };

/** A column flag: an index (negative from the end) or a header name. */
const columnOf = (v: string): number | string => (/^-?\d+$/.test(v) ? Number(v) : v);

/** Load a data set: a bundled name, a CSV file (label and group columns chosen), or IDX images + --labels. */
export async function loadData(o: DataOptions): Promise<LoadedData> {
  const bundled = BUNDLED[o.data];
  const csv = !bundled && (/\.csv(\.gz)?$/i.test(o.data) || !/idx|ubyte/i.test(o.data));
  if (o.groupColumn !== undefined && !csv) throw new UsageError(`--group-column needs a CSV file as --data (${o.data} has no group ids)`);
  if (bundled) return bundled();
  if (!existsSync(o.data)) throw new UsageError(`--data ${o.data}: no such bundled data set (${Object.keys(BUNDLED).join(', ')}) or file`);
  if (csv) {
    const labelColumn = o.labelColumn === undefined ? -1 : columnOf(o.labelColumn);
    const groupColumn = o.groupColumn === undefined ? null : columnOf(o.groupColumn);
    return (await readCsvFile(o.data, { labelColumn, groupColumn, labelType: 'class', name: o.data })) as LoadedData;
  }
  if (!o.labels) throw new UsageError(`--data ${o.data} is an IDX file: give its labels file with --labels`);
  if (!existsSync(o.labels)) throw new UsageError(`--labels ${o.labels}: no such file`);
  return readIdxDataset(o.data, o.labels, { name: o.data });
}

export interface Splits {
  train: Dataset;
  validation?: Dataset;
  test: Dataset;
  /** Row indices of each part in the original data set. */
  indices: { train: Int32Array; validation?: Int32Array; test: Int32Array };
}

/** Stratified holdout: test first, then validation from the rest; standardise on train statistics. */
export function splitData(data: Dataset, { testFraction, valFraction, seed, standardize }: { testFraction: number; valFraction: number; seed: number; standardize: boolean }): Splits {
  const strat = { nSamples: data.nSamples, y: data.y };
  const outer = trainTestSplit(strat, { testFraction, stratify: true, seed });
  const rest = takeRows(data, outer.train);
  let train = rest;
  let validation: Dataset | undefined;
  let trainIdx = outer.train;
  let valIdx: Int32Array | undefined;
  if (valFraction > 0) {
    const inner = trainTestSplit({ nSamples: rest.nSamples, y: rest.y }, { testFraction: valFraction, stratify: true, seed: seed + 1 });
    train = takeRows(rest, inner.train);
    validation = takeRows(rest, inner.test);
    trainIdx = inner.train.map((i) => outer.train[i]);
    valIdx = inner.test.map((i) => outer.train[i]);
  }
  let test = takeRows(data, outer.test);
  if (standardize) {
    const stats = fitStandardize(train.x, data.nFeatures);
    train = { ...train, x: applyStandardize(train.x, stats) };
    if (validation) validation = { ...validation, x: applyStandardize(validation.x, stats) };
    test = { ...test, x: applyStandardize(test.x, stats) };
  }
  return { train, validation, test, indices: { train: trainIdx, validation: valIdx, test: outer.test } };
}

export function parseFraction(flag: string, v: string, { allowZero = true } = {}): number {
  const x = Number(v);
  if (!(Number.isFinite(x) && (allowZero ? x >= 0 : x > 0) && x < 1)) throw new UsageError(`${flag} must be a fraction in ${allowZero ? '[0' : '(0'}, 1), got ${JSON.stringify(v)}`);
  return x;
}
