import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { handlers } from '../../../tools/conformance/src/families/schedules';
import { formatReport, loadFixtures, runFixtures } from '../../../tools/conformance/src/runner';

// `pnpm conformance --family schedules`, inside the package's test command.
test('conformance: every PyTorch schedules fixture passes', () => {
  const dir = fileURLToPath(new URL('../../../tools/conformance/fixtures', import.meta.url));
  const results = runFixtures(loadFixtures(dir, ['schedules']), { schedules: handlers });
  const report = formatReport(results);
  expect(report).toBe('23 passed, 0 failed');
});
