import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixturePath } from '../test/fixtures';
import { DataFormatError } from './errors';
import { gunzip } from './gunzip';
import { parseIdx } from './idx';
import { readBytes, readCsvFile, readIdxDataset, readIdxFile } from './node';

describe('@lab/datasets/node', () => {
  it('reads IDX files, gzip\'d or not, to the same array', async () => {
    const plain = await readIdxFile(fixturePath('images-3x2x2-ubyte.idx'));
    const gz = await readIdxFile(fixturePath('images-3x2x2-ubyte.idx.gz'));
    expect(gz).toEqual(plain);
    expect(plain.shape).toEqual([3, 2, 2]);
  });

  it('reads an MNIST-style pair of files into a Dataset', async () => {
    const ds = await readIdxDataset(fixturePath('images-3x2x2-ubyte.idx.gz'), fixturePath('labels-3-ubyte.idx.gz'), { scale: 1 / 255 });
    expect(ds.nSamples).toBe(3);
    expect(ds.nFeatures).toBe(4);
    expect([...ds.y]).toEqual([2, 0, 1]);
    expect(ds.source).toMatch(/images-3x2x2-ubyte\.idx\.gz/);
  });

  it('names the file in format errors', async () => {
    await expect(readIdxFile(fixturePath('truncated-data.idx'))).rejects.toThrow(/truncated-data\.idx: IDX: truncated/);
    await expect(readIdxFile(fixturePath('truncated.idx.gz'))).rejects.toThrow(DataFormatError);
    await expect(readIdxFile(fixturePath('truncated.idx.gz'))).rejects.toThrow(/truncated\.idx\.gz: corrupt or truncated/);
    await expect(readCsvFile(fixturePath('ragged.csv'))).rejects.toThrow(/ragged\.csv: CSV line 3: ragged row/);
    const error = await readCsvFile(fixturePath('non-numeric.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFormatError);
    expect((error as DataFormatError).line).toBe(3);
  });

  it('reads CSV files, gzip\'d or not', async () => {
    const a = await readCsvFile(fixturePath('iris-head.csv'), { labelType: 'class' });
    const b = await readCsvFile(fixturePath('iris-head.csv.gz'), { labelType: 'class' });
    expect(b.x).toEqual(a.x);
    expect(b.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(a.source).toMatch(/iris-head\.csv/);
  });

  it('readBytes passes plain files through', async () => {
    expect(await readBytes(fixturePath('labels-3-ubyte.idx'))).toEqual(fixtureBytes('labels-3-ubyte.idx'));
  });
});

describe('gunzip (DecompressionStream, browser-safe)', () => {
  it('decompresses gzip data', async () => {
    expect(parseIdx(await gunzip(fixtureBytes('images-3x2x2-ubyte.idx.gz')))).toEqual(parseIdx(fixtureBytes('images-3x2x2-ubyte.idx')));
    expect(await gunzip(fixtureBytes('labels-3-ubyte.idx.gz').slice().buffer)).toEqual(fixtureBytes('labels-3-ubyte.idx'));
  });

  it('rejects truncated and non-gzip data with DataFormatError', async () => {
    await expect(gunzip(fixtureBytes('truncated.idx.gz'))).rejects.toThrow(/gzip: corrupt or truncated/);
    await expect(gunzip(fixtureBytes('labels-3-ubyte.idx'))).rejects.toThrow(/not gzip data/);
    await expect(gunzip('x' as never)).rejects.toThrow(/input must be/);
  });
});
