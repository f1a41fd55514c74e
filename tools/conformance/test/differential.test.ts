/**
 * The randomised differential cases (differential/record.py, record_losses.py and record_metrics.py: every
 * hyperparameter and input drawn at random, recorded from PyTorch 1.13 and scikit-learn 1.2 in the
 * shared fixture format), run with the same handlers and runner as the shared fixtures:
 * `pnpm conformance tools/conformance/differential`.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { families } from '../src/families/index';
import { formatReport, loadFixtures, runFixtures } from '../src/runner';

const dir = fileURLToPath(new URL('../differential', import.meta.url));

test.each([
  ['optimizers', 200],
  ['schedules', 200],
  ['losses', 240],
  ['metrics', 450],
] as const)('every randomised %s case matches the reference (float64)', (family, count) => {
  const results = runFixtures(loadFixtures(dir, [family]), families);
  expect(results.length).toBe(count);
  expect(formatReport(results)).toBe(`${count} passed, 0 failed`);
});
