import { InvalidArgumentError } from '@lab/core';

/** Where in a file a {@link DataFormatError} was found. */
export interface DataLocation {
  /** 1-based line number (CSV), when known. */
  readonly line?: number;
  /** 1-based column number (CSV), when known. */
  readonly column?: number;
  /** 0-based byte offset (IDX), when known. */
  readonly offset?: number;
}

/**
 * A file (CSV, IDX, gzip) that is malformed or truncated. Extends `InvalidArgumentError` from
 * @lab/core, so `isLabError(e)` recognises it; `format` names the format, `line` / `column` /
 * `offset` say where, and the message reads like
 * `CSV line 7, column 3 ("petal_width"): "abc" is not a number`.
 */
export class DataFormatError extends InvalidArgumentError {
  readonly format: 'csv' | 'idx' | 'gzip';
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly offset: number | undefined;

  constructor(format: 'csv' | 'idx' | 'gzip', message: string, value: unknown, expected: string, where: DataLocation = {}) {
    super(format, value, expected, message);
    this.format = format;
    this.line = where.line;
    this.column = where.column;
    this.offset = where.offset;
  }
}
