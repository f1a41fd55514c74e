/**
 * The `optimizers` family of the PyTorch 1.13 conformance fixtures, run in this package's tests
 * with the same handlers and runner as `pnpm conformance --family optimizers`.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { handlers } from '../../../tools/conformance/src/families/optimizers';
import { formatReport, loadFixtures, runFixtures } from '../../../tools/conformance/src/runner';

it('passes every case of the optimizers fixtures (float64, PyTorch 1.13)', () => {
  const dir = fileURLToPath(new URL('../../../tools/conformance/fixtures', import.meta.url));
  const results = runFixtures(loadFixtures(dir, ['optimizers']), { optimizers: handlers });
  expect(results.length).toBe(41);
  expect(formatReport(results)).toBe('41 passed, 0 failed');
});
