// Development only (not built or published): the worker entry used when @lab/train runs from its
// TypeScript source (vitest, tsx). It registers tsx in the worker thread, then loads worker.ts.
import { fileURLToPath, URL } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { default: run } = await import('./worker.ts');
export default run;
