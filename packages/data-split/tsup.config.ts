import { labTsup } from '../../tsup.shared';

export default labTsup(['src/index.ts', 'src/plugin.ts', 'src/batches.ts']);
