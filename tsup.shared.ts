/**
 * One tsup setup for every library package: ESM + CJS + .d.ts/.d.cts, tree-shakeable output,
 * minified size checked separately by size-limit. Workspace imports stay external.
 */
import { defineConfig, type Options } from 'tsup';

export function labTsup(entry: string[] = ['src/index.ts'], extra: Partial<Options> = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { paths: {} } },
    tsconfig: 'tsconfig.build.json',
    sourcemap: false,
    clean: true,
    treeshake: true,
    splitting: true,
    target: 'es2022',
    external: [/^@lab\//],
    ...extra,
  });
}
