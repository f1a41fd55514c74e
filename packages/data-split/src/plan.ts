import { resolveOptions } from '@lab/core';
import { countParam, fail } from './internal';

/** What {@link planTraining} plans from: N, B, and either epochs or total iterations T. */
export type PlanInput =
  | { nSamples: number; batchSize: number; epochs: number; iterations?: undefined }
  | { nSamples: number; batchSize: number; iterations: number; epochs?: undefined };

/** The plan {@link planTraining} returns. An iteration is one batch, one optimizer update. */
export interface TrainingPlan {
  readonly nSamples: number;
  readonly batchSize: number;
  readonly dropLast: boolean;
  /** Batches (iterations) per epoch under this `dropLast`: `ceil(N / B)`, or `floor(N / B)` with dropLast. */
  readonly batchesPerEpoch: number;
  /** Iterations per epoch both ways: `keepLast = ceil(N / B)`, `dropLast = floor(N / B)`. */
  readonly iterationsPerEpoch: { readonly keepLast: number; readonly dropLast: number };
  /** Batches of exactly B samples per epoch, `floor(N / B)`. */
  readonly fullBatches: number;
  /** Size of the last batch of an epoch: `N % B` when that is not 0 and the batch is kept, else B. */
  readonly lastBatchSize: number;
  /** Total iterations T (given, or `ceil(epochs * batchesPerEpoch)`). */
  readonly iterations: number;
  /** Epochs, fractional: `T / batchesPerEpoch`. */
  readonly epochs: number;
  /** Whole epochs completed: `floor(epochs)`. */
  readonly wholeEpochs: number;
  /** The iteration (1-based count of updates) at which each whole epoch ends: `e * batchesPerEpoch`. */
  readonly epochEnds: number[];
}

const spec = {
  nSamples: { kind: 'integer', min: 1, description: '' },
  batchSize: { kind: 'integer', min: 1, description: '' },
  epochs: { kind: 'number', min: 0, exclusiveMin: true, optional: true, description: '' },
  iterations: /* @__PURE__ */ countParam(''),
} as const;

/**
 * The lecture's homework: from N samples, batch size B and either the number of epochs or the total
 * number of iterations T, work out batches per epoch (`ceil(N / B)`, or `floor(N / B)` with
 * `dropLast`), the size of the last batch, the epochs (fractional `T / batchesPerEpoch`, and
 * whole), and the iteration at which each epoch ends. From epochs, `T = ceil(epochs *
 * batchesPerEpoch)` (rounded to 12 significant digits first, so 0.3 * 10 is 3).
 *
 * Defaults: `dropLast: false`. Errors: N, B or T not integers >= 1, epochs not > 0, both or
 * neither of epochs and iterations, `dropLast` with B > N (no batch per epoch).
 *
 * @example
 * planTraining({ nSamples: 100000, batchSize: 100, iterations: 30000 });
 * // { batchesPerEpoch: 1000, lastBatchSize: 100, epochs: 30, epochEnds: [1000, 2000, ..., 30000], ... }
 * planTraining({ nSamples: 100000, batchSize: 128, iterations: 30000 });
 * // { batchesPerEpoch: 782, fullBatches: 781, lastBatchSize: 32, epochs: 38.36..., wholeEpochs: 38, ... }
 */
export function planTraining(input: PlanInput, { dropLast = false }: { dropLast?: boolean } = {}): TrainingPlan {
  const { nSamples: N, batchSize: B, epochs, iterations } = resolveOptions(spec, input, 'planTraining');
  if (!epochs === !iterations || typeof dropLast !== 'boolean') fail('planTraining', [input, dropLast], 'one of epochs and iterations, and a boolean dropLast');
  const full = Math.floor(N / B);
  const keep = Math.ceil(N / B);
  const per = dropLast ? full : keep;
  if (!per) fail('batchSize', B, `<= ${N} (samples) with dropLast`);
  const T = iterations ?? Math.ceil(+(epochs! * per).toPrecision(12));
  const wholeEpochs = Math.floor(T / per);
  return {
    nSamples: N,
    batchSize: B,
    dropLast,
    batchesPerEpoch: per,
    iterationsPerEpoch: { keepLast: keep, dropLast: full },
    fullBatches: full,
    lastBatchSize: dropLast || N % B === 0 ? B : N % B,
    iterations: T,
    epochs: T / per,
    wholeEpochs,
    epochEnds: Array.from({ length: wholeEpochs }, (_, e) => (e + 1) * per),
  };
}
