/**
 * Two-dimensional test functions for `lab surface`: where optimizers differ visibly (a narrow curved
 * valley, a saddle point, several minima, a flat plateau).
 */
export interface Surface {
  name: string;
  description: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  start: [number, number];
  minima: [number, number][];
}

export const surfaces: Record<string, Surface> = {
  rosenbrock: {
    name: 'rosenbrock',
    description: 'Rosenbrock (1960): (1-x)² + 100(y-x²)², a narrow curved valley; minimum 0 at (1, 1)',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    start: [-1.5, 2],
    minima: [[1, 1]],
  },
  beale: {
    name: 'beale',
    description: 'Beale: (1.5-x+xy)² + (2.25-x+xy²)² + (2.625-x+xy³)², flat regions and steep walls; minimum 0 at (3, 0.5)',
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    grad: (x, y) => {
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y * y;
      const c = 2.625 - x + x * y ** 3;
      return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1), 2 * a * x + 4 * b * x * y + 6 * c * x * y * y];
    },
    start: [1, 1.5],
    minima: [[3, 0.5]],
  },
  himmelblau: {
    name: 'himmelblau',
    description: "Himmelblau: (x²+y-11)² + (x+y²-7)², four local minima of value 0",
    f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    grad: (x, y) => [4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7)],
    start: [0, 0],
    minima: [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ],
  },
  saddle: {
    name: 'saddle',
    description: 'saddle: x² - y², a saddle point at (0, 0); started almost on the ridge: gradient steps leave it only slowly',
    f: (x, y) => x * x - y * y,
    grad: (x, y) => [2 * x, -2 * y],
    start: [1, 1e-3],
    minima: [],
  },
};
