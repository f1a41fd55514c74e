import { labProject } from '../../vitest.shared';

// The tarball test builds, packs and npm-installs three packages: give it room.
export default labProject('optimizer-plugin', { testTimeout: 180_000, hookTimeout: 180_000 });
