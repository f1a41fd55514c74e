import type { Handlers } from '../types';

/** Handlers keyed by the reference call name. Filled in by the package that implements them. */
export const handlers: Handlers = {};
