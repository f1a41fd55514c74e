import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError, StateMismatchError } from '@lab/core';
import { decodeState, encodeState } from './index';

const bytes = (x: ArrayBufferView) => Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));

describe('encodeState / decodeState', () => {
  it('round-trips typed arrays bit for bit (any float64/float32 bits, NaN payloads included)', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), fc.array(fc.float()), fc.array(fc.integer({ min: 0, max: 255 })), (d, f, u) => {
        // an unusual NaN payload
        const weird = new Float64Array(new BigUint64Array([0x7ff8dead0000beefn]).buffer);
        const state = { count: 3, mu: [Float64Array.from(d), Float32Array.from(f)], flags: Uint8Array.from(u), weird, nested: [{ i: Int32Array.of(-1, 7) }] };
        const { json, payload } = encodeState(state);
        const back = decodeState({ json, payload: payload.slice() }) as typeof state;
        expect(bytes(back.mu[0])).toEqual(bytes(state.mu[0]));
        expect(bytes(back.mu[1])).toEqual(bytes(state.mu[1]));
        expect(back.mu[1]).toBeInstanceOf(Float32Array);
        expect(Array.from(back.flags)).toEqual(u);
        expect(bytes(back.weird)).toEqual(bytes(weird));
        expect(Array.from(back.nested[0].i)).toEqual([-1, 7]);
        expect(back.count).toBe(3);
      }),
    );
  });

  it('keeps -0, NaN and ±Infinity numbers, strings, booleans, null and $-keys', () => {
    const state = { a: -0, b: NaN, c: Infinity, d: -Infinity, e: 'x', f: true, g: null, $n: 1, $$a: [2] };
    const back = decodeState(encodeState(state)) as Record<string, unknown>;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(back).toEqual(state);
  });

  it('gives JSON text and an 8-byte-aligned payload', () => {
    const { json, payload } = encodeState({ a: Uint8Array.of(1), b: Float64Array.of(1.5) });
    expect(JSON.parse(json)).toEqual({ a: { $a: 'u8', o: 0, n: 1 }, b: { $a: 'f64', o: 8, n: 1 } });
    expect(payload.length).toBe(16);
  });

  it('refuses what is not plain data, naming the path', () => {
    expect(() => encodeState({ lr: () => 1 })).toThrow(/state\.lr must be plain data/);
    expect(() => encodeState({ m: new Map() })).toThrow(InvalidArgumentError);
    expect(() => encodeState({ u: undefined })).toThrow(/state\.u/);
    expect(() => encodeState([new Int16Array(2)])).toThrow(/state\[0\]/);
  });

  it('refuses malformed input with StateMismatchError', () => {
    expect(() => decodeState({ json: '{', payload: new Uint8Array() })).toThrow(StateMismatchError);
    expect(() => decodeState({ json: '{"x":{"$a":"f64","o":0,"n":4}}', payload: new Uint8Array(8) })).toThrow(StateMismatchError);
    expect(() => decodeState({ json: '{"x":{"$a":"f16","o":0,"n":1}}', payload: new Uint8Array(8) })).toThrow(StateMismatchError);
    expect(() => decodeState({ json: '{"x":{"$n":"3"}}', payload: new Uint8Array(0) })).toThrow(StateMismatchError);
  });
});
