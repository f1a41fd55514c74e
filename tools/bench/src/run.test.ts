import { describe, expect, test } from 'vitest';
import { parseArgs, WORKLOADS } from './run';

describe('parseArgs', () => {
  test('a full run writes the docs page by default', () => {
    const a = parseArgs([]);
    expect(a.page).toMatch(/apps\/docs\/docs\/benchmarks\.md$/);
    expect(a).toMatchObject({ json: null, quick: false, only: null });
  });
  test('--quick and --only never touch the page unless --page is given', () => {
    expect(parseArgs(['--quick']).page).toBeNull();
    expect(parseArgs(['--only', 'matmul,tiny']).page).toBeNull();
    expect(parseArgs(['--only', 'tiny', '--page', 'x.md']).page).toBe('x.md');
    expect(parseArgs(['--no-page']).page).toBeNull();
  });
  test('--json FILE and --only list', () => {
    const a = parseArgs(['--json', 'out.json', '--only', 'matmul, adam']);
    expect(a.json).toBe('out.json');
    expect(a.only).toEqual(['matmul', 'adam']);
  });
  test('bad options fail loudly', () => {
    expect(() => parseArgs(['--json'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseArgs(['--only', 'gemm'])).toThrow(/unknown workload gemm/);
  });
  test('every workload has a distinct id', () => {
    const ids = WORKLOADS.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['size', 'tiny', 'matmul', 'adam', 'mlp', 'metrics']);
  });
});
