/**
 * Two-dimensional test functions for optimizers, with exact gradients: where the lecture's optimizers
 * differ visibly (a saddle point, local minima, a plateau, a narrow curved valley, steep walls).
 * Used by the CLI's `lab surface`, the docs' optimizer race and the tests. `@lab/optimizers/surfaces`.
 *
 * @example
 * import { surface } from '@lab/optimizers/surfaces';
 * const s = surface('rosenbrock');
 * s.f(1, 1);      // 0
 * s.grad(0, 0);   // [-2, 0]
 */
import { UnknownNameError } from '@lab/core';

export interface Surface {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  /** The global minimum value f*. */
  readonly fMin: number;
  /** Plotting window. */
  readonly x: [number, number];
  readonly y: [number, number];
  /** A starting point that shows the surface's difficulty. */
  readonly start: [number, number];
  /** Known minimisers. */
  readonly minima: [number, number][];
}

const sq = (v: number): number => v * v;

/** The surfaces, in the order the docs show them. */
export const SURFACES: readonly Surface[] = [
  {
    name: 'saddle',
    title: 'Saddle point',
    description: 'f = x² + y⁴/4 − y²/2 + 1/4: a saddle at the origin between two minima at (0, ±1). Started on the ridge, plain gradient descent stalls.',
    f: (x, y) => x * x + y ** 4 / 4 - (y * y) / 2 + 0.25,
    grad: (x, y) => [2 * x, y ** 3 - y],
    fMin: 0,
    x: [-2, 2],
    y: [-1.6, 1.6],
    start: [1.8, 0.001],
    minima: [
      [0, 1],
      [0, -1],
    ],
  },
  {
    name: 'local-minima',
    title: 'Local minima',
    description: 'f = (x² + y²)/10 − cos(2x)·cos(2y) + 1: a bowl covered in dimples, global minimum at the origin.',
    f: (x, y) => (x * x + y * y) / 10 - Math.cos(2 * x) * Math.cos(2 * y) + 1,
    grad: (x, y) => [x / 5 + 2 * Math.sin(2 * x) * Math.cos(2 * y), y / 5 + 2 * Math.cos(2 * x) * Math.sin(2 * y)],
    fMin: 0,
    x: [-4, 4],
    y: [-4, 4],
    start: [3.3, 2.6],
    minima: [[0, 0]],
  },
  {
    name: 'plateau',
    title: 'Plateau',
    description: 'f = 1 − exp(−(x² + 4y²)/2): almost flat far from the minimum; methods that divide by the gradient’s size cross it, plain SGD crawls.',
    f: (x, y) => 1 - Math.exp(-(x * x + 4 * y * y) / 2),
    grad: (x, y) => {
      const e = Math.exp(-(x * x + 4 * y * y) / 2);
      return [x * e, 4 * y * e];
    },
    fMin: 0,
    x: [-4, 4],
    y: [-2.5, 2.5],
    start: [3.2, 1.2],
    minima: [[0, 0]],
  },
  {
    name: 'rosenbrock',
    title: 'Rosenbrock',
    description: 'f = (1 − x)² + 100·(y − x²)²: a long curved valley with its minimum at (1, 1) (Rosenbrock 1960).',
    f: (x, y) => sq(1 - x) + 100 * sq(y - x * x),
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    fMin: 0,
    x: [-2, 2],
    y: [-1, 3],
    start: [-1.5, 2],
    minima: [[1, 1]],
  },
  {
    name: 'beale',
    title: 'Beale',
    description: 'f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: flat in the middle, very steep at the edges, minimum at (3, 0.5).',
    f: (x, y) => sq(1.5 - x + x * y) + sq(2.25 - x + x * y * y) + sq(2.625 - x + x * y ** 3),
    grad: (x, y) => {
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y * y;
      const c = 2.625 - x + x * y ** 3;
      return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1), 2 * a * x + 4 * b * x * y + 6 * c * x * y * y];
    },
    fMin: 0,
    x: [-4.5, 4.5],
    y: [-4.5, 4.5],
    start: [1, 1.4],
    minima: [[3, 0.5]],
  },
  {
    name: 'himmelblau',
    title: 'Himmelblau',
    description: 'f = (x² + y − 11)² + (x + y² − 7)²: four minima of value 0; where an optimizer ends depends on its path.',
    f: (x, y) => sq(x * x + y - 11) + sq(x + y * y - 7),
    grad: (x, y) => [4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7)],
    fMin: 0,
    x: [-5, 5],
    y: [-5, 5],
    start: [0, 0],
    minima: [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ],
  },
];

/** A surface by name; an unknown name is an UnknownNameError listing the known ones. */
export function surface(name: string): Surface {
  const s = SURFACES.find((v) => v.name === name);
  if (!s) throw new UnknownNameError('surface', name, SURFACES.map((v) => v.name));
  return s;
}
