/** Shared parameter specs (one description for a parameter that recurs). */
export const labelsParam = { kind: 'numbers', optional: true, description: 'labels to use, in order' } as const;
export const posLabelParam = { kind: 'number', optional: true, description: 'the positive class' } as const;
export const posLabel1 = { ...posLabelParam, default: 1 } as const;
export const normalizeParam = { kind: 'boolean', default: true, description: 'fraction (true) or count' } as const;
export const multioutputParam = {
  kind: 'enum',
  values: ['uniform_average', 'raw_values'],
  default: 'uniform_average',
  description: 'average the outputs or not',
} as const;
