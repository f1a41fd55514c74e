import type { LabBackend } from '../lab-backends';
import type { TfPeer } from '../tfjs';
import type { PythonStatus } from '../python';
import type { Scratch } from '../data';
import type { Impl, WorkloadResult } from '../report';
import type { Backend, Tensor } from '@lab/tensor';

export interface Context {
  readonly labs: readonly LabBackend[];
  readonly tf: readonly TfPeer[];
  readonly python: PythonStatus;
  readonly scratch: Scratch;
  /** Small sizes and few runs: a smoke test of the harness, not a measurement for the page. */
  readonly quick: boolean;
  log(message: string): void;
}

export interface Workload {
  readonly id: string;
  readonly title: string;
  run(ctx: Context): Promise<WorkloadResult[]>;
}

/** An implementation that was not measured, with the reason. */
export const missing = (id: string, name: string, lab: boolean, reason: string): Impl => ({ id, name, lab, value: null, reason });

/** Release a result's storage early on backends with manual memory (no-op on the JS backend). */
export function release(backend: Backend, t: Tensor): void {
  backend.dispose?.(t.storage);
}

export function errorText(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}

/** Relative difference |a − b| / max(|a|, |b|, tiny). */
export function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-30);
}

/** An implementation whose measurement threw: reported as not measured, with the error. */
export const failed = (id: string, name: string, lab: boolean, e: unknown): Impl => missing(id, name, lab, `failed: ${errorText(e)}`);
