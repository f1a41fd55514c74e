// @lab/datasets: synthetic generators, IDX/CSV parsers and preprocessing, browser-safe.
// The bundled real data sets are separate subpaths so that importing one does not pull the others:
//   @lab/datasets/digits, @lab/datasets/iris, @lab/datasets/wine, @lab/datasets/breast-cancer.
// Reading files from disk lives in @lab/datasets/node.

// Types
export type { Dataset, RegressionData, RowData } from './types';
export type { DatasetInit } from './dataset';
export type { DataLocation } from './errors';

// Errors
export { DataFormatError } from './errors';

// Building data sets
export { createDataset } from './dataset';

// Synthetic generators
export { makeSineRegression } from './sine-regression';
export type { SineRegressionOptions } from './sine-regression';
export { makePolynomialRegression } from './polynomial-regression';
export type { PolynomialRegressionOptions, PolynomialRegressionData } from './polynomial-regression';
export type { RegressionSampling } from './regression';
export { makeBlobs } from './blobs';
export type { BlobsOptions, BlobsDataset } from './blobs';
export { makeMoons } from './moons';
export type { MoonsOptions } from './moons';
export { makeCircles } from './circles';
export type { CirclesOptions } from './circles';
export { makeSpirals } from './spirals';
export type { SpiralsOptions } from './spirals';

// File formats
export { parseIdx, encodeIdx, isGzip } from './idx';
export type { IdxArray, IdxData, IdxDtype } from './idx';
export { idxToDataset } from './idx-dataset';
export type { IdxDatasetOptions } from './idx-dataset';
export { parseCsv } from './csv';
export type { CsvOptions, CsvTable, CsvClassification, CsvRegression, CsvUnlabelled } from './csv';
export { gunzip } from './gunzip';

// Preprocessing
export { fitStandardize, applyStandardize, standardize } from './standardize';
export type { StandardizeStats } from './standardize';
export { fitMinMax, applyMinMax, minMaxScale } from './min-max-scale';
export type { MinMaxStats } from './min-max-scale';
export { oneHot } from './one-hot';
export { takeRows, gatherRows } from './take-rows';
