/**
 * The bundled data sets: the committed generated modules equal what scripts/generate-data.ts makes
 * from the CSV files in data/ (the source of truth), the loaders return exactly the CSV values, and
 * shapes, class counts and rows match scikit-learn 1.2's load_* (numbers hard-coded from
 * /usr/bin/python3, sklearn.datasets).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderModule } from '../scripts/generate-data';
import { BUNDLED_NAMES, readBundled } from '../scripts/read-bundled';
import { loadBreastCancer } from '../src/breast-cancer';
import { loadDigits } from '../src/digits';
import { loadIris } from '../src/iris';
import { loadWine } from '../src/wine';
import type { Dataset } from '../src/types';

const loaders: Record<(typeof BUNDLED_NAMES)[number], () => Dataset> = {
  digits: loadDigits,
  iris: loadIris,
  wine: loadWine,
  'breast-cancer': loadBreastCancer,
};

const counts = (d: Dataset): number[] => {
  const c = new Array<number>(d.nClasses).fill(0);
  d.y.forEach((v) => c[v]++);
  return c;
};

const sum = (d: Dataset): number => d.x.reduce((a, b) => a + b, 0);

describe('generated modules', () => {
  for (const name of BUNDLED_NAMES) {
    it(`src/generated/${name}.ts is what scripts/generate-data.ts makes from the CSV (run \`pnpm --filter @lab/datasets generate\` if not)`, () => {
      const committed = readFileSync(fileURLToPath(new URL(`../src/generated/${name}.ts`, import.meta.url)), 'utf8');
      expect(committed === renderModule(name)).toBe(true);
    });

    it(`load ${name}: every value equals the CSV value (as float32) and every label the CSV label`, () => {
      const csv = readBundled(name);
      const d = loaders[name]();
      expect(d.x).toEqual(Float32Array.from(csv.x));
      expect([...d.y]).toEqual(csv.y);
      expect(d.featureNames).toEqual(csv.featureNames);
      expect(d.classNames).toEqual(csv.meta.classNames);
      expect(d.licence).toBe('CC BY 4.0');
      expect(d.url).toBe(csv.meta.url);
      expect(d.citation).toBe(csv.meta.citation);
    });
  }
});

describe('bundled data sets match scikit-learn 1.2 load_*', () => {
  it('digits: 1797 × 64, values 0..16, 10 classes', () => {
    const d = loadDigits();
    expect([d.name, d.nSamples, d.nFeatures, d.nClasses, d.x.length, d.y.length]).toEqual(['digits', 1797, 64, 10, 1797 * 64, 1797]);
    expect(counts(d)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(d.x.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
    expect(sum(d)).toBe(561718);
    expect([...d.x.subarray(0, 16)]).toEqual([0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]);
    expect([...d.x.subarray(1796 * 64, 1796 * 64 + 8)]).toEqual([0, 0, 10, 14, 8, 1, 0, 0]);
    expect([...d.y.subarray(0, 10)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(d.y[1796]).toBe(8);
    expect(d.featureNames[9]).toBe('pixel_1_1');
    expect(d.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('iris: 150 × 4, 50 per class', () => {
    const d = loadIris();
    expect([d.nSamples, d.nFeatures, d.nClasses]).toEqual([150, 4, 3]);
    expect(counts(d)).toEqual([50, 50, 50]);
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(d.featureNames[0]).toBe('sepal length (cm)');
    expect([...d.x.subarray(0, 4)]).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    expect([...d.x.subarray(596, 600)]).toEqual([5.9, 3.0, 5.1, 1.8].map(Math.fround));
    expect(sum(d)).toBeCloseTo(2078.7, 3);
  });

  it('wine: 178 × 13, classes 59 / 71 / 48', () => {
    const d = loadWine();
    expect([d.nSamples, d.nFeatures, d.nClasses]).toEqual([178, 13, 3]);
    expect(counts(d)).toEqual([59, 71, 48]);
    expect(d.featureNames[12]).toBe('proline');
    expect([...d.x.subarray(0, 13)]).toEqual([14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065].map(Math.fround));
    expect(d.y[177]).toBe(2);
    expect(sum(d)).toBeCloseTo(159975.295999, 0);
  });

  it('breast cancer: 569 × 30, malignant 212 / benign 357', () => {
    const d = loadBreastCancer();
    expect([d.nSamples, d.nFeatures, d.nClasses]).toEqual([569, 30, 2]);
    expect(counts(d)).toEqual([212, 357]);
    expect(d.classNames).toEqual(['malignant', 'benign']);
    expect(d.featureNames[29]).toBe('worst fractal dimension');
    expect([...d.x.subarray(0, 4)]).toEqual([17.99, 10.38, 122.8, 1001].map(Math.fround));
    expect(d.x[568 * 30 + 4]).toBe(Math.fround(0.05263));
    expect(d.y[19]).toBe(1);
    expect(sum(d)).toBeCloseTo(1056474.4596356, -1);
  });

  it('each call returns fresh arrays', () => {
    const a = loadIris();
    a.x[0] = 99;
    a.y[0] = 2;
    const b = loadIris();
    expect(b.x[0]).toBe(Math.fround(5.1));
    expect(b.y[0]).toBe(0);
  });
});
