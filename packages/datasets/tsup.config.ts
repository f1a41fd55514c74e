import { labTsup } from '../../tsup.shared';

export default labTsup(['src/index.ts', 'src/digits.ts', 'src/iris.ts', 'src/wine.ts', 'src/breast-cancer.ts', 'src/node.ts']);
