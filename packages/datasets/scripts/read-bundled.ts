/**
 * Reads the bundled CSV files in data/ (the source of truth) with Node APIs. Used by
 * generate-data.ts to write src/generated/*.ts and by test/bundled.test.ts to check them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export interface BundledMeta {
  readonly file: string;
  readonly layout: 'digits' | 'sklearn';
  readonly title: string;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly classNames: string[];
  readonly featureNames: string[] | string;
  readonly source: string;
  readonly url: string;
  readonly citation: string;
  readonly licence: string;
}

export interface BundledCsv {
  readonly name: string;
  readonly meta: BundledMeta;
  readonly featureNames: string[];
  /** Feature values, row-major, as float64 parsed from the CSV text. */
  readonly x: number[];
  readonly y: number[];
}

export const BUNDLED_NAMES = ['digits', 'iris', 'wine', 'breast-cancer'] as const;

export function readMetadata(): Record<string, BundledMeta> {
  return JSON.parse(readFileSync(DATA_DIR + 'metadata.json', 'utf8')) as Record<string, BundledMeta>;
}

function strictNumber(token: string, where: string): number {
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token)) throw new Error(`${where}: ${JSON.stringify(token)} is not a number`);
  return Number(token);
}

export function readBundled(name: string): BundledCsv {
  const meta = readMetadata()[name];
  if (!meta) throw new Error(`no metadata for ${name}`);
  const raw = readFileSync(DATA_DIR + meta.file);
  const text = (meta.file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  let body = lines;
  if (meta.layout === 'sklearn') {
    const head = lines[0].split(',');
    if (Number(head[0]) !== meta.nSamples || Number(head[1]) !== meta.nFeatures) throw new Error(`${meta.file}: header ${lines[0]} does not match metadata`);
    if (head.slice(2).join(',') !== meta.classNames.join(',')) throw new Error(`${meta.file}: class names ${head.slice(2)} do not match metadata`);
    body = lines.slice(1);
  }
  if (body.length !== meta.nSamples) throw new Error(`${meta.file}: ${body.length} rows, metadata says ${meta.nSamples}`);
  const x: number[] = [];
  const y: number[] = [];
  body.forEach((line, i) => {
    const cells = line.split(',');
    if (cells.length !== meta.nFeatures + 1) throw new Error(`${meta.file} row ${i + 1}: ${cells.length} cells`);
    for (let j = 0; j < meta.nFeatures; j++) x.push(strictNumber(cells[j], `${meta.file} row ${i + 1}`));
    const label = strictNumber(cells[meta.nFeatures], `${meta.file} row ${i + 1}`);
    if (!Number.isInteger(label) || label < 0 || label >= meta.classNames.length) throw new Error(`${meta.file} row ${i + 1}: bad label ${label}`);
    y.push(label);
  });
  const featureNames =
    typeof meta.featureNames === 'string'
      ? Array.from({ length: 64 }, (_, j) => `pixel_${Math.floor(j / 8)}_${j % 8}`)
      : meta.featureNames;
  if (featureNames.length !== meta.nFeatures) throw new Error(`${name}: ${featureNames.length} feature names`);
  return { name, meta, featureNames, x, y };
}
