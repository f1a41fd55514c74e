import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as labels from '../src/index';
import * as plugin from '../src/plugin';
import * as scores from '../src/scores';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README has a heading for every function and names every definition', () => {
  const headings = readme.split('\n').filter((l) => l.startsWith('#')).join('\n');
  const names = [...Object.keys(labels), ...Object.keys(scores), ...Object.keys(plugin)];
  expect(names.filter((n) => !n.endsWith('Metric') && !new RegExp(`\\b${n}\\b`).test(headings))).toEqual([]);
  expect(names.filter((n) => n.endsWith('Metric') && !readme.includes(n))).toEqual([]);
});
