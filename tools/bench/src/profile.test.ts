import { describe, expect, test } from 'vitest';
import { describeHotspots, frameName, hotspots, profile } from './profile';

describe('frameName', () => {
  test('names lab packages, node_modules packages, wasm and V8 pseudo-frames', () => {
    expect(frameName('encode', 'file:///work/main/packages/metrics/src/util.ts')).toBe('encode (@lab/metrics util.ts)');
    expect(frameName('matMul', 'file:///x/node_modules/.pnpm/@tensorflow+tfjs-core@4.22.0/node_modules/@tensorflow/tfjs-core/dist/x.js')).toBe('matMul (@tensorflow/tfjs-core)');
    expect(frameName('wasm-function[6]', 'wasm://wasm/2c3498b6')).toBe('WebAssembly code');
    expect(frameName('(garbage collector)', '')).toBe('(garbage collector)');
    expect(frameName('', 'file:///work/main/tools/bench/src/data.ts')).toBe('(anonymous) (bench data.ts)');
  });
});

describe('hotspots', () => {
  test('self time per frame as shares of the non-idle time, largest first', () => {
    const nodes = [
      { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
      { id: 2, callFrame: { functionName: 'a', url: 'file:///p/packages/tensor/src/x.ts', lineNumber: 0 } },
      { id: 3, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: 0 } },
      { id: 4, callFrame: { functionName: 'dispatch', url: '', lineNumber: 0 } },
    ];
    const h = hotspots({ nodes, samples: [1, 2, 2, 3, 2, 4], timeDeltas: [100, 10, 10, 10, 10, 500] });
    expect(h).toEqual([
      { name: 'a (@lab/tensor x.ts)', share: 0.75 },
      { name: '(garbage collector)', share: 0.25 },
    ]);
    expect(describeHotspots(h)).toBe('75 % a (@lab/tensor x.ts), 25 % (garbage collector)');
    expect(describeHotspots([])).toBe('too few samples to attribute');
  });
  test('profiles a real function in this process', async () => {
    function busyLoop() {
      let s = 0;
      for (let i = 0; i < 3e6; i++) s += Math.sqrt(i);
      return s;
    }
    const h = await profile(busyLoop, 5);
    expect(h.length).toBeGreaterThan(0);
    expect(h.map((x) => x.name).some((n) => n.startsWith('busyLoop'))).toBe(true);
  });
});
