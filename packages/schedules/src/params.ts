/**
 * Param spec fragments shared by the schedule definitions (internal), like PyTorch's shared doc
 * fragments: one description per recurring parameter.
 */
export const initValue = { kind: 'number', description: 'value at step 0' } as const;
export const peakValue = { kind: 'number', description: 'value at the top of the warm-up or cycle' } as const;
export const endValue = { kind: 'number', default: 0, description: 'value reached at the end' } as const;
export const decaySteps = { kind: 'integer', min: 1, description: 'steps over which the value decays' } as const;
export const decayRate = { kind: 'number', min: 0, exclusiveMin: true, description: 'decay rate' } as const;
export const staircase = { kind: 'boolean', default: false, description: 'decay in discrete jumps (floor of step / decaySteps)' } as const;
export const gamma = { kind: 'number', default: 0.1, min: 0, exclusiveMin: true, description: 'multiplicative factor of each decay' } as const;
export const transitionBegin = { kind: 'integer', default: 0, min: 0, description: 'steps to hold initValue before the decay starts' } as const;
