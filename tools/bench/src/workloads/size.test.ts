import { describe, expect, test } from 'vitest';
import { bundleSize, LAB_ENTRY, packageOf } from './size';

describe('bundle size workload', () => {
  test('packageOf names lab packages and node_modules packages', () => {
    expect(packageOf('../../packages/tensor/src/ops/matmul.ts')).toBe('@lab/tensor');
    expect(packageOf('../../node_modules/.pnpm/x/node_modules/@tensorflow/tfjs-core/dist/index.js')).toBe('@tensorflow/tfjs-core');
    expect(packageOf('../../node_modules/.pnpm/long@4/node_modules/long/src/long.js')).toBe('long');
    expect(packageOf('entry.js')).toBe('(entry)');
  });

  test('bundles the training entry from source and gzips it', async () => {
    const s = await bundleSize(LAB_ENTRY.replace('__SETUP__', ''));
    expect(s.gzip).toBeGreaterThan(1000);
    expect(s.gzip).toBeLessThan(s.minified);
    expect(Object.keys(s.byPackage)).toEqual(expect.arrayContaining(['@lab/tensor', '@lab/losses', '@lab/optimizers', '@lab/schedules']));
    const total = Object.values(s.byPackage).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(s.minified);
  });

  test('tree-shaking keeps only what an entry uses', async () => {
    const small = await bundleSize("import { constant } from '@lab/schedules'; export const f = constant(1);");
    expect(small.byPackage['@lab/tensor']).toBeUndefined();
    expect(small.minified).toBeLessThan(5000);
  });
});
