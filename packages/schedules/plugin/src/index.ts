// Resolution shim (not published): the repo's tsconfig.paths.json maps `@lab/*` to
// `packages/*/src/index.ts`, so `@lab/schedules/plugin` resolves here for tsx and tsc.
// Remove once tsconfig.paths.json maps "@lab/schedules/plugin" to packages/schedules/src/plugin.ts.
export * from '../../src/plugin';
