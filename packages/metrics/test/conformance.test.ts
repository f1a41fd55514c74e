/**
 * The scikit-learn `metrics` conformance family, run in the test command through the shared runner
 * (the same as `pnpm conformance --family metrics`).
 */
import { fileURLToPath } from 'node:url';
import { expect, test, vi } from 'vitest';
import { handlers } from '../../../tools/conformance/src/families/metrics';
import { formatReport, loadFixtures, runFixtures } from '../../../tools/conformance/src/runner';

test('metrics conformance: every case passes', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const fixtures = loadFixtures(fileURLToPath(new URL('../../../tools/conformance/fixtures', import.meta.url)), ['metrics']);
  const results = runFixtures(fixtures, { metrics: handlers });
  warn.mockRestore();
  expect(formatReport(results)).toBe('158 passed, 0 failed');
});
