/**
 * Worker-thread entry of `createPoolExecutor` (`@lab/train/node`): tinypool calls the default
 * export with a job description and sends back its result. Built as its own file (dist/worker.js).
 */
import { runJob, type JobResult, type TrainJob } from './job';

export default function run(job: TrainJob): Promise<JobResult> {
  return runJob(job);
}
