/**
 * Every publishable package, as a user gets it: built, packed with pnpm, installed ALONE (with only
 * the lab packages it depends on) into a fresh npm project, imported from ESM and CJS with types
 * resolving under `tsc --module nodenext`, clean under publint and arethetypeswrong, and within its
 * size budget. Needs `pnpm build` first (the README's test command does it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, test } from 'vitest';
import { installTarballs, pack, publishablePackages, repoRoot, run, tscBin, workspaceClosure } from '../src/pack';

const all = publishablePackages();
const libraries = all.filter((p) => p.json.exports);

describe.each(libraries.map((p) => [p.name, p] as const))('%s', (name, p) => {
  const subpaths = Object.keys(p.json.exports)
    .filter((k) => k !== './package.json')
    .map((k) => (k === '.' ? name : `${name}/${k.slice(2)}`));

  test('installs alone from its tarball; ESM and CJS give the same exports; types resolve under nodenext', () => {
    const tarballs = workspaceClosure(name, all).map((n) => pack(n, all));
    const dir = installTarballs(tarballs, { type: 'commonjs' });
    for (const [i, spec] of subpaths.entries()) {
      writeFileSync(join(dir, `esm${i}.mjs`), `import * as m from '${spec}';\nconsole.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort()));\n`);
      writeFileSync(join(dir, `cjs${i}.cjs`), `const m = require('${spec}');\nconsole.log(JSON.stringify(Object.keys(m).sort()));\n`);
      const esm = JSON.parse(run('node', [`esm${i}.mjs`], dir)) as string[];
      const cjs = JSON.parse(run('node', [`cjs${i}.cjs`], dir)) as string[];
      expect(esm.length, `${spec} exports something`).toBeGreaterThan(0);
      expect(cjs, `${spec}: CJS and ESM export the same names`).toEqual(esm);
      writeFileSync(join(dir, `types${i}.mts`), `import * as m from '${spec}';\nexport type Names = keyof typeof m;\nexport const n: Names[] = ${JSON.stringify(esm.slice(0, 3))};\n`);
      writeFileSync(join(dir, `types${i}.cts`), `import m = require('${spec}');\nexport type Names = keyof typeof m;\nexport const n: Names[] = ${JSON.stringify(esm.slice(0, 3))};\n`);
    }
    const files = subpaths.flatMap((_, i) => [`types${i}.mts`, `types${i}.cts`]);
    run('node', [tscBin, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(repoRoot, 'node_modules/@types'), '--skipLibCheck', ...files], dir);
  });

  test('publint reports nothing', async () => {
    const { messages, pkg } = await publint({ pkgDir: p.dir, strict: true, level: 'suggestion' });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg)}`)).toEqual([]);
  });

  test('arethetypeswrong finds no problem (node16 and bundler resolution)', () => {
    const tarball = pack(name, all);
    run('node', [join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'ascii', '--profile', 'node16'], p.dir);
  });

  test('within its size budget (size-limit, min+gzip)', () => {
    expect(p.json['size-limit']?.length, `${name} declares a size budget`).toBeGreaterThan(0);
    const out = run('node', [join(repoRoot, 'node_modules/size-limit/bin.js'), '--json'], p.dir);
    const results = JSON.parse(out) as { name: string; passed: boolean; size: number }[];
    for (const r of results) expect(r.passed, `${r.name}: ${r.size} B over budget`).toBe(true);
    for (const e of p.json['size-limit']) expect(e.gzip, `${e.name} measures min+gzip`).toBe(true);
  });
});
