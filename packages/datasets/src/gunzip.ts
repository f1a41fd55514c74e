import { InvalidArgumentError } from '@lab/core';
import { DataFormatError } from './errors';

interface DecompressionStreamLike {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}

/**
 * Decompresses gzip data with the platform's `DecompressionStream` (browsers, Deno, Node ≥ 18), so
 * it works without Node APIs. A corrupt or truncated stream throws a {@link DataFormatError}. In
 * Node, `readIdxFile` / `readCsvFile` from `@lab/datasets/node` decompress `.gz` files for you.
 *
 * @example
 * const bytes = new Uint8Array(await (await fetch('t10k-images-idx3-ubyte.gz')).arrayBuffer());
 * const images = parseIdx(await gunzip(bytes));
 */
export async function gunzip(input: Uint8Array | ArrayBuffer): Promise<Uint8Array> {
  const bytes = input instanceof Uint8Array ? input : input instanceof ArrayBuffer ? new Uint8Array(input) : undefined;
  if (!bytes) throw new InvalidArgumentError('input', input, 'a Uint8Array or an ArrayBuffer');
  const Ctor = (globalThis as { DecompressionStream?: new (format: 'gzip') => DecompressionStreamLike }).DecompressionStream;
  if (!Ctor) throw new InvalidArgumentError('gunzip', 'DecompressionStream', 'a platform with DecompressionStream (browsers, Node >= 18)', 'gunzip: this platform has no DecompressionStream');
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new DataFormatError('gzip', 'gzip: not gzip data (the first two bytes are not 1f 8b)', bytes.subarray(0, 2), 'the gzip magic number 1f 8b', { offset: 0 });
  const stream = new Ctor('gzip');
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the write promises are awaited only to not leave them unhandled.
  const written = writer.write(bytes).then(() => writer.close()).catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
  } catch (error) {
    throw new DataFormatError('gzip', `gzip: corrupt or truncated data (${(error as Error)?.message ?? error})`, bytes.length, 'a complete gzip stream');
  }
  await written;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
