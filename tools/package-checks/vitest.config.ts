import { labProject } from '../../vitest.shared';

// Packing and npm-installing is slow-ish: generous timeouts, one file at a time.
export default labProject('package-checks', { testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false });
