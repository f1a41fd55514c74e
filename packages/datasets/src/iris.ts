import { bundledDataset } from './bundled';
import { INFO, X, Y } from './generated/iris';
import type { Dataset } from './types';

export type { Dataset } from './types';

/**
 * Fisher's iris data as scikit-learn's `load_iris` ships it: 150 samples × 4 features (sepal
 * length, sepal width, petal length, petal width, in cm), 3 classes `setosa`, `versicolor`,
 * `virginica` with 50 samples each, in that order.
 *
 * The data is inside this module (no file access, no network). Each call returns fresh arrays.
 * Licence: CC BY 4.0; cite Fisher (1936) (see `citation`).
 *
 * @example
 * import { loadIris } from '@lab/datasets/iris';
 * const iris = loadIris(); // iris.nSamples === 150, iris.nFeatures === 4
 *
 * @see https://archive.ics.uci.edu/dataset/53/iris
 */
export function loadIris(): Dataset {
  return bundledDataset(INFO, X, Y);
}
