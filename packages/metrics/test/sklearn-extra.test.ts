/**
 * Reference values from scikit-learn 1.2 beyond the shared conformance fixtures (string labels,
 * sample weights, multi-label averages, partial AUC, weighted curves, calibration, Brier,
 * explained variance, the report text). Regenerate with `/usr/bin/python3 test/gen_sklearn_extra.py`.
 */
import { describe, expect, test } from 'vitest';
import * as labels from '../src/index';
import * as scores from '../src/scores';
import data from './sklearn-extra.json';

const m = { ...labels, ...scores };

const decode = (x: unknown): unknown =>
  x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : Array.isArray(x) ? x.map(decode) : x;
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function expectClose(got: unknown, want: unknown, path = ''): void {
  if (ArrayBuffer.isView(got)) got = Array.from(got as unknown as ArrayLike<number>);
  if (Array.isArray(want)) {
    expect(Array.isArray(got), `${path} is an array`).toBe(true);
    expect((got as unknown[]).length, `${path}.length`).toBe(want.length);
    want.forEach((w, i) => expectClose((got as unknown[])[i], w, `${path}[${i}]`));
  } else if (typeof want === 'number') {
    if (Number.isNaN(want)) expect(got, path).toBeNaN();
    else expect(Math.abs((got as number) - want), `${path}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-12 + 1e-10 * Math.abs(want));
  } else expect(got, path).toEqual(want);
}

const quiet = { onWarning: () => {} };
const call: Record<string, (a: never, b: never, o: Record<string, unknown>) => unknown> = {
  ...(m as unknown as Record<string, never>),
  precisionRecallFscoreSupport: (a, b, o) => {
    const r = m.precisionRecallFscoreSupport(a, b, o);
    return [r.precision, r.recall, r.fscore, r.support];
  },
  rocCurve: (a, b, o) => Object.values(m.rocCurve(a, b, o)),
  precisionRecallCurve: (a, b, o) => Object.values(m.precisionRecallCurve(a, b, o)),
  calibrationCurve: (a, b, o) => Object.values(m.calibrationCurve(a, b, o)),
  classificationReportText: (a, b, o) => m.classificationReport(a, b, o).text,
};

describe('scikit-learn 1.2 reference values', () => {
  for (const c of data.cases) {
    test(c.name, () => {
      const o: Record<string, unknown> = { ...quiet };
      for (const [k, v] of Object.entries(c.kwargs)) o[camel(k)] = decode(v);
      const got = call[c.fn](c.args[0] as never, c.args[1] as never, o);
      expectClose(got, decode(c.expected));
    });
  }
});
