import { labTsup } from '../../tsup.shared';

export default labTsup(['src/index.ts', 'src/testing.ts', 'src/surfaces.ts']);
