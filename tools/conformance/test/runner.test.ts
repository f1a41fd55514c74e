import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LengthMismatchError } from '@lab/core';
import { describe, expect, test } from 'vitest';
import { close, decode, exact, flat, num, TRAJECTORY } from '../src/compare';
import { formatReport, loadFixtures, runFixtures } from '../src/runner';
import type { Handlers } from '../src/types';

const dir = fileURLToPath(new URL('../test-fixtures', import.meta.url));

const demo: Handlers = {
  'demo.add': (c) => {
    const a = c.inputs.a as number[];
    const b = c.inputs.b as number[];
    if (a.length !== b.length) throw new LengthMismatchError('b', b.length, 'a', a.length);
    return close('value', c.expected.value, a.map((x, i) => x + b[i]));
  },
  'demo.log': (c) => close('value', c.expected.value, (c.inputs.x as number[]).map(Math.log)),
  'demo.crash': () => {
    throw new TypeError('boom');
  },
};
const other: Handlers = { 'other.range': (c) => exact('value', c.expected.value, Int32Array.from({ length: c.inputs.n as number }, (_, i) => i)) };

describe('conformance runner', () => {
  const results = runFixtures(loadFixtures(dir), { demo, other });
  const byId = Object.fromEntries(results.map((r) => [r.id, r]));

  test('passing, failing, non-finite and error cases are judged as the README says', () => {
    expect(byId['demo/add/ok'].pass).toBe(true);
    expect(byId['demo/add/wrong']).toMatchObject({ pass: false, detail: 'value[1]: expected 7, got 6' });
    expect(byId['demo/log/nonfinite'].pass).toBe(true);
    expect(byId['demo/add/error'].pass).toBe(true);
    expect(byId['demo/add/error-not-raised']).toMatchObject({ pass: false, detail: 'expected: error (length mismatch), got: no error' });
    expect(byId['demo/crash/plain-error'].pass).toBe(false);
    expect(byId['demo/crash/plain-error'].detail).toMatch(/expected: a lab error \(invalid input\), got: TypeError: boom/);
    expect(byId['other/exact/ok'].pass).toBe(true);
  });

  test('a call without a handler fails as not implemented, never skips', () => {
    expect(byId['demo/missing/not-implemented']).toMatchObject({ pass: false, detail: 'expected: demo.missing implemented, got: not implemented' });
  });

  test('the report lists failures and closes with N passed, N failed', () => {
    const lines = formatReport(results).split('\n');
    expect(lines.at(-1)).toBe('4 passed, 4 failed');
    expect(lines.filter((l) => l.startsWith('FAIL '))).toHaveLength(4);
  });

  test('families can be chosen, and an unknown family is an error', () => {
    expect([...loadFixtures(dir, ['other']).keys()]).toEqual(['other']);
    expect(() => loadFixtures(dir, ['nope'])).toThrow(/no fixture file nope.json/);
  });

  test('the CLI prints the report and exits non-zero on failure, 2 on bad usage', () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const tsconfig = fileURLToPath(new URL('../../../tsconfig.paths.json', import.meta.url));
    const runCli = (...args: string[]) => {
      try {
        return { code: 0, out: execFileSync('node', [tsx, '--tsconfig', tsconfig, cli, ...args], { encoding: 'utf8', stdio: 'pipe' }) };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    const r = runCli(dir);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n').at(-1)).toBe('0 passed, 8 failed');
    expect(runCli(dir, '--bogus').code).toBe(2);
    expect(runCli(dir, '--family', 'nope').code).toBe(2);
  });
});

describe('comparison helpers', () => {
  test('decode non-finite encodings', () => {
    expect(decode(['NaN', 'Infinity', '-Infinity', 1, { a: 'NaN' }])).toEqual([NaN, Infinity, -Infinity, 1, { a: NaN }]);
    expect(num('-Infinity')).toBe(-Infinity);
    expect(() => num('x')).toThrow();
  });
  test('flat reads tensors and nested lists', () => {
    expect(flat({ shape: [2, 2], data: [1, 2, 3, 4] })).toEqual([1, 2, 3, 4]);
    expect(flat([[1, 2], [3, 'NaN']])).toEqual([1, 2, 3, NaN]);
  });
  test('close applies atol + rtol and treats NaN and infinities exactly', () => {
    expect(close('x', [1], [1 + 1e-11])).toEqual([]);
    expect(close('x', [1], [1 + 1e-9])).toHaveLength(1);
    expect(close('x', [1], [1 + 1e-9], TRAJECTORY)).toEqual([]);
    expect(close('x', ['NaN'], [NaN])).toEqual([]);
    expect(close('x', ['NaN'], [0])).toHaveLength(1);
    expect(close('x', ['Infinity'], [Infinity])).toEqual([]);
    expect(close('x', [1, 2], [1])).toHaveLength(1);
    expect(close('x', [1, 2], new Float64Array([1, 2]))).toEqual([]);
  });
  test('exact compares integer lists and typed arrays', () => {
    expect(exact('f', [0, 1], new Int32Array([0, 1]))).toEqual([]);
    expect(exact('f', [0, 1], [1, 0])).toHaveLength(1);
  });
});
