/**
 * JSON Schema export of params specs (a subpath, `@lab/core/schema`, so that code which only
 * validates does not carry it: the CLI's config files and the docs' API pages use it).
 */
import type { JsonSchema, ParamSpec, ParamsSpec } from './types';

function paramSchema(p: ParamSpec): JsonSchema {
  const num = (type: string, q: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean }) => ({
    type,
    ...(q.min === undefined ? {} : q.exclusiveMin ? { exclusiveMinimum: q.min } : { minimum: q.min }),
    ...(q.max === undefined ? {} : q.exclusiveMax ? { exclusiveMaximum: q.max } : { maximum: q.max }),
  });
  const base = { description: p.description, ...(p.default === undefined ? {} : { default: p.default }) };
  switch (p.kind) {
    case 'number':
    case 'integer':
      return { ...base, ...num(p.kind, p) };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'enum':
      return { ...base, enum: p.values };
    case 'numbers':
      return { ...base, type: 'array', items: num('number', p), ...(p.length === undefined ? {} : { minItems: p.length, maxItems: p.length }) };
    case 'number-or-schedule':
      // In JSON a schedule is a registry config: { "type": "cosineDecay", ... }.
      return {
        ...base,
        anyOf: [num('number', p), { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] }],
      };
  }
}

/** JSON Schema (draft 2020-12) for the options object a spec accepts. */
export function toJsonSchema(spec: ParamsSpec, title?: string): JsonSchema {
  const required = Object.entries(spec)
    .filter(([, p]) => p.default === undefined && !p.optional)
    .map(([k]) => k);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(title ? { title } : {}),
    type: 'object',
    properties: Object.fromEntries(Object.entries(spec).map(([k, p]) => [k, paramSchema(p)])),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}
