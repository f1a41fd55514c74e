import { labProject } from '../../vitest.shared';

export default labProject('train');
