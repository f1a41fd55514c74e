/**
 * The README's TypeScript examples run as written (against the packages' source).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../src/pack';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README has a TypeScript example', () => {
  expect(blocks.length).toBeGreaterThan(0);
});

test.each(blocks.map((code, i) => [i, code] as const))('README example %i runs', async (i, code) => {
  const file = join(repoRoot, 'tools/package-checks/test', `.readme-example-${i}.ts`);
  const logs: unknown[][] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void logs.push(a);
  writeFileSync(file, code);
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    console.log = log;
    rmSync(file, { force: true });
  }
  if (i === 0) {
    const w = logs.at(-1)?.[0] as Float32Array;
    expect(Math.hypot(w[0], w[1])).toBeLessThan(1e-2);
  }
});
