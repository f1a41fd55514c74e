import { bundledDataset } from './bundled';
import { INFO, X, Y } from './generated/digits';
import type { Dataset } from './types';

export type { Dataset } from './types';

/**
 * The 8×8 handwritten digits of the UCI "Optical Recognition of Handwritten Digits" data set (the
 * 1797-image test-set copy that scikit-learn's `load_digits` ships): 1797 samples × 64 features
 * (pixel `pixel_r_c` at `x[i * 64 + 8 * r + c]`, integer values 0–16, as float32), 10 classes `'0'`
 * … `'9'` with 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 samples.
 *
 * The data is inside this module (no file access, no network), so it loads in Node and in
 * browsers alike. Each call returns fresh arrays. Licence: CC BY 4.0; cite Alpaydin & Kaynak (1998)
 * (see `citation`). Divide by 16 (or standardize) before training.
 *
 * @example
 * import { loadDigits } from '@lab/datasets/digits';
 * const digits = loadDigits(); // digits.x: Float32Array(1797 * 64), digits.y: Int32Array(1797)
 *
 * @see https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits
 */
export function loadDigits(): Dataset {
  return bundledDataset(INFO, X, Y);
}
