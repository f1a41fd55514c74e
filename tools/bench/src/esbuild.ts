/** esbuild as the installed tooling has it (tsup's own dependency; not a dependency of this package). */
import { createRequire } from 'node:module';

/** The part of esbuild's API used here (no types: esbuild is not a dependency of this package). */
export interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles?: { contents: Uint8Array }[];
    metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  }>;
}

export function loadEsbuild(): Esbuild {
  const req = createRequire(import.meta.url);
  const fromTsup = createRequire(req.resolve('tsup'));
  return fromTsup('esbuild') as Esbuild;
}
