/**
 * The plugin as a user gets it: build and pack @lab/core, @lab/optimizers and lab-plugin-lion
 * (pnpm rewrites the workspace: ranges), npm-install the three tarballs into a fresh project, and
 * minimise a quadratic with Lion through a registry there, from ESM and from CJS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lab-plugin-lion-'));
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });

beforeAll(() => {
  for (const pkg of ['packages/core', 'packages/optimizers', 'examples/optimizer-plugin']) run(join(root, 'node_modules/.bin/tsup'), [], join(root, pkg));
  for (const name of ['@lab/core', '@lab/optimizers', 'lab-plugin-lion']) run('pnpm', ['--filter', name, 'pack', '--pack-destination', join(dir, 'tarballs')], root);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'lion-user', version: '1.0.0', private: true, type: 'module' }));
  const tarballs = readdirSync(join(dir, 'tarballs')).map((f) => `./tarballs/${f}`);
  run('npm', ['install', '--no-audit', '--no-fund', ...tarballs], dir);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('installs with its peers from the tarballs, with the workspace: ranges rewritten', () => {
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/lab-plugin-lion/package.json'), 'utf8'));
  expect(pkg.peerDependencies).toEqual({ '@lab/core': '^0.1.0', '@lab/optimizers': '^0.1.0' });
  expect(readdirSync(join(dir, 'node_modules/lab-plugin-lion/dist')).sort()).toEqual(['index.cjs', 'index.d.cts', 'index.d.ts', 'index.js']);
});

it('minimises a quadratic with Lion through a registry (ESM)', () => {
  writeFileSync(
    join(dir, 'train.mjs'),
    `import { createRegistry } from '@lab/core';
import { optimizersPlugin, Optimizer } from '@lab/optimizers';
import { lionPlugin } from 'lab-plugin-lion';
const registry = createRegistry().use(optimizersPlugin).use(lionPlugin);
const x = { name: 'x', value: Float64Array.of(3, -2, 1), grad: null };
const A = [1, 4, 2];
const loss = () => x.value.reduce((s, v, i) => s + 0.5 * A[i] * v * v, 0);
const opt = new Optimizer([x], registry.build('optimizer', { type: 'lion', lr: 0.01, weightDecay: 0.01 }));
const before = loss();
for (let t = 0; t < 600; t++) { x.grad = x.value.map((v, i) => A[i] * v); opt.step(); }
console.log(JSON.stringify({ before, after: loss(), plugin: registry.list('optimizer').find((e) => e.name === 'lion').plugin }));
`,
  );
  const out = JSON.parse(run('node', ['train.mjs'], dir));
  expect(out.plugin).toBe('lab-plugin-lion');
  expect(out.after).toBeLessThan(out.before * 1e-2);
});

it('works from CommonJS too', () => {
  writeFileSync(
    join(dir, 'train.cjs'),
    `const { lion } = require('lab-plugin-lion');
const { applyUpdates } = require('@lab/optimizers');
const t = lion({ lr: 0.1 });
let p = [Float64Array.of(1)];
let s = t.init(p);
const r = t.update([Float64Array.of(2)], s, p);
console.log(applyUpdates(p, r.updates)[0][0]);
`,
  );
  expect(Number(run('node', ['train.cjs'], dir).trim())).toBeCloseTo(0.9, 12);
});
