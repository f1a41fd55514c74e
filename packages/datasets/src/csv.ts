import { InvalidArgumentError } from '@lab/core';
import { checkOptions } from './check';
import { defaultFeatureNames } from './dataset';
import { DataFormatError } from './errors';
import type { Dataset } from './types';

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Field separator, one character (not `"`, CR or LF). Default `','`. */
  readonly delimiter?: string;
  /**
   * Whether the first row holds column names. `'auto'` (default) treats it as a header when some
   * column has a non-numeric first cell above a numeric second cell (with a single row: when every
   * cell is non-numeric).
   */
  readonly header?: boolean | 'auto';
  /**
   * The label column: a 0-based index (negative counts from the end, `-1` is the last column), a
   * header name, or `null` for no label (every column is a feature). Default `-1`.
   */
  readonly labelColumn?: number | string | null;
  /**
   * How to read the label column. `'class'`: class labels, mapped to integers `0..k-1` (see
   * `classNames`); `'number'`: a numeric regression target; `'auto'` (default): `'number'` when
   * every label is a number and at least one is not an integer, otherwise `'class'`.
   */
  readonly labelType?: 'auto' | 'class' | 'number';
  /**
   * A fixed class mapping for `'class'` labels: label text `classNames[k]` becomes class `k`, and
   * any other label is an error (use the training file's `classNames` when reading its test file,
   * so both map alike). Default: the distinct labels sorted, numerically when they are all numbers,
   * otherwise as strings (as scikit-learn's `LabelEncoder`).
   */
  readonly classNames?: readonly string[];
  /**
   * A column of group ids (an index or header name, like `labelColumn`): read as text into the
   * result's `groups` and left out of the features, for group-aware splitters such as
   * `groupKFold` (patients, sessions, sites). Default: none.
   */
  readonly groupColumn?: number | string | null;
  /** `name` of the result. Default `'csv'`. */
  readonly name?: string;
}

interface CsvCommon {
  readonly name: string;
  /** Feature values, `nSamples × nFeatures`, row-major (the label column removed). */
  readonly x: Float32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  /** Header names of the feature columns, or `x0, x1, ...` without a header. */
  readonly featureNames: readonly string[];
  /** Whether the first row was read as a header. */
  readonly header: boolean;
  /** 0-based index of the label column in the file, or `null`. */
  readonly labelColumn: number | null;
  /** Header name of the label column (`null` without a header or label). */
  readonly labelName: string | null;
  /** 0-based index of the group column in the file, or `null`. */
  readonly groupColumn: number | null;
  /** The group id (cell text) of each sample when `groupColumn` was given, else `null`. */
  readonly groups: readonly string[] | null;
}

/** A CSV with class labels: a {@link Dataset} plus what was read from the file. */
export interface CsvClassification extends Dataset, CsvCommon {
  readonly labelType: 'class';
  readonly name: string;
  readonly x: Float32Array;
  readonly featureNames: readonly string[];
}

/** A CSV with a numeric target. */
export interface CsvRegression extends CsvCommon {
  readonly labelType: 'number';
  readonly y: Float32Array;
}

/** A CSV without a label column. */
export interface CsvUnlabelled extends CsvCommon {
  readonly labelType: 'none';
  readonly y: null;
}

/** What {@link parseCsv} returns; narrow on `labelType`. */
export type CsvTable = CsvClassification | CsvRegression | CsvUnlabelled;

interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Splits CSV text into records (RFC 4180 quoting; CRLF, LF or CR line ends; blank lines skipped). */
function tokenize(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRecord = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && cell.trim() === '') {
      const openLine = line;
      i++;
      let value = '';
      for (;;) {
        if (i >= n) throw new DataFormatError('csv', `CSV line ${openLine}: unterminated quoted field`, value, 'a closing "', { line: openLine, column: cells.length + 1 });
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        value += c;
        i++;
      }
      // Only spaces may follow the closing quote before the delimiter or line end.
      while (i < n && (text[i] === ' ' || text[i] === '\t') && text[i] !== delimiter) i++;
      if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r')
        throw new DataFormatError('csv', `CSV line ${line}, column ${cells.length + 1}: unexpected ${JSON.stringify(text[i])} after a closing quote`, text[i], 'a delimiter or a line end', {
          line,
          column: cells.length + 1,
        });
      cell = value;
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function isNumeric(cell: string): boolean {
  return NUMBER.test(cell.trim());
}

/**
 * Parses CSV text into features and labels. Every feature cell must be a finite decimal number
 * (`12`, `-0.5`, `1e-3`); an empty cell, `NaN`, `inf` or any other text throws a
 * {@link DataFormatError} naming the line and column, as does a row with a different number of
 * cells from the first (ragged rows), an unterminated quote or a file without data rows. Fields
 * may be quoted (`"a, b"`, `""` for a quote), lines end in LF, CRLF or CR, a UTF-8 BOM is ignored
 * and blank lines are skipped.
 *
 * The result's `labelType` tells which of three shapes it has: `'class'` (a {@link Dataset} with
 * `y: Int32Array` and the mapping in `classNames`), `'number'` (`y: Float32Array`) or `'none'`.
 *
 * @example
 * const table = parseCsv('sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n', { labelColumn: 'species' });
 * if (table.labelType === 'class') table.classNames; // ['setosa', 'versicolor'], y = [0, 1]
 */
export function parseCsv(text: string, options: CsvOptions & { readonly labelType: 'class' }): CsvClassification;
export function parseCsv(text: string, options: CsvOptions & { readonly labelType: 'number' }): CsvRegression;
export function parseCsv(text: string, options: CsvOptions & { readonly labelColumn: null }): CsvUnlabelled;
export function parseCsv(text: string, options?: CsvOptions): CsvTable;
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  checkOptions('parseCsv', options, ['delimiter', 'header', 'labelColumn', 'labelType', 'classNames', 'groupColumn', 'name']);
  if (typeof text !== 'string') throw new InvalidArgumentError('text', text, 'a string');
  const delimiter = options.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
    throw new InvalidArgumentError('delimiter', delimiter, 'one character other than ", CR and LF');
  const headerOpt = options.header ?? 'auto';
  if (headerOpt !== true && headerOpt !== false && headerOpt !== 'auto') throw new InvalidArgumentError('header', headerOpt, "true, false or 'auto'");
  const labelType = options.labelType ?? 'auto';
  if (labelType !== 'auto' && labelType !== 'class' && labelType !== 'number') throw new InvalidArgumentError('labelType', labelType, "'auto', 'class' or 'number'");
  const labelOpt = options.labelColumn === undefined ? -1 : options.labelColumn;

  const records = tokenize(text, delimiter);
  if (records.length === 0) throw new DataFormatError('csv', 'CSV: no rows (the text is empty)', text, 'at least one data row');
  const nColumns = records[0].cells.length;
  for (const r of records)
    if (r.cells.length !== nColumns)
      throw new DataFormatError('csv', `CSV line ${r.line}: ragged row: ${r.cells.length} cells, but the first row has ${nColumns}`, r.cells.length, `${nColumns} cells`, { line: r.line });

  const first = records[0].cells;
  const header =
    headerOpt === 'auto'
      ? records.length === 1
        ? first.every((c) => !isNumeric(c))
        : first.some((c, j) => !isNumeric(c) && isNumeric(records[1].cells[j]))
      : headerOpt;
  const names = header ? first.map((c, j) => c.trim() || `x${j}`) : defaultFeatureNames(nColumns);
  const rows = header ? records.slice(1) : records;
  if (rows.length === 0) throw new DataFormatError('csv', 'CSV: a header but no data rows', 0, 'at least one data row', { line: records[0].line });

  /** A column option (index, negative from the end, or header name) as a 0-based index. */
  const column = (argument: string, opt: number | string): number => {
    if (typeof opt === 'string') {
      if (!header) throw new InvalidArgumentError(argument, opt, 'a column index (the CSV has no header, so columns have no names)');
      const found = names.indexOf(opt);
      if (found < 0) throw new InvalidArgumentError(argument, opt, `a column name, one of ${names.map((s) => JSON.stringify(s)).join(', ')}`);
      return found;
    }
    if (typeof opt !== 'number' || !Number.isInteger(opt) || opt < -nColumns || opt >= nColumns)
      throw new InvalidArgumentError(argument, opt, `a column index in [${-nColumns}, ${nColumns - 1}] (the CSV has ${nColumns} columns), a column name or null`);
    return opt < 0 ? nColumns + opt : opt;
  };
  const labelColumn = labelOpt === null ? null : column('labelColumn', labelOpt);
  const groupOpt = options.groupColumn ?? null;
  const groupColumn = groupOpt === null ? null : column('groupColumn', groupOpt);
  if (groupColumn !== null && groupColumn === labelColumn) throw new InvalidArgumentError('groupColumn', groupOpt, 'a column other than the label column');
  const featureColumns = names.map((_, j) => j).filter((j) => j !== labelColumn && j !== groupColumn);
  const nFeatures = featureColumns.length;
  const nSamples = rows.length;
  const x = new Float32Array(nSamples * nFeatures);
  rows.forEach((r, i) => {
    featureColumns.forEach((col, j) => {
      x[i * nFeatures + j] = parseNumber(r.cells[col], r.line, col, header ? names[col] : null);
    });
  });
  const common = {
    name: options.name ?? 'csv',
    x,
    nSamples,
    nFeatures,
    featureNames: featureColumns.map((j) => names[j]),
    header,
    labelColumn,
    labelName: labelColumn !== null && header ? names[labelColumn] : null,
    groupColumn,
    groups:
      groupColumn === null
        ? null
        : rows.map((r) => {
            const g = r.cells[groupColumn].trim();
            if (g === '') throw new DataFormatError('csv', `${where(r.line, groupColumn, header ? names[groupColumn] : null)}: empty group id`, g, 'a group id', { line: r.line, column: groupColumn + 1 });
            return g;
          }),
  };
  if (labelColumn === null) {
    if (options.labelType !== undefined || options.classNames !== undefined)
      throw new InvalidArgumentError('labelColumn', null, 'a column when labelType or classNames is given');
    return { ...common, labelType: 'none', y: null };
  }
  const lc = labelColumn;
  const labels = rows.map((r) => r.cells[lc].trim());
  const kind = labelType !== 'auto' ? labelType : options.classNames === undefined && labels.every(isNumeric) && labels.some((l) => !Number.isInteger(Number(l))) ? 'number' : 'class';
  if (kind === 'number') {
    if (options.classNames !== undefined) throw new InvalidArgumentError('classNames', options.classNames, "undefined when labelType is 'number'");
    const y = new Float32Array(nSamples);
    rows.forEach((r, i) => (y[i] = parseNumber(r.cells[lc], r.line, lc, common.labelName)));
    return { ...common, labelType: 'number', y };
  }
  const { y, classNames } = encodeLabels(labels, rows, lc, common.labelName, options.classNames);
  return {
    ...common,
    labelType: 'class',
    y,
    nClasses: classNames.length,
    classNames,
    source: 'CSV file',
    url: null,
    citation: null,
    licence: null,
  };
}

function where(line: number, col: number, name: string | null): string {
  return `CSV line ${line}, column ${col + 1}${name === null ? '' : ` (${JSON.stringify(name)})`}`;
}

function parseNumber(cell: string, line: number, col: number, name: string | null): number {
  const s = cell.trim();
  if (s === '') throw new DataFormatError('csv', `${where(line, col, name)}: empty cell (missing value); expected a number`, cell, 'a number', { line, column: col + 1 });
  if (!NUMBER.test(s)) throw new DataFormatError('csv', `${where(line, col, name)}: ${JSON.stringify(s)} is not a number`, cell, 'a finite decimal number', { line, column: col + 1 });
  const v = Number(s);
  if (!Number.isFinite(v) || Math.abs(v) > 3.4028234663852886e38)
    throw new DataFormatError('csv', `${where(line, col, name)}: ${s} is out of the float32 range`, cell, 'a finite float32 number', { line, column: col + 1 });
  return v;
}

function encodeLabels(
  labels: string[],
  rows: CsvRecord[],
  col: number,
  name: string | null,
  fixed: readonly string[] | undefined,
): { y: Int32Array; classNames: string[] } {
  const y = new Int32Array(labels.length);
  const numeric = labels.every(isNumeric);
  // Numeric labels are compared as numbers, so "1" and "1.0" are one class.
  const key = (l: string): string => (numeric ? String(Number(l)) : l);
  let classNames: string[];
  if (fixed !== undefined) {
    if (!Array.isArray(fixed) || !fixed.every((c) => typeof c === 'string') || new Set(fixed).size !== fixed.length)
      throw new InvalidArgumentError('classNames', fixed, 'an array of distinct strings');
    classNames = [...fixed];
  } else {
    const distinct = [...new Set(labels.map(key))];
    classNames = numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
  }
  const index = new Map<string, number>();
  classNames.forEach((c, k) => index.set(fixed !== undefined && numeric && isNumeric(c) ? key(c) : c, k));
  labels.forEach((l, i) => {
    if (l === '') throw new DataFormatError('csv', `${where(rows[i].line, col, name)}: empty label`, l, 'a class label', { line: rows[i].line, column: col + 1 });
    const k = index.get(key(l));
    if (k === undefined)
      throw new DataFormatError('csv', `${where(rows[i].line, col, name)}: label ${JSON.stringify(l)} is not one of classNames ${JSON.stringify(classNames)}`, l, `one of ${classNames.join(', ')}`, {
        line: rows[i].line,
        column: col + 1,
      });
    y[i] = k;
  });
  return { y, classNames };
}
