import { InvalidArgumentError, LengthMismatchError } from '@lab/core';
import { DataFormatError } from './errors';

/** Element types of the IDX format, by name. */
export type IdxDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array that holds each {@link IdxDtype}. */
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** A decoded IDX file: an N-d array in row-major (C) order. */
export interface IdxArray {
  readonly dtype: IdxDtype;
  /** Sizes of the dimensions, outermost first (MNIST images: `[60000, 28, 28]`). */
  readonly shape: readonly number[];
  /** The values in native byte order, `shape.reduce(×)` entries. */
  readonly data: IdxData;
}

const CODES: Record<number, [IdxDtype, number]> = {
  0x08: ['uint8', 1],
  0x09: ['int8', 1],
  0x0b: ['int16', 2],
  0x0c: ['int32', 4],
  0x0d: ['float32', 4],
  0x0e: ['float64', 8],
};
const CODE_OF: Record<IdxDtype, number> = { uint8: 0x08, int8: 0x09, int16: 0x0b, int32: 0x0c, float32: 0x0d, float64: 0x0e };

function toBytes(argument: string, input: Uint8Array | ArrayBuffer): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new InvalidArgumentError(argument, input, 'a Uint8Array or an ArrayBuffer');
}

/** True when the bytes start with the gzip magic number `1f 8b`. */
export function isGzip(bytes: Uint8Array | ArrayBuffer): boolean {
  const b = toBytes('bytes', bytes);
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/**
 * Decodes a file in the IDX format of the MNIST database (big-endian):
 *
 *     bytes 0-1   0x00 0x00          magic number
 *     byte  2     type               0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64
 *     byte  3     n                  number of dimensions
 *     4n bytes    d_1 ... d_n        sizes, uint32 each
 *     then        d_1·…·d_n values
 *
 * Any number of dimensions is accepted. The file must be complete and exact: a bad magic number, an
 * unknown type, a header cut short, fewer bytes than the dimensions need (truncated) or more
 * (trailing bytes) throws a {@link DataFormatError} saying which. gzip'd input is recognised and
 * rejected with a hint: decompress it first with {@link gunzip}, or read the file with
 * `readIdxFile` from `@lab/datasets/node`, which does.
 *
 * @example
 * const images = parseIdx(bytes); // { dtype: 'uint8', shape: [10000, 28, 28], data: Uint8Array }
 *
 * @see http://yann.lecun.com/exdb/mnist/ (the format, at the bottom of the page)
 */
export function parseIdx(input: Uint8Array | ArrayBuffer): IdxArray {
  const bytes = toBytes('input', input);
  if (isGzip(bytes))
    throw new DataFormatError('idx', 'IDX: the data is gzip-compressed; decompress it first (gunzip(), or readIdxFile from @lab/datasets/node)', '1f 8b', 'an uncompressed IDX file', { offset: 0 });
  if (bytes.length < 4) throw new DataFormatError('idx', `IDX: truncated header: ${bytes.length} bytes, expected at least 4`, bytes.length, 'at least 4 bytes', { offset: bytes.length });
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const got = `${hex(bytes[0])} ${hex(bytes[1])}`;
    throw new DataFormatError('idx', `IDX: bad magic number: the first two bytes are ${got}, expected 00 00`, got, '00 00', { offset: 0 });
  }
  const code = CODES[bytes[2]];
  if (!code)
    throw new DataFormatError('idx', `IDX: unknown data type code ${hex(bytes[2])} in byte 2; expected 08, 09, 0b, 0c, 0d or 0e`, bytes[2], 'a type code 08, 09, 0b, 0c, 0d or 0e', {
      offset: 2,
    });
  const [dtype, size] = code;
  const nDims = bytes[3];
  const headerLength = 4 + 4 * nDims;
  if (bytes.length < headerLength)
    throw new DataFormatError('idx', `IDX: truncated header: ${nDims} dimensions need ${headerLength} header bytes, the data has ${bytes.length}`, bytes.length, `at least ${headerLength} bytes`, {
      offset: bytes.length,
    });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  let count = 1;
  for (let d = 0; d < nDims; d++) {
    const n = view.getUint32(4 + 4 * d, false);
    shape.push(n);
    count *= n;
  }
  const expected = headerLength + count * size;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'truncated' : 'trailing bytes';
    throw new DataFormatError(
      'idx',
      `IDX: ${what}: shape [${shape.join(', ')}] of ${dtype} needs ${headerLength} + ${count * size} = ${expected} bytes, the data has ${bytes.length}`,
      bytes.length,
      `${expected} bytes`,
      { offset: Math.min(bytes.length, expected) },
    );
  }
  return { dtype, shape, data: readValues(view, headerLength, dtype, count) };
}

function readValues(view: DataView, offset: number, dtype: IdxDtype, count: number): IdxData {
  switch (dtype) {
    case 'uint8':
      return new Uint8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count));
    case 'int8':
      return new Int8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count));
    case 'int16': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

const DTYPE_OF = (data: IdxData): IdxDtype | undefined =>
  data instanceof Uint8Array
    ? 'uint8'
    : data instanceof Int8Array
      ? 'int8'
      : data instanceof Int16Array
        ? 'int16'
        : data instanceof Int32Array
          ? 'int32'
          : data instanceof Float32Array
            ? 'float32'
            : data instanceof Float64Array
              ? 'float64'
              : undefined;

/**
 * Encodes a typed array as an IDX file (the inverse of {@link parseIdx}); the type code comes from
 * the array type. Up to 255 dimensions, each below 2^32; their product must equal `data.length`.
 *
 * @example
 * const bytes = encodeIdx(new Uint8Array([1, 2, 3, 4, 5, 6]), [2, 3]);
 * parseIdx(bytes).shape; // [2, 3]
 */
export function encodeIdx(data: IdxData, shape: readonly number[]): Uint8Array {
  const dtype = DTYPE_OF(data);
  if (!dtype) throw new InvalidArgumentError('data', data, 'a Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array or Float64Array');
  if (!Array.isArray(shape) || shape.length > 255 || !shape.every((d) => Number.isInteger(d) && d >= 0 && d <= 0xffffffff))
    throw new InvalidArgumentError('shape', shape, 'at most 255 integer sizes in [0, 2^32)');
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new LengthMismatchError('data', data.length, `shape [${shape.join(', ')}]`, count);
  const size = data.BYTES_PER_ELEMENT;
  const header = 4 + 4 * shape.length;
  const out = new Uint8Array(header + count * size);
  const view = new DataView(out.buffer);
  out[2] = CODE_OF[dtype];
  out[3] = shape.length;
  shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < count; i++) {
    const o = header + i * size;
    const v = data[i];
    if (dtype === 'uint8') view.setUint8(o, v);
    else if (dtype === 'int8') view.setInt8(o, v);
    else if (dtype === 'int16') view.setInt16(o, v, false);
    else if (dtype === 'int32') view.setInt32(o, v, false);
    else if (dtype === 'float32') view.setFloat32(o, v, false);
    else view.setFloat64(o, v, false);
  }
  return out;
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
