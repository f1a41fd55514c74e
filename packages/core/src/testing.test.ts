import { describe, expect, test } from 'vitest';
import { defineSchedule, definePlugin } from './define';
import { checkPlugin, definitionProblems } from './testing';

const good = defineSchedule({
  name: 'constant',
  meta: { description: 'constant' },
  params: { value: { kind: 'number', default: 1, min: 0, description: 'the value' } },
  create: ({ value }) => () => value,
});

describe('plugin conformance checks', () => {
  test('a conforming plugin passes', () => {
    expect(() => checkPlugin(definePlugin({ meta: { name: 'p', version: '1.2.3' }, schedules: [good] }))).not.toThrow();
  });

  test('problems are listed: bad default, missing description, bad name, bad version, duplicate', () => {
    const bad = defineSchedule({
      name: '9bad name',
      meta: { description: '' },
      params: { value: { kind: 'number', default: -1, min: 0, description: '' } },
      create: ({ value }) => () => value,
    });
    const problems = definitionProblems(bad);
    expect(problems.join('\n')).toMatch(/name must match/);
    expect(problems.join('\n')).toMatch(/meta.description is required/);
    expect(problems.join('\n')).toMatch(/param "value" needs a description/);
    expect(problems.join('\n')).toMatch(/default of "value" does not satisfy its own spec/);
    expect(() => checkPlugin({ meta: { name: 'p', version: 'x' }, schedules: [good, good] })).toThrow(/version must be a semver[\s\S]*already registered/);
  });
});
