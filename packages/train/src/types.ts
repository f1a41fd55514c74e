/**
 * Public types of @lab/train: data, model specs, fit options, events, history, results.
 * Everything a worker thread receives (a job) is plain, serialisable data.
 */
import type { BuildConfig, GradientTransformation, LossFunction, Registry, RngState, Schedule } from '@lab/core';
import type { Module, StateDict } from '@lab/tensor';

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

/**
 * Training or evaluation data: `nSamples` rows of `nFeatures` values, row-major, and one target per
 * row. Classification: `y` holds class indices in `[0, nClasses)` and `nClasses` is set. Regression:
 * no `nClasses`; `y` holds `nSamples × nOutputs` values (row-major). `Dataset` and `RegressionData`
 * of @lab/datasets satisfy it.
 */
export interface TrainData {
  readonly x: Float32Array;
  readonly y: ArrayLike<number>;
  readonly nSamples: number;
  readonly nFeatures: number;
  /** Number of classes (classification); absent for regression. */
  readonly nClasses?: number;
}

/**
 * How targets are fed to the loss, from the data and the model's output width:
 * `'index'`: class indices `[n]` (softmax / MLP classifier, cross-entropy);
 * `'binary'`: 0/1 values `[n, 1]` (one logit, logistic regression);
 * `'value'`: real targets `[n, outputs]` (regression).
 */
export type TargetKind = 'index' | 'binary' | 'value';

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

/** Activation of MLP hidden layers. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'leakyRelu' | 'softplus' | 'identity';

/** Linear regression `ŷ = xWᵀ + b` (nOutputs outputs). */
export interface LinearSpec {
  readonly type: 'linear';
  /** Learn a bias. Default true. */
  readonly bias?: boolean;
}
/** Polynomial regression: all monomials up to `degree` (scikit-learn's order, no constant column), then linear. */
export interface PolynomialSpec {
  readonly type: 'polynomial';
  /** Degree ≥ 1. Required. */
  readonly degree: number;
  readonly bias?: boolean;
}
/** Logistic regression: one logit; trained with binary cross-entropy on logits, label = logit > 0. */
export interface LogisticSpec {
  readonly type: 'logistic';
  readonly bias?: boolean;
}
/** Softmax (multinomial logistic) regression: one logit per class; cross-entropy. */
export interface SoftmaxSpec {
  readonly type: 'softmax';
  readonly bias?: boolean;
}
/** Multi-layer perceptron: `Linear → activation (→ dropout)` per hidden size, then a linear output layer. */
export interface MlpSpec {
  readonly type: 'mlp';
  /** Hidden layer sizes. Default [64]. */
  readonly hidden?: readonly number[];
  /** Default 'relu'. */
  readonly activation?: Activation;
  /** Dropout probability after each hidden activation. Default 0 (none). */
  readonly dropout?: number;
}

/** A serialisable model description: `createModel(spec, { nFeatures, nOutputs, seed })` builds it. */
export type ModelSpec = LinearSpec | PolynomialSpec | LogisticSpec | SoftmaxSpec | MlpSpec;

/** Sizes and seed of {@link createModel}. */
export interface ModelShape {
  readonly nFeatures: number;
  /** Output width: classes for softmax / MLP classifiers, targets per row for regression. Ignored by 'logistic' (1). Default 1. */
  readonly nOutputs?: number;
  /** Seed of the initial weights and of the dropout masks. Default 0. */
  readonly seed?: number;
}

/**
 * A module whose random state (dropout masks) can be saved and restored, so a resumed run is
 * bit-identical. `createModel` returns one; any `Module` without these methods is also accepted by `fit`.
 */
export interface StatefulModel {
  rngState?(): RngState;
  setRngState?(state: RngState): void;
}

/** What the training functions accept as a model. */
export type TrainableModel = Module & StatefulModel;

// ---------------------------------------------------------------------------------------------
// Fit options
// ---------------------------------------------------------------------------------------------

/** A loss: an object `{ forward(input, target) }`, a registry config `{ type, ...params }`, or a type name. */
export type LossInput = LossFunction | BuildConfig | string;
/** An optimizer: a gradient transformation, a registry config `{ type: 'adam', lr }`, or a type name. */
export type OptimizerInput = GradientTransformation | BuildConfig | string;
/** A metric to track: a short name (`'accuracy'`, `'f1'`, `'precision'`, `'recall'`, `'mse'`, `'mae'`, `'r2'`) or a registry config of a label / regression metric. */
export type MetricInput = string | BuildConfig;

/** L1 / L2 penalties added to the loss: `loss + l1·‖θ‖₁ + l2·‖θ‖₂²`. */
export interface RegularizationOptions {
  /** λ of ‖θ‖₁. Default 0. */
  readonly l1?: number;
  /** λ of ‖θ‖₂² (no ½, as @lab/losses' l2Penalty). Default 0. */
  readonly l2?: number;
  /** Leave biases (names ending in `bias`) out of the penalties. Default true. */
  readonly excludeBias?: boolean;
}

/** Gradient clipping applied before the optimizer. */
export interface ClippingOptions {
  /** Clip the global L2 norm of all gradients to this (PyTorch's clip_grad_norm_). */
  readonly norm?: number;
  /** Clip every gradient entry to [−value, value] (clip_grad_value_). */
  readonly value?: number;
}

/** Early stopping on a monitored quantity, checked after each epoch. */
export interface EarlyStoppingOptions {
  /** `'val.loss'` (default with validation data), `'train.loss'` (default without), or `'val.<metric>'`. */
  readonly monitor?: string;
  /** `'min'` or `'max'`. Default: 'min' for losses and errors, 'max' otherwise. */
  readonly mode?: 'min' | 'max';
  /** Epochs without improvement before stopping. Default 5. */
  readonly patience?: number;
  /** Smallest change that counts as an improvement. Default 0. */
  readonly minDelta?: number;
  /** Put back the parameters of the best epoch when stopping (and at the end). Default true. */
  readonly restoreBest?: boolean;
}

/** Where and how often `fit` writes checkpoints. */
export interface CheckpointOptions {
  /** Write every this many steps. */
  readonly everySteps?: number;
  /** Write at the end of every epoch. Default false. */
  readonly everyEpoch?: boolean;
  /**
   * Receives each checkpoint as bytes (also when stopped by the abort signal, and at the end).
   * `fileCheckpoint(path)` from `@lab/train/node` writes them atomically to a file.
   */
  readonly write: (bytes: Uint8Array, info: { step: number; epoch: number; reason: 'steps' | 'epoch' | 'abort' | 'end' }) => void | Promise<void>;
}

/**
 * The serialisable part of the fit options: everything except the model, the data, callbacks
 * and live objects. A worker thread can rebuild a run from it.
 */
export interface FitConfig {
  /** Default: cross-entropy for class indices, BCE-with-logits for one logit, MSE for regression. */
  readonly loss?: string | BuildConfig;
  /** Default `{ type: 'adam' }` (lr 1e-3). */
  readonly optimizer?: string | BuildConfig;
  /** Learning rate; overrides the optimizer config's `lr` when no schedule is given. */
  readonly lr?: number;
  /**
   * Learning-rate schedule `(step) => lr` or a schedule config; replaces the optimizer's `lr`.
   * A config without `decaySteps` (or `totalSteps`) gets the run's total number of steps.
   */
  readonly schedule?: BuildConfig;
  /** Samples per batch. Default 32. */
  readonly batchSize?: number;
  /** Number of epochs (may be fractional). Default 10 unless `iterations` is given. */
  readonly epochs?: number;
  /** Total number of steps (updates), instead of epochs. */
  readonly iterations?: number;
  /** Shuffle each epoch. Default true. */
  readonly shuffle?: boolean;
  /** Drop a smaller last batch. Default false. */
  readonly dropLast?: boolean;
  /** Seed of the batch order. Default 0. */
  readonly seed?: number;
  readonly regularization?: RegularizationOptions;
  readonly clipping?: ClippingOptions;
  /** Metrics evaluated on the validation data each epoch. Default: ['accuracy'] for classification, [] for regression. */
  readonly metrics?: readonly MetricInput[];
  readonly earlyStopping?: EarlyStoppingOptions | false;
  /** Yield to the event loop at least this often (ms), so progress renders and signals are handled. Default 20. */
  readonly yieldEveryMs?: number;
}

/** Options of {@link fit}. */
export interface FitOptions extends Omit<FitConfig, 'loss' | 'optimizer' | 'schedule'> {
  readonly model: TrainableModel;
  readonly train: TrainData;
  /** Evaluated after every epoch (loss and metrics); drives early stopping. */
  readonly validation?: TrainData;
  readonly loss?: LossInput;
  readonly optimizer?: OptimizerInput;
  readonly schedule?: Schedule | BuildConfig;
  readonly onEvent?: (event: FitEvent) => void;
  /** Stop cleanly after the current step (and write a checkpoint when configured). */
  readonly signal?: AbortSignal;
  readonly checkpoint?: CheckpointOptions;
  /** Continue from a checkpoint (bytes or decoded); the data, batch size and seed must be the same. */
  readonly resume?: Uint8Array | Checkpoint;
  /** Registry the configs are built from. Default {@link defaultRegistry}. */
  readonly registry?: Registry;
}

// ---------------------------------------------------------------------------------------------
// Events, history, results
// ---------------------------------------------------------------------------------------------

/** After every step (update). `step` counts updates from 1. */
export interface StepEvent {
  readonly type: 'step';
  readonly step: number;
  /** Epoch from 0. */
  readonly epoch: number;
  /** Batch within the epoch from 0. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly totalSteps: number;
  /** Data loss of the batch (without the penalty). */
  readonly loss: number;
  /** Learning rate used by this step (NaN when unknown: a raw transformation without `schedule`/`lr`). */
  readonly lr: number;
}

/** After each evaluation on the validation data. */
export interface EvalEvent {
  readonly type: 'eval';
  readonly epoch: number;
  readonly step: number;
  readonly split: 'validation';
  /** `loss` and every tracked metric. */
  readonly values: Readonly<Record<string, number>>;
}

/** After every epoch. */
export interface EpochEvent {
  readonly type: 'epoch';
  readonly epoch: number;
  readonly step: number;
  readonly epochs: number;
  /** Mean batch loss over the epoch. */
  readonly trainLoss: number;
  readonly lr: number;
  /** Validation loss and metrics, when validation data is given. */
  readonly val?: Readonly<Record<string, number>>;
}

/** After a checkpoint is written. */
export interface CheckpointEvent {
  readonly type: 'checkpoint';
  readonly step: number;
  readonly epoch: number;
  readonly bytes: number;
  readonly reason: 'steps' | 'epoch' | 'abort' | 'end';
}

/** Once, when training ends. */
export interface StopEvent {
  readonly type: 'stop';
  readonly step: number;
  readonly reason: StopReason;
}

export type FitEvent = StepEvent | EvalEvent | EpochEvent | CheckpointEvent | StopEvent;

/** Why `fit` returned. */
export type StopReason = 'completed' | 'earlyStopping' | 'aborted';

/** One epoch in the history. */
export interface EpochRecord {
  readonly epoch: number;
  readonly step: number;
  readonly trainLoss: number;
  readonly lr: number;
  readonly val?: Readonly<Record<string, number>>;
}

/** What `fit` records: per step loss and lr, per epoch the summary. */
export interface History {
  readonly loss: number[];
  readonly lr: number[];
  readonly epochs: EpochRecord[];
}

/** What `fit` returns. */
export interface FitResult {
  readonly history: History;
  /** The final parameters (after restoring the best epoch, when early stopping does). */
  readonly params: StateDict;
  readonly stopReason: StopReason;
  /** Steps done (updates). */
  readonly steps: number;
  readonly totalSteps: number;
  /** Best epoch and its monitored value, when early stopping is on. */
  readonly best?: { readonly epoch: number; readonly value: number; readonly monitor: string };
  readonly elapsedMs: number;
}

// ---------------------------------------------------------------------------------------------
// Checkpoints
// ---------------------------------------------------------------------------------------------

/** Early-stopping bookkeeping, saved in checkpoints. */
export interface EarlyStopState {
  readonly best: number;
  readonly bestEpoch: number;
  readonly wait: number;
  readonly bestParams: StateDict | null;
}

/**
 * Everything needed to continue a run exactly: parameters, optimizer state (which holds the
 * schedule's step count), the model's RNG state (dropout), the data-iterator position (`step`: the
 * epoch and batch follow from it and the batch plan; each epoch's order is a pure function of
 * seed and epoch), the history so far and early-stopping state.
 */
export interface Checkpoint {
  readonly format: 'lab.checkpoint';
  readonly version: 1;
  /** Updates done. */
  readonly step: number;
  readonly epoch: number;
  /** Position within the epoch (next batch). */
  readonly batch: number;
  readonly params: StateDict;
  readonly optimizer: unknown;
  readonly modelRng: RngState | null;
  /** The run's batch plan, checked on resume. */
  readonly plan: { readonly nSamples: number; readonly batchSize: number; readonly dropLast: boolean; readonly shuffle: boolean; readonly seed: number };
  readonly history: History;
  readonly earlyStopping: EarlyStopState | null;
  /** Free-form data the caller attached (e.g. the model spec). */
  readonly meta: unknown;
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** Precision, recall, F1 and support of one class (or an average). */
export interface ClassScores {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** What {@link evaluate} returns. Classification fields are present for classification data. */
export interface Evaluation {
  readonly loss: number;
  readonly nSamples: number;
  /** Every tracked metric by name (includes accuracy for classification, mse/mae/r2 for regression). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly accuracy?: number;
  readonly perClass?: readonly ClassScores[];
  readonly macro?: ClassScores;
  readonly micro?: ClassScores;
  readonly weighted?: ClassScores;
  /** `confusionMatrix[true][predicted]`, classes 0..nClasses-1. */
  readonly confusionMatrix?: number[][];
  /** scikit-learn's classification report as text. */
  readonly report?: string;
}

/** Model outputs for data: raw outputs `[n, width]` and, for classifiers, the predicted labels. */
export interface Prediction {
  readonly output: Float32Array;
  readonly width: number;
  readonly labels: Int32Array | null;
}
