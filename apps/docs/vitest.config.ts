import { labProject } from '../../vitest.shared';

// The browser test drives a real chromium over the built site; visiting every page takes a while.
export default labProject('docs', { testTimeout: 180_000, hookTimeout: 120_000 });
