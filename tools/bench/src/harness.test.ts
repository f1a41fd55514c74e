import { describe, expect, test } from 'vitest';
import { median, timeIt } from './harness';
import { SIMD_ADD, RELAXED_MADD, simdModule } from './machine';

describe('median', () => {
  test('odd and even counts, unsorted input', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('timeIt', () => {
  test('runs the warm-up and then exactly `runs` timed samples', async () => {
    let calls = 0;
    const t = await timeIt(() => calls++, { runs: 5, warmup: 2 });
    // tinybench calls the task once more, untimed, to find out whether it is async
    expect(calls).toBe(8);
    expect(t.samplesMs).toHaveLength(5);
    expect(t.medianMs).toBeGreaterThanOrEqual(0);
  });
  test('divides by the inner operation count', async () => {
    const t = await timeIt(() => 0, { runs: 3, warmup: 0, inner: 1000 });
    const raw = await timeIt(() => 0, { runs: 3, warmup: 0 });
    expect(t.samplesMs).toHaveLength(3);
    expect(Number.isFinite(t.medianMs) && Number.isFinite(raw.medianMs)).toBe(true);
  });
  test('a failing task fails the measurement', async () => {
    await expect(
      timeIt(() => {
        throw new Error('boom');
      }, { runs: 2, warmup: 0 }),
    ).rejects.toThrow(/boom/);
  });
});

describe('wasm feature probes', () => {
  test('the SIMD probe is a valid module on Node 20 and the relaxed probe differs only in the op', () => {
    expect(WebAssembly.validate(SIMD_ADD)).toBe(true);
    expect(WebAssembly.validate(simdModule([0xfd, 0xff, 0x7f], 2))).toBe(false); // no such SIMD op
    expect(RELAXED_MADD.length).toBe(SIMD_ADD.length + 18);
  });
});
