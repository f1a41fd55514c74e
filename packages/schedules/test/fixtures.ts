import { readFileSync } from 'node:fs';

/** The recorded PyTorch 1.13 fixtures (tools/conformance/fixtures/schedules.json). */
export interface TorchCase {
  id: string;
  call: { torch: string; kwargs: Record<string, unknown> };
  base_lr: number;
  n_scheduler_steps: number;
  metrics?: number[];
  expected: {
    lr_before_step: number[];
    lr_after_last_step: number;
    momentum_before_step?: number[];
    momentum_after_last_step?: number;
    one_more_step?: { error: string };
  };
}

export const cases: TorchCase[] = JSON.parse(readFileSync(new URL('../../../tools/conformance/fixtures/schedules.json', import.meta.url), 'utf8')).cases;

export const casesOf = (name: string) => cases.filter((c) => c.call.torch.endsWith(`.${name}`));
