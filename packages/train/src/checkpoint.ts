import { StateMismatchError } from '@lab/core';
import { decodeState, encodeState } from '@lab/optimizers';
import type { Checkpoint } from './types';

const MAGIC = 'LABCKPT1';
const HEAD = 20;

let table: Uint32Array | undefined;
/** CRC-32 (IEEE 802.3, as zlib) of the bytes. */
function crc32(chunks: readonly Uint8Array[]): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of chunks) for (let i = 0; i < b.length; i++) c = table[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Serialise a checkpoint to bytes: an 8-byte magic `LABCKPT1`, the JSON and payload lengths and a
 * CRC-32 of both (little-endian u32 each), the JSON header (structure, numbers, names), then the
 * binary payload holding every typed array bit for bit (8-byte aligned). Browser-safe; write the
 * bytes with `saveCheckpoint` from `@lab/train/node` or anywhere else.
 *
 * @example
 * const bytes = encodeCheckpoint(checkpoint);
 * decodeCheckpoint(bytes).step === checkpoint.step; // true
 */
export function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array {
  if (checkpoint?.format !== 'lab.checkpoint') throw new StateMismatchError('checkpoint', checkpoint, "a checkpoint { format: 'lab.checkpoint', ... }");
  const { json, payload } = encodeState(checkpoint);
  const text = new TextEncoder().encode(json);
  const start = Math.ceil((HEAD + text.length) / 8) * 8;
  const out = new Uint8Array(start + payload.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, text.length, true);
  view.setUint32(12, payload.length, true);
  view.setUint32(16, crc32([text, payload]), true);
  out.set(text, HEAD);
  out.set(payload, start);
  return out;
}

/**
 * Read bytes written by {@link encodeCheckpoint}. A truncated, corrupted (CRC mismatch) or foreign
 * file is refused with `StateMismatchError`.
 *
 * @example
 * const checkpoint = decodeCheckpoint(await readFile('run.ckpt'));
 */
export function decodeCheckpoint(bytes: Uint8Array): Checkpoint {
  const bad = (why: string): never => {
    throw new StateMismatchError('checkpoint bytes', bytes instanceof Uint8Array ? `${bytes.length} bytes` : bytes, `a lab checkpoint (${why})`);
  };
  if (!(bytes instanceof Uint8Array)) bad('a Uint8Array');
  if (bytes.length < HEAD || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) bad('magic LABCKPT1 missing');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jl = view.getUint32(8, true);
  const pl = view.getUint32(12, true);
  const start = Math.ceil((HEAD + jl) / 8) * 8;
  if (bytes.length !== start + pl) bad(`expected ${start + pl} bytes: truncated or padded`);
  const text = bytes.subarray(HEAD, HEAD + jl);
  const payload = bytes.slice(start);
  if (crc32([text, payload]) !== view.getUint32(16, true)) bad('CRC-32 mismatch: corrupted');
  const ckpt = decodeState({ json: new TextDecoder().decode(text), payload }) as Checkpoint;
  if (ckpt?.format !== 'lab.checkpoint' || ckpt.version !== 1) bad('unknown format or version');
  return ckpt;
}
