import { labTsup } from '../../tsup.shared';

export default labTsup();
