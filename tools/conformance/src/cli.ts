#!/usr/bin/env node
/**
 * pnpm conformance [DIR] [--family NAME ...]
 *
 * Runs every case of the chosen fixture families (default: all files in DIR, default DIR: the copy in
 * tools/conformance/fixtures) against the lab packages. Prints one line per failing case and a closing
 * line `N passed, N failed`; exits 1 on any failure, 2 on bad usage.
 */
import { fileURLToPath } from 'node:url';
import { families } from './families/index';
import { formatReport, loadFixtures, runFixtures } from './runner';

const args = process.argv.slice(2);
let dir = fileURLToPath(new URL('../fixtures', import.meta.url));
const chosen: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--family' || a === '-f') {
    const v = args[++i];
    if (!v) {
      console.error('conformance: --family needs a name (losses, metrics, optimizers, schedules, splits)');
      process.exit(2);
    }
    chosen.push(...v.split(','));
  } else if (a === '--help' || a === '-h') {
    console.log('usage: pnpm conformance [DIR] [--family NAME ...]');
    process.exit(0);
  } else if (a.startsWith('-')) {
    console.error(`conformance: unknown option ${a}`);
    process.exit(2);
  } else dir = a;
}
let fixtures;
try {
  fixtures = loadFixtures(dir, chosen);
} catch (e) {
  console.error(`conformance: ${(e as Error).message}`);
  process.exit(2);
}
const results = runFixtures(fixtures, families);
console.log(formatReport(results));
process.exit(results.every((r) => r.pass) ? 0 : 1);
