import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  tsconfig: 'tsconfig.build.json',
  clean: true,
  target: 'node20',
  platform: 'node',
  external: [/^@lab\//, 'commander', 'cli-progress', 'asciichart', 'uplot'],
  banner: { js: '#!/usr/bin/env node' },
});
