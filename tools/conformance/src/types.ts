/** A fixture file as recorded from the reference library (see fixtures/README.md). */
export interface FixtureFile {
  generator: string;
  family: string;
  cases: FixtureCase[];
}

export interface FixtureCase {
  id: string;
  call: { torch?: string; sklearn?: string; kwargs: Record<string, unknown> };
  kind?: string;
  inputs: Record<string, unknown>;
  expected: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface Mismatch {
  field: string;
  expected: unknown;
  got: unknown;
}

/** Runs one case: returns its mismatches (empty = pass). Throwing is a failure, except on an error case. */
export type Handler = (c: FixtureCase) => Mismatch[];

/** A family's handlers, keyed by the reference call name (`torch.optim.Adam`). */
export type Handlers = Record<string, Handler>;

export interface CaseResult {
  id: string;
  family: string;
  pass: boolean;
  detail?: string;
}
