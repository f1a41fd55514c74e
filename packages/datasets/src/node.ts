/**
 * Node-only helpers that read files from disk (and gunzip them). Kept in their own subpath,
 * `@lab/datasets/node`, so the main entry stays free of Node APIs and safe for browsers.
 */
import { readFile } from 'node:fs/promises';
import { gunzip as zlibGunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { CsvClassification, CsvOptions, CsvRegression, CsvTable, CsvUnlabelled } from './csv';
import { parseCsv } from './csv';
import { DataFormatError } from './errors';
import { isGzip, parseIdx, type IdxArray } from './idx';
import { idxToDataset, type IdxDatasetOptions } from './idx-dataset';
import type { Dataset } from './types';

const gunzipAsync = promisify(zlibGunzip);

/**
 * Reads a file's bytes, decompressing it when it starts with the gzip magic number (whatever its
 * name). A corrupt or truncated gzip stream throws a {@link DataFormatError} (`format: 'gzip'`)
 * naming the file.
 *
 * @example
 * const bytes = await readBytes('train-images-idx3-ubyte.gz');
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  const raw = new Uint8Array(await readFile(path));
  if (!isGzip(raw)) return raw;
  try {
    return new Uint8Array(await gunzipAsync(raw));
  } catch (error) {
    throw new DataFormatError('gzip', `gzip: ${path}: corrupt or truncated data (${(error as Error).message})`, path, 'a complete gzip stream');
  }
}

/**
 * Reads an IDX file (MNIST format; `.gz` or not) with {@link parseIdx}. Format errors name the file.
 *
 * @example
 * const images = await readIdxFile('t10k-images-idx3-ubyte.gz'); // shape [10000, 28, 28]
 */
export async function readIdxFile(path: string): Promise<IdxArray> {
  const bytes = await readBytes(path);
  try {
    return parseIdx(bytes);
  } catch (error) {
    throw renamed(error, path);
  }
}

/**
 * Reads an image IDX file and a label IDX file into a {@link Dataset} with {@link idxToDataset}.
 *
 * @example
 * const test = await readIdxDataset('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', { scale: 1 / 255, name: 'mnist-test' });
 */
export async function readIdxDataset(imagesPath: string, labelsPath: string, options: IdxDatasetOptions = {}): Promise<Dataset> {
  const [images, labels] = await Promise.all([readIdxFile(imagesPath), readIdxFile(labelsPath)]);
  return idxToDataset(images, labels, { source: `IDX files ${imagesPath}, ${labelsPath}`, ...options });
}

/**
 * Reads a CSV file (UTF-8, `.gz` or not) with {@link parseCsv}; same options and result. Format
 * errors name the file.
 *
 * @example
 * const table = await readCsvFile('train.csv', { labelColumn: 'species' });
 */
export async function readCsvFile(path: string, options: CsvOptions & { readonly labelType: 'class' }): Promise<CsvClassification>;
export async function readCsvFile(path: string, options: CsvOptions & { readonly labelType: 'number' }): Promise<CsvRegression>;
export async function readCsvFile(path: string, options: CsvOptions & { readonly labelColumn: null }): Promise<CsvUnlabelled>;
export async function readCsvFile(path: string, options?: CsvOptions): Promise<CsvTable>;
export async function readCsvFile(path: string, options: CsvOptions = {}): Promise<CsvTable> {
  const text = new TextDecoder('utf-8').decode(await readBytes(path));
  try {
    const table = parseCsv(text, { name: path, ...options });
    return table.labelType === 'class' ? { ...table, source: `CSV file ${path}` } : table;
  } catch (error) {
    throw renamed(error, path);
  }
}

/** The same format error with the file path in front of its message. */
function renamed(error: unknown, path: string): unknown {
  if (!(error instanceof DataFormatError)) return error;
  return new DataFormatError(error.format, `${path}: ${error.message}`, error.value, error.expected, { line: error.line, column: error.column, offset: error.offset });
}
