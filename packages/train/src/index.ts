// Types
export type * from './types';

// Models
export { createModel, Model } from './models';

// Training
export { fit, monitorMode } from './fit';
export { evaluate, predict } from './evaluate';
export type { EvaluateOptions } from './evaluate';

// Checkpoints (bytes; files in '@lab/train/node')
export { encodeCheckpoint, decodeCheckpoint } from './checkpoint';

// Registry of every built-in definition
export { defaultRegistry } from './registry';
