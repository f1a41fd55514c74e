// Resolution shim (not published): the repo's tsconfig.paths.json maps `@lab/*` to
// `packages/*/src/index.ts`, so `@lab/schedules/torch` resolves here for tsx and tsc.
// Remove once tsconfig.paths.json maps "@lab/schedules/torch" to packages/schedules/src/torch.ts.
export * from '../../src/torch';
