// The optimizer
export { lion, lionDefinition } from './lion';
export { scaleByLion } from './scale-by-lion';
export type { ScaleByLionOptions, LionState } from './scale-by-lion';

// The plugin
export { lionPlugin } from './plugin';
