import type { Command } from 'commander';
import { planTraining } from '@lab/data-split/batches';
import { emit, type Context, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { intFlag } from '../spec-options';

/** `lab plan`: the lecture's homework — N samples, batch size B, epochs or iterations T. */
export function registerPlan(program: Command, ctx: Context): void {
  program
    .command('plan')
    .description('epochs, batches per epoch, last batch size and iterations for N samples and batch size B')
    .requiredOption('--samples <n>', 'number of training samples N')
    .requiredOption('--batch-size <n>', 'batch size B')
    .option('--epochs <e>', 'number of epochs (give this or --iterations)')
    .option('--iterations <t>', 'total iterations T (give this or --epochs)')
    .option('--drop-last', 'drop the last, smaller batch of each epoch', false)
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<GlobalOptions & { samples: string; batchSize: string; epochs?: string; iterations?: string; dropLast: boolean }>();
      if ((o.epochs === undefined) === (o.iterations === undefined)) throw new UsageError('plan: give exactly one of --epochs and --iterations');
      const epochs = o.epochs === undefined ? undefined : Number(o.epochs);
      if (epochs !== undefined && !(epochs > 0)) throw new UsageError(`--epochs must be a number > 0, got ${JSON.stringify(o.epochs)}`);
      const plan = planTraining(
        {
          nSamples: intFlag('--samples', o.samples),
          batchSize: intFlag('--batch-size', o.batchSize),
          ...(epochs === undefined ? { iterations: intFlag('--iterations', o.iterations as string) } : { epochs }),
        },
        { dropLast: o.dropLast },
      );
      const ends = plan.epochEnds.length > 6 ? [...plan.epochEnds.slice(0, 3), '…', ...plan.epochEnds.slice(-2)].join(', ') : plan.epochEnds.join(', ');
      await emit(ctx, o, {
        title: 'lab plan',
        json: plan,
        tables: [
          {
            columns: ['quantity', 'value'],
            rows: [
              ['samples N', plan.nSamples],
              ['batch size B', plan.batchSize],
              ['batches per epoch', plan.batchesPerEpoch],
              ['full batches of B', plan.fullBatches],
              ['last batch size', plan.lastBatchSize],
              ['iterations per epoch (keep last / drop last)', `${plan.iterationsPerEpoch.keepLast} / ${plan.iterationsPerEpoch.dropLast}`],
              ['total iterations T', plan.iterations],
              ['epochs', Number(plan.epochs.toFixed(4))],
              ['whole epochs', plan.wholeEpochs],
              ['epoch ends at iteration', ends || '(none)'],
            ],
          },
        ],
      });
    });
}
