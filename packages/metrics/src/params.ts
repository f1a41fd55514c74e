/** Shared parameter specs (one description for a parameter that recurs). */
export const labelsParam = { kind: 'numbers', optional: true, description: 'labels to use, in this order (default: the sorted labels present)' } as const;
export const posLabelParam = { kind: 'number', default: 1, description: "the positive class for average 'binary'" } as const;
export const normalizeParam = { kind: 'boolean', default: true, description: 'return a fraction (true) or a weighted count (false)' } as const;
export const averageParam = {
  kind: 'enum',
  values: ['binary', 'micro', 'macro', 'weighted', 'samples', 'none'],
  default: 'binary',
  description: "how per-class scores are averaged ('none': per class)",
} as const;
export const zeroDivisionParam = {
  kind: 'enum',
  values: ['warn', '0', '1', 'NaN'],
  default: 'warn',
  description: "value of a 0/0 ratio ('warn': 0 and a warning)",
} as const;
export const multioutputParam = {
  kind: 'enum',
  values: ['uniform_average', 'raw_values'],
  default: 'uniform_average',
  description: 'average the outputs, or return one value per output',
} as const;
