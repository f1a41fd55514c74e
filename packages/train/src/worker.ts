/**
 * Worker-thread entry of `createPoolExecutor` (`@lab/train/node`): tinypool calls the default
 * export with a job description and sends back its result. Built as its own file (dist/worker.js).
 * A lab error (bad input found while running the job) comes back as data, since structured cloning
 * drops what makes it a lab error; the executor turns it back into one.
 */
import { isLabError } from '@lab/core';
import { runJob, type JobResult, type TrainJob } from './job';

/** A lab error thrown in a worker, as plain data. */
export interface WorkerLabError {
  readonly labError: { readonly name: string; readonly message: string; readonly fields: Record<string, string | number | boolean | null> };
}

export default async function run(job: TrainJob): Promise<JobResult | WorkerLabError> {
  try {
    return await runJob(job);
  } catch (e) {
    if (!isLabError(e)) throw e;
    const fields: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(e)) fields[k] = v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string) : String(v);
    return { labError: { name: e.name, message: e.message, fields } };
  }
}
