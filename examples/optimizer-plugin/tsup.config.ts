import { labTsup } from '../../tsup.shared';

// The declaration build resolves the peer packages through their built .d.ts files: this example
// has no node_modules of its own until the workspace is installed with it.
export default labTsup(['src/index.ts'], {
  dts: {
    compilerOptions: {
      paths: {
        '@lab/core': ['../../packages/core/dist/index.d.ts'],
        '@lab/optimizers': ['../../packages/optimizers/dist/index.d.ts'],
      },
    },
  },
});
