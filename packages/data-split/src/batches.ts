/**
 * `@lab/data-split/batches`: what a training loop needs besides a splitter: the train / validation /
 * test holdout (`trainValTestSplit`), mini-batch iteration (`batches`, `epochRng`) and the
 * epoch / batch / iteration planner (`planTraining`). A separate entry point so that code that only
 * splits does not ship them, and training loops do not ship the cross-validation splitters.
 */
export { batches, epochRng } from './mini-batches';
export type { BatchOptions, Regime } from './mini-batches';
export { planTraining } from './plan';
export type { PlanInput, TrainingPlan } from './plan';
export { trainValTestSplit } from './train-val-test-split';
export type { TrainValTestSplitOptions, TrainValTest } from './train-val-test-split';
