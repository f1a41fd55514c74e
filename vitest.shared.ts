/**
 * Shared vitest settings. Tests import workspace packages from their TypeScript source
 * (`@lab/x` -> packages/x/src/index.ts, `@lab/x/sub` -> packages/x/src/sub.ts), so no build is
 * needed to test and every package is tested against the code beside it. The packed, built
 * packages are tested separately by tools/package-checks.
 */
import { fileURLToPath } from 'node:url';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export const sourceAliases = [
  { find: /^@lab\/([a-z0-9-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
  { find: /^@lab\/([a-z0-9-]+)\/([a-z0-9-]+)$/, replacement: `${root}packages/$1/src/$2.ts` },
];

export function labProject(name: string, extra: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    resolve: { alias: sourceAliases },
    test: { name, include: ['src/**/*.test.ts', 'test/**/*.test.ts'], ...extra },
  });
}
