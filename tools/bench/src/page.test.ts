import { describe, expect, test } from 'vitest';
import { cell, consoleWorkload, renderPage, type RunResult } from './page';
import type { WorkloadResult } from './report';

const matmul: WorkloadResult = {
  id: 'matmul-512', title: 'fp32 matmul', unit: 'GFLOP/s', better: 'higher',
  impls: [
    { id: 'lab-js', name: 'lab (JS backend)', lab: true, value: 4.2 },
    { id: 'lab-wasm', name: 'lab (wasm backend)', lab: true, value: null, reason: 'not available: @lab/tensor/wasm does not exist yet' },
    { id: 'tfjs-wasm', name: 'tfjs wasm-simd', lab: false, value: 2.1 },
  ],
  goals: [{ kind: 'absolute', text: '≥ 35 GFLOP/s', target: 35 }],
  limits: ['scalar JS | no SIMD, a < b'],
  checks: [{ name: 'Σ(A·B)', ok: true, detail: 'relative difference 1e-7' }],
  notes: [],
};
const run: RunResult = {
  date: '2026-01-02', durationS: 321, loadAtEnd: 1.5,
  machine: {
    cpu: 'Test CPU', cores: 2, memoryGiB: 24, os: 'Linux', node: 'v20.20.2', v8: '11.3', wasmSimd: true, wasmRelaxedSimd: false,
    python: { available: false, reason: 'no python' }, env: { OPENBLAS_NUM_THREADS: '1' }, commit: 'abc1234', uncommitted: ['@lab/optimizers'], loadAtStart: 0.5,
  },
  results: [matmul],
};

describe('renderPage', () => {
  const page = renderPage(run);
  test('has the machine facts, date and commit', () => {
    expect(page).toContain('2026-01-02');
    expect(page).toContain('abc1234');
    expect(page).toContain('with uncommitted work in @lab/optimizers');
    expect(page).toContain('Test CPU, 2 cores');
    expect(page).toContain('OPENBLAS_NUM_THREADS=1');
    expect(page).toContain('skipped: no python');
  });
  test('shows every ratio, the goal verdict with how much is missing, and what is not available', () => {
    expect(page).toContain('| matmul-512 | GFLOP/s | lab (JS backend) | 4.20 | tfjs wasm-simd | 2.10 | 2.00 | 2.00× |');
    expect(page).toContain('| matmul-512 | GFLOP/s | lab (wasm backend) | – | tfjs wasm-simd | 2.10 | – | – |');
    expect(page).toContain('✗ missed');
    expect(page).toContain('8.33× short');
    expect(page).toContain('not available: @lab/tensor/wasm does not exist yet');
  });
  test('escapes what Markdown tables and VitePress would misread', () => {
    expect(page).toContain('scalar JS \\| no SIMD, a &lt; b');
    expect(page).not.toMatch(/\{\{/);
  });
  test('number columns are right-aligned, text columns left-aligned', () => {
    expect(page).toContain('| implementation | GFLOP/s |\n|---|---:|');
  });
});

describe('console output', () => {
  test('prints values, ratios and goals', () => {
    const text = consoleWorkload(matmul);
    expect(text).toContain('lab (JS backend): 4.20');
    expect(text).toContain('goal ≥ 35 GFLOP/s: ✗ missed');
    expect(text).toContain('not measured: lab (wasm backend)');
  });
  test('cell escapes pipes, angle brackets and mustaches', () => {
    expect(cell('a|b<c {{x}}')).toBe('a\\|b&lt;c { {x}}');
  });
});
