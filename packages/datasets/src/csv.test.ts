import { InvalidArgumentError, isLabError } from '@lab/core';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../test/fixtures';
import { parseCsv } from './csv';
import { DataFormatError } from './errors';

function formatError(fn: () => unknown): DataFormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFormatError);
    expect(isLabError(e)).toBe(true);
    return e as DataFormatError;
  }
  throw new Error('expected a DataFormatError');
}

describe('parseCsv', () => {
  it('detects a header, maps string labels to sorted integers and returns the mapping', () => {
    const t = parseCsv(fixtureText('iris-head.csv'));
    expect(t.header).toBe(true);
    expect(t.labelType).toBe('class');
    if (t.labelType !== 'class') return;
    expect(t.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(t.labelName).toBe('species');
    expect(t.labelColumn).toBe(4);
    expect(t.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(t.nClasses).toBe(3);
    expect([...t.y]).toEqual([0, 1, 2, 0]);
    expect(t.nSamples).toBe(4);
    expect(t.nFeatures).toBe(4);
    expect([...t.x.subarray(4, 8)]).toEqual([7, 3.2, 4.7, 1.4].map(Math.fround));
  });

  it('reads a file without a header, integer labels as classes', () => {
    const t = parseCsv(fixtureText('no-header.csv'));
    expect(t.header).toBe(false);
    expect(t.featureNames).toEqual(['x0', 'x1']);
    expect(t.labelName).toBeNull();
    expect(t.labelType).toBe('class');
    expect([...t.x]).toEqual([1, 2, 3, 4, 5, 6, -150, 0.25]);
    expect([...(t.y as Int32Array)]).toEqual([0, 1, 1, 0]);
  });

  it('chooses the label column by name or by (negative) index', () => {
    const byName = parseCsv(fixtureText('label-first-crlf.csv'), { labelColumn: 'class' });
    const byIndex = parseCsv(fixtureText('label-first-crlf.csv'), { labelColumn: 0 });
    const byNegative = parseCsv(fixtureText('label-first-crlf.csv'), { labelColumn: -3 });
    for (const t of [byName, byIndex, byNegative]) {
      expect(t.featureNames).toEqual(['width, cm', 'height']);
      expect(t.labelColumn).toBe(0);
      expect([...t.x]).toEqual([1.5, 2, 3, 4, 5, 6]);
      expect([...(t.y as Int32Array)]).toEqual([1, 0, 1]);
    }
    // With the default (last column) label, the string column becomes a feature and is rejected.
    expect(() => parseCsv(fixtureText('label-first-crlf.csv'))).toThrow(/CSV line 2, column 1 \("class"\): "b" is not a number/);
  });

  it('rejects a label column out of range or unknown, naming the columns', () => {
    const text = fixtureText('iris-head.csv');
    expect(() => parseCsv(text, { labelColumn: 5 })).toThrow(/labelColumn must be a column index in \[-5, 4\] \(the CSV has 5 columns\)/);
    expect(() => parseCsv(text, { labelColumn: -6 })).toThrow(InvalidArgumentError);
    expect(() => parseCsv(text, { labelColumn: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => parseCsv(text, { labelColumn: 'Species' })).toThrow(/one of "sepal_length", .*"species"/);
    expect(() => parseCsv(fixtureText('no-header.csv'), { labelColumn: 'y' })).toThrow(/no header/);
  });

  it('reads a numeric target when labels are not all integers, or when asked', () => {
    const auto = parseCsv(fixtureText('regression.csv'));
    expect(auto.labelType).toBe('number');
    expect(auto.y).toBeInstanceOf(Float32Array);
    expect([...(auto.y as Float32Array)]).toEqual([0.1, 1.9, 4.2].map(Math.fround));
    const forced = parseCsv(fixtureText('no-header.csv'), { labelType: 'number' });
    expect([...forced.y]).toEqual([0, 1, 1, 0]);
    expect(() => parseCsv('x,y\n1,a\n', { labelType: 'number' })).toThrow(/line 2, column 2 \("y"\): "a" is not a number/);
  });

  it('reads every column as a feature with labelColumn: null', () => {
    const t = parseCsv(fixtureText('no-header.csv'), { labelColumn: null });
    expect(t.labelType).toBe('none');
    expect(t.y).toBeNull();
    expect(t.nFeatures).toBe(3);
  });

  it('honours a delimiter, a forced header setting and quoted fields with delimiters, quotes and newlines', () => {
    const t = parseCsv(fixtureText('semicolon.csv'), { delimiter: ';' });
    expect(t.featureNames).toEqual(['a', 'b']);
    expect(t.labelType).toBe('number');
    const noHeader = parseCsv('1,2\n3,4\n', { header: false, labelColumn: null });
    expect(noHeader.nSamples).toBe(2);
    const forcedHeader = parseCsv('1,2\n3,4\n', { header: true, labelColumn: null });
    expect(forcedHeader.featureNames).toEqual(['1', '2']);
    expect(forcedHeader.nSamples).toBe(1);
    const quoted = parseCsv('"a ""q""","multi\nline",label\n1,2,"x, y"\n3,4,z', { header: true, labelType: 'class' });
    expect(quoted.featureNames).toEqual(['a "q"', 'multi\nline']);
    expect(quoted.classNames).toEqual(['x, y', 'z']);
    expect(quoted.nSamples).toBe(2);
  });

  it('maps numeric class labels numerically ("10" after "9", "1.0" = "1")', () => {
    const t = parseCsv('a,y\n0,10\n1,9\n2,1.0\n3,1\n');
    if (t.labelType !== 'class') throw new Error(`labelType ${t.labelType}`);
    expect(t.classNames).toEqual(['1', '9', '10']);
    expect([...(t.y as Int32Array)]).toEqual([2, 1, 0, 0]);
  });

  it('uses a fixed classNames mapping and rejects labels outside it', () => {
    const t = parseCsv(fixtureText('iris-head.csv'), { classNames: ['virginica', 'setosa', 'versicolor'] });
    expect([...(t.y as Int32Array)]).toEqual([1, 2, 0, 1]);
    const e = formatError(() => parseCsv(fixtureText('iris-head.csv'), { classNames: ['setosa', 'virginica'] }));
    expect(e.message).toMatch(/line 3, column 5 \("species"\): label "versicolor" is not one of classNames/);
    expect(() => parseCsv(fixtureText('iris-head.csv'), { classNames: ['a', 'a'] })).toThrow(/distinct/);
  });

  it('reports ragged rows with the line number', () => {
    const e = formatError(() => parseCsv(fixtureText('ragged.csv')));
    expect(e.message).toBe('CSV line 3: ragged row: 2 cells, but the first row has 3');
    expect(e.line).toBe(3);
    expect(e.format).toBe('csv');
  });

  it('reports non-numeric, empty and NaN cells with line, column and column name', () => {
    const e1 = formatError(() => parseCsv(fixtureText('non-numeric.csv')));
    expect(e1.message).toBe('CSV line 3, column 2 ("b"): "oops" is not a number');
    expect([e1.line, e1.column]).toEqual([3, 2]);
    const e2 = formatError(() => parseCsv(fixtureText('empty-cell.csv')));
    expect(e2.message).toMatch(/line 3, column 2 \("b"\): empty cell/);
    const e3 = formatError(() => parseCsv(fixtureText('nan-cell.csv')));
    expect(e3.message).toMatch(/line 2, column 2 \("b"\): "NaN" is not a number/);
    const e4 = formatError(() => parseCsv('1,1e39,0\n'));
    expect(e4.message).toMatch(/out of the float32 range/);
  });

  it('counts lines across CRLF and skipped blank lines', () => {
    const e = formatError(() => parseCsv('a,b\r\n1,0\r\n\r\nx,1\r\n', { header: true }));
    expect(e.line).toBe(4);
  });

  it('reports unterminated quotes, text after a closing quote, empty input and a header without rows', () => {
    expect(formatError(() => parseCsv(fixtureText('unterminated-quote.csv'))).message).toMatch(/line 2: unterminated quoted field/);
    expect(formatError(() => parseCsv('"a"b,c\n1,2\n')).message).toMatch(/unexpected "b" after a closing quote/);
    expect(formatError(() => parseCsv('')).message).toMatch(/no rows/);
    expect(formatError(() => parseCsv('\n\n')).message).toMatch(/no rows/);
    expect(formatError(() => parseCsv(fixtureText('header-only.csv'))).message).toMatch(/header but no data rows/);
  });

  it('ignores a BOM and a missing final newline', () => {
    const t = parseCsv('\ufeffa,y\n1,0\n2,1');
    expect(t.featureNames).toEqual(['a']);
    expect(t.nSamples).toBe(2);
  });

  it('rejects bad options by name', () => {
    expect(() => parseCsv('1,2\n', { delimiter: ',,' })).toThrow(/delimiter/);
    expect(() => parseCsv('1,2\n', { header: 'yes' as never })).toThrow(/header/);
    expect(() => parseCsv('1,2\n', { labelType: 'int' as never })).toThrow(/labelType/);
    expect(() => parseCsv('1,2\n', { label: 0 } as never)).toThrow(/unknown option "label"/);
    expect(() => parseCsv(42 as never)).toThrow(/text must be a string/);
  });

  it('reads a group column as text ids, left out of the features', () => {
    const text = 'patient,a,b,label\np1,1,2,0\np1,3,4,1\np2,5,6,0\n p3 ,7,8,1\n';
    const t = parseCsv(text, { labelColumn: 'label', groupColumn: 'patient' });
    expect(t.groups).toEqual(['p1', 'p1', 'p2', 'p3']);
    expect(t.groupColumn).toBe(0);
    expect(t.featureNames).toEqual(['a', 'b']);
    expect([...t.x]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseCsv(text, { labelColumn: -1, groupColumn: 0 }).groups).toEqual(t.groups);
    expect(parseCsv('a,b,label\n1,2,0\n').groups).toBeNull();
    expect(parseCsv(text, { groupColumn: 'patient' }).featureNames).toEqual(['a', 'b']);
    const same = (() => {
      try {
        parseCsv(text, { labelColumn: 'label', groupColumn: 'label' });
      } catch (e) {
        return e;
      }
    })();
    expect(same).toBeInstanceOf(InvalidArgumentError);
    expect((same as InvalidArgumentError).argument).toBe('groupColumn');
    expect(() => parseCsv(text, { groupColumn: 'nope' })).toThrow(/groupColumn must be a column name, one of/);
    expect(() => parseCsv('1,2,0\n3,4,1\n', { groupColumn: 'g' })).toThrow(/groupColumn must be a column index \(the CSV has no header/);
    expect(formatError(() => parseCsv('g,a,y\n,1,0\n', { groupColumn: 'g' })).message).toMatch(/line 2, column 1 \("g"\): empty group id/);
  });
});
