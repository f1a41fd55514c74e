#!/usr/bin/env node
/* global process, console */
/**
 * Generates the API reference (docs/api/) from the packages' TSDoc with TypeDoc and
 * typedoc-plugin-markdown: one page per public entry point, plus docs/api/index.md listing them.
 * Every key of a package's package.json "exports" is an entry point ("./package.json" aside): "." is
 * src/index.ts and documents into docs/api/<pkg>/index.md, "./x" is src/x.ts and documents into
 * docs/api/<pkg>/x.md (`@lab/metrics/scores` -> docs/api/metrics/scores.md). A package's entry points
 * go to TypeDoc together, so a type one subpath uses from another links to it. Runs before every `vitepress build` and `vitepress dev`; the output
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

/**
 * The public entry points of a package, "." first: `{ subpath: 'scores', file: <pkgDir>/src/scores.ts }`
 * for the export "./scores" (subpath '' for "."). A subpath without its source file fails the build
 * rather than silently leaving a gap in the reference.
 */
function entryPoints(pkg, pkgDir) {
  const keys = pkg.exports && typeof pkg.exports === 'object' && !Array.isArray(pkg.exports) && Object.keys(pkg.exports).some((k) => k.startsWith('.')) ? Object.keys(pkg.exports) : ['.'];
  const entries = [];
  for (const key of keys) {
    if (key === './package.json') continue;
    const subpath = key === '.' ? '' : key.replace(/^\.\//, '');
    if (!/^(?:[a-z0-9][a-z0-9-]*)?$/.test(subpath) || subpath === 'index') {
      throw new Error(`api.mjs: ${pkg.name} exports "${key}", which the API reference cannot map to src/<name>.ts`);
    }
    const file = join(pkgDir, 'src', `${subpath || 'index'}.ts`);
    if (!existsSync(file)) throw new Error(`api.mjs: ${pkg.name} exports "${key}" but ${file} does not exist`);
    entries.push({ subpath, file });
  }
  if (!entries.some((e) => e.subpath === '')) entries.unshift({ subpath: '', file: join(pkgDir, 'src', 'index.ts') });
  return entries.sort((a, b) => (a.subpath === '' ? -1 : b.subpath === '' ? 1 : 0));
}

/** Replaces the first `# ` heading of a generated page with `title`. */
function retitle(file, title, extra = []) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('# '));
  if (at < 0) lines.unshift(`# ${title}`, '', ...extra);
  else lines.splice(at, 1, `# ${title}`, ...(extra.length > 0 ? ['', ...extra] : []));
  writeFileSync(file, lines.join('\n'));
}

/** The first sentence of the comment that opens an entry point's source file, for the overview table. */
function summary(file, name) {
  const head = /^\s*\/\*\*([\s\S]*?)\*\//.exec(readFileSync(file, 'utf8'));
  if (!head) return `entry point of ${name.replace(/\/[^/]*$/, '')}`;
  const text = head[1].replace(/^\s*\*\s?/gm, '').replace(/\s+/g, ' ').trim();
  const first = /^(.*?\.)(?:\s|$)/.exec(text)?.[1] ?? text;
  const rest = first.replace(new RegExp(`^\`?${name.replace(/[/.@-]/g, '\\$&')}\`?\\s*[:—-]\\s*`), '');
  return (rest.charAt(0).toUpperCase() + rest.slice(1)).replace(/\|/g, '\\|');
}

function document({ slug, pkgDir }) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const entries = entryPoints(pkg, pkgDir);
  const dest = join(tmp, slug);
  rmSync(dest, { recursive: true, force: true });
  const args = [
    typedoc,
    '--plugin', 'typedoc-plugin-markdown',
    '--entryPoints', ...entries.map((e) => e.file),
    // with several modules, the "." one is the package page (index.md) and each subpath gets <name>.md
    ...(entries.length > 1 ? ['--entryModule', 'index'] : []),
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
      const subpaths = entries.filter((e) => e.subpath !== '');
      for (const { subpath } of entries) {
        const page = join(dest, `${subpath || 'index'}.md`);
        if (!existsSync(page)) return reject(new Error(`api.mjs: TypeDoc wrote no ${page} for ${pkg.name}${subpath ? `/${subpath}` : ''}`));
      }
      // Title each page with its import path; the package page lists its subpaths.
      retitle(
        join(dest, 'index.md'),
        pkg.name,
        subpaths.length === 0 ? [] : ['Entry points: ' + [`\`${pkg.name}\` (this page)`, ...subpaths.map((e) => `[\`${pkg.name}/${e.subpath}\`](./${e.subpath}.md)`)].join(', ') + '.'],
      );
      for (const { subpath } of subpaths) retitle(join(dest, `${subpath}.md`), `${pkg.name}/${subpath}`);
      mkdirSync(join(out, slug), { recursive: true });
      for (const f of readdirSync(dest)) renameSync(join(dest, f), join(out, slug, f));
      resolve(
        [`| [${pkg.name}](./${slug}/) | ${pkg.description ?? ''} |`, ...subpaths.map((e) => `| [${pkg.name}/${e.subpath}](./${slug}/${e.subpath}.md) | ${summary(e.file, `${pkg.name}/${e.subpath}`)} |`)].join('\n'),
      );
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
    '| import | what it owns |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`api.mjs: documented ${rows.length} packages (${rows.join('\n').split('\n').length} entry points) into docs/api/`);
