import { labProject } from '../../vitest.shared';

// End-to-end tests run the built CLI as a subprocess (pnpm build first).
export default labProject('cli', { testTimeout: 120_000, hookTimeout: 300_000 });
