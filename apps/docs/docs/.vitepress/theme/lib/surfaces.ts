/**
 * The 2-D loss surfaces of the optimizer race, with their exact gradients. Each has a known
 * minimum value `fMin`, so the race can plot the sub-optimality f − f* on a log scale.
 */
export interface Surface {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  readonly fMin: number;
  readonly x: [number, number];
  readonly y: [number, number];
  readonly start: [number, number];
  /** Known minimisers, drawn as stars. */
  readonly minima: [number, number][];
}

const sq = (v: number): number => v * v;

export const SURFACES: readonly Surface[] = [
  {
    name: 'saddle',
    title: 'Saddle point',
    description: 'f = x² + y⁴/4 − y²/2 + 1/4: a saddle at the origin between two minima at (0, ±1). Starting on the ridge, plain gradient descent stalls; momentum and noise-free adaptive methods escape at different speeds.',
    f: (x, y) => x * x + y ** 4 / 4 - (y * y) / 2 + 0.25,
    grad: (x, y) => [2 * x, y ** 3 - y],
    fMin: 0,
    x: [-2, 2],
    y: [-1.6, 1.6],
    start: [1.8, 0.001],
    minima: [[0, 1], [0, -1]],
  },
  {
    name: 'local-minima',
    title: 'Local minima',
    description: 'f = (x² + y²)/10 − cos(2x)·cos(2y) + 1: a bowl covered in dimples. The global minimum is at the origin; gradient descent stops in the first dimple it falls into.',
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
    description: 'f = 1 − exp(−(x² + 4y²)/2): almost flat far from the minimum, so the gradient is tiny there. Methods that divide by the gradient’s size (AdaGrad, RMSProp, Adam) cross the plateau; plain SGD crawls.',
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
    description: 'f = (1 − x)² + 100·(y − x²)²: a long curved valley with its minimum at (1, 1). Easy to find the valley, hard to follow it.',
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
];

export const surface = (name: string): Surface => {
  const s = SURFACES.find((v) => v.name === name);
  if (!s) throw new Error(`unknown surface ${name}`);
  return s;
};
