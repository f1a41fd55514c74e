/**
 * The scikit-learn `splits` conformance family, run in the test command through the shared runner
 * (the same as `pnpm conformance --family splits`).
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { handlers } from '../../../tools/conformance/src/families/splits';
import { formatReport, loadFixtures, runFixtures } from '../../../tools/conformance/src/runner';

test('splits conformance: every case passes', () => {
  const fixtures = loadFixtures(fileURLToPath(new URL('../../../tools/conformance/fixtures', import.meta.url)), ['splits']);
  const results = runFixtures(fixtures, { splits: handlers });
  expect(formatReport(results)).toBe('27 passed, 0 failed');
});
