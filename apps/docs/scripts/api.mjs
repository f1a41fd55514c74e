#!/usr/bin/env node
/* global process, console */
/**
 * Generates the API reference (docs/api/) from the packages' TSDoc with TypeDoc and
 * typedoc-plugin-markdown: one page per package (`@lab/core` -> docs/api/core/index.md), plus
 * docs/api/index.md listing them. Runs before every `vitepress build` and `vitepress dev`; the output
 * is gitignored, so the reference can never drift from the code.
 *
 * Every folder under packages/ with a src/index.ts is documented, and examples/optimizer-plugin when
 * present. Type errors in a package do not stop the reference (skipErrorChecking): type checking is
 * the job of each package's own `typecheck` task.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, '..');
const repo = join(app, '..', '..');
const out = join(app, 'docs', 'api');
const tmp = join(app, '.cache', 'api');

const sources = [];
for (const dir of readdirSync(join(repo, 'packages')).sort()) {
  const pkgDir = join(repo, 'packages', dir);
  if (existsSync(join(pkgDir, 'src', 'index.ts')) && existsSync(join(pkgDir, 'package.json'))) sources.push({ slug: dir, pkgDir });
}
const plugin = join(repo, 'examples', 'optimizer-plugin');
if (existsSync(join(plugin, 'src', 'index.ts')) && existsSync(join(plugin, 'package.json'))) sources.push({ slug: 'optimizer-plugin', pkgDir: plugin });

const typedoc = join(app, 'node_modules', 'typedoc', 'bin', 'typedoc');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
function document({ slug, pkgDir }) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const dest = join(tmp, slug);
  rmSync(dest, { recursive: true, force: true });
  const args = [
    typedoc,
    '--plugin', 'typedoc-plugin-markdown',
    '--entryPoints', join(pkgDir, 'src', 'index.ts'),
    '--tsconfig', existsSync(join(pkgDir, 'tsconfig.json')) ? join(pkgDir, 'tsconfig.json') : join(repo, 'tsconfig.paths.json'),
    '--out', dest,
    '--name', pkg.name,
    '--readme', 'none',
    '--outputFileStrategy', 'modules',
    '--entryFileName', 'index',
    '--hidePageHeader',
    '--hideBreadcrumbs',
    '--skipErrorChecking',
    '--disableSources',
    '--excludePrivate',
    '--excludeInternal',
    '--sanitizeComments',
    '--logLevel', 'Error',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: app, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`api.mjs: TypeDoc failed for ${pkg.name} (exit ${code})`));
      mkdirSync(join(out, slug), { recursive: true });
      for (const f of readdirSync(dest)) renameSync(join(dest, f), join(out, slug, f));
      resolve(`| [${pkg.name}](./${slug}/) | ${pkg.description ?? ''} |`);
    });
  });
}

// TypeDoc runs once per package; run as many at once as there are cores.
const rows = new Array(sources.length);
let next = 0;
const worker = async () => {
  while (next < sources.length) {
    const i = next++;
    rows[i] = await document(sources[i]);
  }
};
try {
  await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), sources.length)) }, worker));
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
writeFileSync(
  join(out, 'index.md'),
  [
    '# API reference',
    '',
    'Generated from the TSDoc comments in the source by TypeDoc on every docs build: the formulas,',
    'defaults, examples and references below are the ones in the code.',
    '',
    '| package | what it owns |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`api.mjs: documented ${rows.length} packages into docs/api/`);
