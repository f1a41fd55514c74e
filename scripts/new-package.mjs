#!/usr/bin/env node
// Scaffolds a library package: node scripts/new-package.mjs <name> "<description>" <size budget, e.g. "3 kB"> [dep ...]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [name, description, limit = '5 kB', ...deps] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: new-package.mjs <name> "<description>" ["3 kB"] [dep ...]');
  process.exit(2);
}
const dir = join('packages', name);
if (existsSync(join(dir, 'package.json'))) {
  console.error(`${dir} exists`);
  process.exit(2);
}
mkdirSync(join(dir, 'src'), { recursive: true });
const pkg = {
  name: `@lab/${name}`,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  files: ['dist'],
  engines: { node: '>=20.19.0' },
  keywords: ['lab', 'deep-learning', 'optimization', 'machine-learning'],
  scripts: {
    build: 'tsup',
    lint: 'eslint src',
    typecheck: 'tsc --noEmit -p tsconfig.json',
  },
  'size-limit': [{ name: `@lab/${name}`, path: 'dist/index.js', limit }],
  dependencies: Object.fromEntries(deps.map((d) => [`@lab/${d}`, 'workspace:^'])),
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: '../../tsconfig.paths.json', compilerOptions: { noEmit: true }, include: ['src', 'test'] }, null, 2) + '\n',
);
writeFileSync(
  join(dir, 'tsconfig.build.json'),
  JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'], exclude: ['src/**/*.test.ts'] }, null, 2) + '\n',
);
writeFileSync(join(dir, 'tsup.config.ts'), "import { labTsup } from '../../tsup.shared';\n\nexport default labTsup();\n");
writeFileSync(
  join(dir, 'vitest.config.ts'),
  `import { labProject } from '../../vitest.shared';\n\nexport default labProject('${name}');\n`,
);
console.log(`created ${dir}`);
