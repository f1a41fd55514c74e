import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as batches from '../src/batches';
import * as groups from '../src/groups';
import * as groupsPlugin from '../src/groups-plugin';
import * as main from '../src/index';
import * as plugin from '../src/plugin';

test('the README has a heading for every runtime export of every entry point', () => {
  const headings = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .join('\n');
  const names = [main, groups, batches, plugin, groupsPlugin].flatMap((api) => Object.keys(api));
  expect(names.length).toBe(36);
  const missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(headings));
  expect(missing).toEqual([]);
});

test('every entry point is in package.json "exports" and built by tsup', async () => {
  const pkg = (await import('../package.json')).default as { exports: Record<string, unknown> };
  const tsup = readFileSync(new URL('../tsup.config.ts', import.meta.url), 'utf8');
  const entries = ['index', 'groups', 'batches', 'plugin', 'groups-plugin'];
  const subpath = (entry: string) => (entry === 'index' ? '.' : `./${entry}`);
  expect(Object.keys(pkg.exports).filter((k) => k !== './package.json')).toEqual(entries.map(subpath));
  for (const entry of entries) {
    expect(JSON.stringify(pkg.exports[subpath(entry)])).toContain(`./dist/${entry}.js`);
    expect(tsup).toContain(`'src/${entry}.ts'`);
  }
});
