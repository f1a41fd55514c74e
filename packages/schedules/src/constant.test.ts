import { describe, expect, test } from 'vitest';
import { fractionalSteps, rejects } from '../test/helpers';
import { constant } from './constant';

describe('constant', () => {
  test('same value at step 0, later and at fractional epochs', () => {
    const s = constant({ value: 0.01 });
    expect([s(0), s(1), s(1e6), s(2.5)]).toEqual([0.01, 0.01, 0.01, 0.01]);
    fractionalSteps(s);
  });
  test('rejects a non-finite value', () => {
    rejects(() => constant({ value: NaN }), 'value');
  });
});
