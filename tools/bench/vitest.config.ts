import { labProject } from '../../vitest.shared';

export default labProject('bench');
