import { labTsup } from '../../tsup.shared';

export default labTsup(['src/index.ts', 'src/groups.ts', 'src/batches.ts', 'src/plugin.ts', 'src/groups-plugin.ts']);
