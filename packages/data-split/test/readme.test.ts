import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as api from '../src/index';

test('the README has a heading for every runtime export', () => {
  const headings = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .join('\n');
  const missing = Object.keys(api).filter((name) => !new RegExp(`\\b${name}\\b`).test(headings));
  expect(missing).toEqual([]);
});
