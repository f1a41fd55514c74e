import { labTsup } from '../../tsup.shared';

export default labTsup(['src/index.ts', 'src/scores.ts', 'src/plugin.ts']);
