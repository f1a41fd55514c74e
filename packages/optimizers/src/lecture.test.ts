/**
 * The lecture's forms next to PyTorch's: where they agree and where they differ.
 */
import { describe, expect, it } from 'vitest';
import { adagrad, adam, applyUpdates, LECTURE, rmsprop, sgd } from './index';
import type { FloatArray, GradientTransformation } from './index';

const A = [1, 3, 0.5];
const gradAt = (x: FloatArray) => Float64Array.from(x, (v, i) => A[i] * v - 1);

/** Run a transformation on the quadratic, returning x after every step. */
function trajectory(t: GradientTransformation, steps: number, x0 = [2, -1, 0.5]): number[][] {
  let x: FloatArray[] = [Float64Array.from(x0)];
  let s = t.init(x);
  const out: number[][] = [];
  for (let k = 0; k < steps; k++) {
    const r = t.update([gradAt(x[0])], s, x);
    s = r.state;
    x = applyUpdates(x, r.updates);
    out.push(Array.from(x[0]));
  }
  return out;
}

const maxRelDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]) / Math.max(1e-300, Math.abs(b[i][j])))));

describe('momentum: learning rate outside (PyTorch) or inside (lecture) the buffer', () => {
  const decaying = (t: number) => 0.1 * 0.8 ** t;
  it('agree while the learning rate is constant', () => {
    const a = trajectory(sgd({ lr: 0.1, momentum: 0.9 }), 40);
    const b = trajectory(sgd({ lr: 0.1, momentum: 0.9, ...LECTURE.sgd }), 40);
    expect(maxRelDiff(a, b)).toBeLessThan(1e-12);
  });
  it('differ once the learning rate follows a schedule', () => {
    const a = trajectory(sgd({ lr: decaying, momentum: 0.9 }), 40);
    const b = trajectory(sgd({ lr: decaying, momentum: 0.9, ...LECTURE.sgd }), 40);
    expect(maxRelDiff(a, b)).toBeGreaterThan(1e-3);
  });
  it('the lecture form is v = mu*v + lr*g, theta -= v exactly', () => {
    let theta = [2, -1, 0.5];
    let v = [0, 0, 0];
    const ours = trajectory(sgd({ lr: decaying, momentum: 0.9, ...LECTURE.sgd }), 20);
    ours.forEach((x, t) => {
      const g = gradAt(Float64Array.from(theta));
      v = v.map((vi, i) => 0.9 * vi + decaying(t) * g[i]);
      theta = theta.map((th, i) => th - v[i]);
      x.forEach((xi, i) => expect(xi).toBeCloseTo(theta[i], 12));
    });
  });
});

describe("Nesterov: PyTorch's form and the lecture's look-ahead gradient", () => {
  const mu = 0.9;
  const lr = (t: number) => 0.05 * 0.9 ** t;
  /** The lecture: gradient at the look-ahead point theta + mu*v; v = mu*v - lr*g; theta += v. */
  function lookahead(steps: number, rate: (t: number) => number) {
    let theta = [2, -1, 0.5];
    let v = [0, 0, 0];
    const thetas: number[][] = [];
    const points: number[][] = [];
    for (let t = 0; t < steps; t++) {
      const g = gradAt(Float64Array.from(theta, (th, i) => th + mu * v[i]));
      v = v.map((vi, i) => mu * vi - rate(t) * g[i]);
      theta = theta.map((th, i) => th + v[i]);
      thetas.push(theta);
      points.push(theta.map((th, i) => th + mu * v[i]));
    }
    return { thetas, points };
  }

  it("PyTorch's iterates are the lecture's look-ahead points theta + mu*v (with lr inside the buffer, also under a schedule)", () => {
    const { points, thetas } = lookahead(30, lr);
    const ours = trajectory(sgd({ lr, momentum: mu, nesterov: true, ...LECTURE.sgd }), 30);
    expect(maxRelDiff(ours, points)).toBeLessThan(1e-10);
    // ...which are not the lecture's theta: they differ by mu*v
    expect(maxRelDiff(ours, thetas)).toBeGreaterThan(1e-2);
  });

  it('with a constant lr the PyTorch form gives the same points; with a schedule it does not', () => {
    const constant = lookahead(30, () => 0.05).points;
    expect(maxRelDiff(trajectory(sgd({ lr: 0.05, momentum: mu, nesterov: true }), 30), constant)).toBeLessThan(1e-10);
    expect(maxRelDiff(trajectory(sgd({ lr, momentum: mu, nesterov: true }), 30), lookahead(30, lr).points)).toBeGreaterThan(1e-3);
  });
});

describe('epsilon inside (lecture) or outside (PyTorch) the square root', () => {
  const oneStep = (t: GradientTransformation, g: number) => {
    const x = [Float64Array.of(0)];
    return t.update([Float64Array.of(g)], t.init(x), x).updates[0][0];
  };
  const cases: [string, (inside: boolean) => GradientTransformation][] = [
    ['adagrad', (inside) => adagrad({ lr: 1, eps: 1e-8, epsInsideSqrt: inside })],
    ['rmsprop', (inside) => rmsprop({ lr: 1, eps: 1e-8, epsInsideSqrt: inside })],
    ['adam', (inside) => adam({ lr: 1, eps: 1e-8, epsInsideSqrt: inside })],
  ];
  it.each(cases)('%s: agree when the gradient is large against eps', (_, make) => {
    const a = oneStep(make(false), 2);
    const b = oneStep(make(true), 2);
    expect(Math.abs(a - b) / Math.abs(a)).toBeLessThan(1e-6);
  });
  it.each(cases)('%s: differ when the gradient is as small as sqrt(eps)', (_, make) => {
    const a = oneStep(make(false), 1e-5);
    const b = oneStep(make(true), 1e-5);
    expect(Math.abs(a - b) / Math.abs(a)).toBeGreaterThan(0.1);
  });
});

describe("Adam's beta2: PyTorch 0.999 or the lecture's 0.99", () => {
  it('agree on the first step (bias correction cancels beta2) and differ after', () => {
    const a = trajectory(adam({ lr: 0.1 }), 10);
    const b = trajectory(adam({ lr: 0.1, b2: LECTURE.adam.b2 }), 10);
    expect(maxRelDiff([a[0]], [b[0]])).toBeLessThan(1e-12);
    expect(maxRelDiff(a, b)).toBeGreaterThan(1e-4);
  });
  it('the LECTURE.adam preset is beta2 = 0.99 with eps inside the root', () => {
    expect(LECTURE.adam).toEqual({ b2: 0.99, epsInsideSqrt: true });
    const a = trajectory(adam({ lr: 0.1, ...LECTURE.adam }), 10);
    const b = trajectory(adam({ lr: 0.1, b2: 0.99 }), 10);
    expect(maxRelDiff(a, b)).toBeLessThan(1e-6);
  });
});
