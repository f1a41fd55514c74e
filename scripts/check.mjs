#!/usr/bin/env node
/**
 * The test command (`pnpm check`): everything, on a fresh machine, and one closing line.
 *
 *   1. makes sure Debian's chromium is there for the browser tests (installs it when missing, as root)
 *   2. turbo: build, lint, typecheck of every package and app
 *   3. vitest: every test project (unit, property, type, package, CLI and browser tests)
 *   4. the conformance runner over every fixture family
 *
 * and ends with `N passed, N failed` summing the vitest tests and the conformance cases.
 * A failing build/lint/typecheck step counts as one failure. Skipped tests count as failures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
let passed = 0;
let failed = 0;
const notes = [];

function sh(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env, encoding: 'utf8' });
  if (opts.capture) process.stdout.write(r.stdout ?? '');
  return r;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

// 1. chromium for the docs' browser tests
if (!process.env.CHROMIUM_PATH && !hasCommand('chromium')) {
  if (process.getuid?.() === 0) {
    sh('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
  }
  if (!hasCommand('chromium')) notes.push('chromium is missing and could not be installed (needs root and Debian apt): browser tests will fail');
}

// 2. build, lint, typecheck
const turbo = sh('pnpm', ['exec', 'turbo', 'run', 'build', 'lint', 'typecheck', '--continue', '--output-logs=errors-only']);
if (turbo.status !== 0) {
  failed += 1;
  notes.push('turbo build/lint/typecheck failed (see above)');
}

// 3. every vitest project
mkdirSync('.cache', { recursive: true });
const report = '.cache/vitest-report.json';
sh('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (skipped) {
    failed += skipped;
    notes.push(`${skipped} skipped/todo tests count as failed`);
  }
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  if (broken.length) {
    failed += broken.length;
    notes.push(`${broken.length} test files failed to load`);
  }
} else {
  failed += 1;
  notes.push('vitest wrote no report');
}

// 4. conformance fixtures
const conf = sh('pnpm', ['run', '--silent', 'conformance'], { capture: true });
const m = /^(\d+) passed, (\d+) failed$/m.exec(conf.stdout ?? '');
if (m) {
  passed += Number(m[1]);
  failed += Number(m[2]);
} else {
  failed += 1;
  notes.push('the conformance runner printed no summary');
}

console.log('');
for (const n of notes) console.log(`note: ${n}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
