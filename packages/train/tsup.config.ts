import { labTsup } from '../../tsup.shared';

// The worker entry is its own file, resolved at run time relative to the module that starts the pool;
// `shims` gives the CommonJS build an `import.meta.url`.
export default labTsup(['src/index.ts', 'src/node.ts', 'src/worker.ts'], { shims: true, external: [/^@lab\//, 'tinypool'] });
