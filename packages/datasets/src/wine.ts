import { bundledDataset } from './bundled';
import { INFO, X, Y } from './generated/wine';
import type { Dataset } from './types';

export type { Dataset } from './types';

/**
 * The UCI wine recognition data as scikit-learn's `load_wine` ships it: 178 samples × 13 chemical
 * measurements (alcohol … proline; scales differ by 10³, so standardize), 3 classes `class_0`,
 * `class_1`, `class_2` (three cultivars) with 59, 71 and 48 samples.
 *
 * The data is inside this module (no file access, no network). Each call returns fresh arrays.
 * Licence: CC BY 4.0; cite Aeberhard & Forina (1991) (see `citation`).
 *
 * @example
 * import { loadWine } from '@lab/datasets/wine';
 * const wine = loadWine(); // wine.nSamples === 178, wine.nFeatures === 13
 *
 * @see https://archive.ics.uci.edu/dataset/109/wine
 */
export function loadWine(): Dataset {
  return bundledDataset(INFO, X, Y);
}
