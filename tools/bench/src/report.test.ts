import { describe, expect, test } from 'vitest';
import { best, evaluateGoal, fmt, fmtBytes, fmtRatio, rows, speedup, textTable, type WorkloadResult } from './report';

const base = (over: Partial<WorkloadResult>): WorkloadResult => ({
  id: 'w', title: 'W', unit: 'GFLOP/s', better: 'higher', impls: [], goals: [], limits: [], checks: [], notes: [], ...over,
});

describe('speedup and best', () => {
  test('speedup is ours/peer when higher is better and peer/ours when lower is better', () => {
    expect(speedup(30, 10, 'higher')).toBe(3);
    expect(speedup(1, 4, 'lower')).toBe(4);
    expect(speedup(4, 1, 'lower')).toBe(0.25);
  });
  test('best skips unmeasured values and follows the direction', () => {
    const impls = [
      { id: 'a', name: 'a', lab: true, value: 2 },
      { id: 'b', name: 'b', lab: true, value: null, reason: 'x' },
      { id: 'c', name: 'c', lab: true, value: 5 },
    ];
    expect(best(impls, 'higher')?.id).toBe('c');
    expect(best(impls, 'lower')?.id).toBe('a');
    expect(best([impls[1]], 'higher')).toBeNull();
  });
});

describe('rows', () => {
  test('every lab variant against every peer, ratio = ours / peer, null where not measured', () => {
    const w = base({
      better: 'lower',
      unit: 's',
      impls: [
        { id: 'lab', name: 'lab', lab: true, value: 0.5 },
        { id: 'lab-wasm', name: 'lab wasm', lab: true, value: null, reason: 'not available' },
        { id: 'sk', name: 'sklearn', lab: false, value: 2 },
      ],
    });
    const r = rows(w);
    expect(r).toHaveLength(2);
    expect(r[0]).toEqual({ workload: 'w', unit: 's', ours: 0.5, oursName: 'lab', peer: 2, peerName: 'sklearn', ratio: 0.25, speedup: 4 });
    expect(r[1]).toMatchObject({ ours: null, ratio: null, speedup: null, peer: 2 });
  });
});

describe('evaluateGoal', () => {
  const mm = base({
    impls: [
      { id: 'lab-js', name: 'lab js', lab: true, value: 4 },
      { id: 'lab-wasm', name: 'lab wasm', lab: true, value: 28 },
      { id: 'tfjs-cpu', name: 'tfjs cpu', lab: false, value: 0.7 },
      { id: 'tfjs-wasm', name: 'tfjs wasm', lab: false, value: 2 },
    ],
  });
  test('absolute goal on the best lab variant, with how much is missing', () => {
    const e = evaluateGoal(mm, { kind: 'absolute', text: '≥ 35', target: 35 });
    expect(e.met).toBe(false);
    expect(e.detail).toContain('1.25× short');
    expect(e.detail).toContain('80 % of the goal');
    expect(e.detail).toContain('lab wasm');
    expect(evaluateGoal(mm, { kind: 'absolute', text: '≥ 20', target: 20 }).met).toBe(true);
  });
  test('relative goal against the best of the named peers', () => {
    const e = evaluateGoal(mm, { kind: 'vs', text: '≥ 13× tfjs', peers: ['tfjs-cpu', 'tfjs-wasm'], factor: 13 });
    expect(e.met).toBe(true);
    expect(e.detail).toContain('14.0× tfjs wasm');
    const miss = evaluateGoal(mm, { kind: 'vs', text: '≥ 20× tfjs', peers: ['tfjs-cpu', 'tfjs-wasm'], factor: 20 });
    expect(miss.met).toBe(false);
    expect(miss.detail).toContain('1.43× short');
  });
  test('lower-is-better goals', () => {
    const tiny = base({ unit: 'µs/op', better: 'lower', impls: [{ id: 'lab', name: 'lab', lab: true, value: 1.5 }] });
    const e = evaluateGoal(tiny, { kind: 'absolute', text: '≤ 0.5', target: 0.5 });
    expect(e.met).toBe(false);
    expect(e.detail).toContain('3.00× over the goal');
    expect(evaluateGoal(tiny, { kind: 'absolute', text: '≤ 2', target: 2 }).met).toBe(true);
  });
  test('not evaluated when the value it needs is missing, with the reason', () => {
    const w = base({ impls: [{ id: 'lab', name: 'lab', lab: true, value: 3 }, { id: 'torch', name: 'PyTorch', lab: false, value: null, reason: 'skipped: no torch' }] });
    const e = evaluateGoal(w, { kind: 'vs', text: 'half of PyTorch', peers: ['torch'], factor: 0.5 });
    expect(e.met).toBeNull();
    expect(e.detail).toContain('skipped: no torch');
    expect(evaluateGoal(base({}), { kind: 'absolute', text: 'x', target: 1 }).met).toBeNull();
  });
});

describe('formatting', () => {
  test('fmt keeps about three significant digits without exponents', () => {
    expect(fmt(123456.7)).toBe('123,457');
    expect(fmt(123.4)).toBe('123');
    expect(fmt(12.34)).toBe('12.3');
    expect(fmt(1.234)).toBe('1.23');
    expect(fmt(0.01234)).toBe('0.0123');
    expect(fmt(0.00001234)).toBe('0.0000123');
    expect(fmt(0)).toBe('0');
    expect(fmt(null)).toBe('–');
    expect(fmt(Number.NaN)).toBe('–');
  });
  test('fmtRatio and fmtBytes', () => {
    expect(fmtRatio(13.04)).toBe('13.0×');
    expect(fmtRatio(0.25)).toBe('0.250×');
    expect(fmtRatio(null)).toBe('–');
    expect(fmtBytes(999)).toBe('999 B');
    expect(fmtBytes(18168)).toBe('18.2 kB');
  });
  test('textTable aligns columns', () => {
    const t = textTable(['name', 'v'], [['a', '1'], ['long name', '10.5']]).split('\n');
    expect(t[0]).toBe('name          v');
    expect(t[2]).toBe('a             1');
    expect(t[3]).toBe('long name  10.5');
  });
});
