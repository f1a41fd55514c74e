#!/usr/bin/env node
// `pnpm lab <command> [options]`: build the CLI and the packages it uses (turbo, cached; its output
// goes to stderr), then run `lab` with the given arguments.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=lab-cli...', '--output-logs=errors-only', '--log-prefix=none'], {
  stdio: ['ignore', process.stderr, 'inherit'],
  env,
});
if (build.status !== 0) {
  console.error('lab: building the CLI failed (see above)');
  process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, ['apps/cli/dist/cli.js', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? (run.signal === 'SIGINT' ? 130 : 1));
