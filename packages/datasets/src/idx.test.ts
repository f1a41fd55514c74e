import { isLabError } from '@lab/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../test/fixtures';
import { DataFormatError } from './errors';
import { encodeIdx, isGzip, parseIdx, type IdxData } from './idx';
import { idxToDataset } from './idx-dataset';

describe('parseIdx on fixtures written by Python struct', () => {
  it('reads a 3-d ubyte image file (MNIST layout)', () => {
    const a = parseIdx(fixtureBytes('images-3x2x2-ubyte.idx'));
    expect(a.dtype).toBe('uint8');
    expect(a.shape).toEqual([3, 2, 2]);
    expect(a.data).toBeInstanceOf(Uint8Array);
    expect([...a.data]).toEqual(Array.from({ length: 12 }, (_, i) => i * 20));
  });

  it('reads every element type big-endian', () => {
    const i8 = parseIdx(fixtureBytes('int8-4.idx'));
    expect(i8.dtype).toBe('int8');
    expect([...i8.data]).toEqual([-128, -1, 0, 127]);
    const i16 = parseIdx(fixtureBytes('int16-3.idx'));
    expect(i16.data).toBeInstanceOf(Int16Array);
    expect([...i16.data]).toEqual([-300, 0, 32767]);
    const i32 = parseIdx(fixtureBytes('int32-2x2.idx'));
    expect(i32.shape).toEqual([2, 2]);
    expect([...i32.data]).toEqual([-1, 2147483647, -2147483648, 5]);
    const f32 = parseIdx(fixtureBytes('float32-2x3.idx'));
    expect(f32.dtype).toBe('float32');
    expect([...f32.data]).toEqual([1.5, -2.25, Math.fround(0.003), 0, Math.fround(1e30), -7]);
    const f64 = parseIdx(fixtureBytes('float64-1x1x1x2.idx'));
    expect(f64.shape).toEqual([1, 1, 1, 2]);
    expect([...f64.data]).toEqual([0.1, -1e-300]);
  });

  it('reads 0-d (scalar) and empty arrays', () => {
    expect(parseIdx(fixtureBytes('scalar-ubyte.idx'))).toEqual({ dtype: 'uint8', shape: [], data: new Uint8Array([42]) });
    const empty = parseIdx(fixtureBytes('empty-0x5-ubyte.idx'));
    expect(empty.shape).toEqual([0, 5]);
    expect(empty.data.length).toBe(0);
  });

  it('accepts an ArrayBuffer and a Uint8Array view with an offset', () => {
    const bytes = fixtureBytes('labels-3-ubyte.idx');
    expect([...parseIdx(bytes.slice().buffer).data]).toEqual([2, 0, 1]);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect([...parseIdx(padded.subarray(3)).data]).toEqual([2, 0, 1]);
  });

  const rejects = (name: string, pattern: RegExp): void => {
    let error: unknown;
    try {
      parseIdx(fixtureBytes(name));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFormatError);
    expect(isLabError(error)).toBe(true);
    expect((error as DataFormatError).format).toBe('idx');
    expect((error as Error).message).toMatch(pattern);
  };

  it('rejects malformed and truncated files with a DataFormatError that says why', () => {
    rejects('bad-magic.idx', /bad magic number: the first two bytes are 01 00, expected 00 00/);
    rejects('bad-type.idx', /unknown data type code 0a/);
    rejects('truncated-header.idx', /truncated header: 3 dimensions need 16 header bytes, the data has 9/);
    rejects('truncated-data.idx', /truncated: shape \[3, 2, 2\] of uint8 needs 16 \+ 12 = 28 bytes, the data has 25/);
    rejects('trailing-bytes.idx', /trailing bytes: .* 28 bytes, the data has 29/);
    rejects('images-3x2x2-ubyte.idx.gz', /gzip-compressed/);
  });

  it('rejects inputs that are not bytes, and headers shorter than 4 bytes', () => {
    expect(() => parseIdx([0, 0, 8, 1] as unknown as Uint8Array)).toThrow(/Uint8Array or an ArrayBuffer/);
    expect(() => parseIdx(new Uint8Array([0, 0]))).toThrow(DataFormatError);
  });

  it('recognises gzip data', () => {
    expect(isGzip(fixtureBytes('labels-3-ubyte.idx.gz'))).toBe(true);
    expect(isGzip(fixtureBytes('labels-3-ubyte.idx'))).toBe(false);
  });
});

describe('encodeIdx', () => {
  it('writes the same bytes as the Python fixtures', () => {
    expect(encodeIdx(new Uint8Array(Array.from({ length: 12 }, (_, i) => i * 20)), [3, 2, 2])).toEqual(fixtureBytes('images-3x2x2-ubyte.idx'));
    expect(encodeIdx(new Int32Array([-1, 2147483647, -2147483648, 5]), [2, 2])).toEqual(fixtureBytes('int32-2x2.idx'));
    expect(encodeIdx(new Float64Array([0.1, -1e-300]), [1, 1, 1, 2])).toEqual(fixtureBytes('float64-1x1x1x2.idx'));
  });

  it('round-trips through parseIdx for every type and shape (property)', () => {
    const ctors = [Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array, Float64Array] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }), fc.integer(), (t, shape, seed) => {
        const n = shape.reduce((a, b) => a * b, 1);
        const Ctor = ctors[t];
        const data = new Ctor(n) as IdxData;
        for (let i = 0; i < n; i++) data[i] = ((seed + i * 7919) % 1000) / (t >= 4 ? 8 : 1) - (t === 0 ? 0 : 100);
        const back = parseIdx(encodeIdx(data, shape));
        expect(back.shape).toEqual(shape);
        expect(back.data).toEqual(data);
      }),
    );
  });

  it('rejects a shape that does not match the data', () => {
    expect(() => encodeIdx(new Uint8Array(5), [2, 3])).toThrow(/data has 5 entries but shape \[2, 3\] has 6/);
    expect(() => encodeIdx(new Uint8Array(1), [1.5])).toThrow(/shape must be/);
    expect(() => encodeIdx([1] as unknown as Uint8Array, [1])).toThrow(/data must be/);
  });
});

describe('idxToDataset', () => {
  it('pairs images and labels, flattening the trailing dimensions', () => {
    const ds = idxToDataset(parseIdx(fixtureBytes('images-3x2x2-ubyte.idx')), parseIdx(fixtureBytes('labels-3-ubyte.idx')), { scale: 1 / 255, name: 'tiny' });
    expect(ds.name).toBe('tiny');
    expect(ds.nSamples).toBe(3);
    expect(ds.nFeatures).toBe(4);
    expect(ds.nClasses).toBe(3);
    expect([...ds.y]).toEqual([2, 0, 1]);
    expect(ds.x[5]).toBe(Math.fround(100 / 255));
    expect(ds.classNames).toEqual(['0', '1', '2']);
  });

  it('rejects mismatched counts, float labels and too few classes', () => {
    const images = parseIdx(fixtureBytes('images-3x2x2-ubyte.idx'));
    expect(() => idxToDataset(images, parseIdx(encodeIdx(new Uint8Array([1, 2]), [2])))).toThrow(/labels has 2 entries but images has 3/);
    expect(() => idxToDataset(images, parseIdx(encodeIdx(new Float32Array([1, 2, 3]), [3])))).toThrow(/integer type/);
    expect(() => idxToDataset(images, parseIdx(fixtureBytes('labels-3-ubyte.idx')), { nClasses: 2 })).toThrow(/nClasses/);
    expect(() => idxToDataset(images, parseIdx(fixtureBytes('labels-3-ubyte.idx')), { classNames: ['a', 'b', 'c', 'd'], nClasses: 3 })).toThrow(/classNames/);
    expect(() => idxToDataset(images, parseIdx(encodeIdx(new Int8Array([0, -1, 1]), [3])))).toThrow(/labels\[1\]/);
  });
});
