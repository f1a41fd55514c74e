import { labProject } from '../../vitest.shared';

// --expose-gc lets the memory test force collections, so its heap bound measures live data only.
export default labProject('tensor', { execArgv: ['--expose-gc'] });
