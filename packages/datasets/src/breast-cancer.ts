import { bundledDataset } from './bundled';
import { INFO, X, Y } from './generated/breast-cancer';
import type { Dataset } from './types';

export type { Dataset } from './types';

/**
 * The Breast Cancer Wisconsin (Diagnostic) data as scikit-learn's `load_breast_cancer` ships it:
 * 569 samples × 30 features (mean, standard error and worst value of ten cell-nucleus
 * measurements), 2 classes `malignant` = 0 (212 samples) and `benign` = 1 (357 samples).
 *
 * The data is inside this module (no file access, no network). Each call returns fresh arrays.
 * Licence: CC BY 4.0; cite Wolberg et al. (1995) (see `citation`).
 *
 * @example
 * import { loadBreastCancer } from '@lab/datasets/breast-cancer';
 * const bc = loadBreastCancer(); // bc.nSamples === 569, bc.nFeatures === 30
 *
 * @see https://archive.ics.uci.edu/dataset/17/breast+cancer+wisconsin+diagnostic
 */
export function loadBreastCancer(): Dataset {
  return bundledDataset(INFO, X, Y);
}
