/**
 * The bytes a browser downloads to train an MLP: an entry that trains 784-128-10 with
 * cross-entropy, Adam and a cosine schedule, bundled with esbuild (minified, ESM, browser,
 * tree-shaken) and gzipped at level 9; .wasm files excluded. Lab packages are bundled from their
 * TypeScript source (tsconfig.paths.json), tfjs-core + tfjs-backend-cpu from the installed package.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadEsbuild } from '../esbuild';
import type { Impl } from '../report';
import { errorText, type Context, type Workload } from './context';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(here, '..', '..', '..', '..');
const BENCH = join(here, '..', '..');

export const LAB_ENTRY = `
import { Linear, ReLU, Sequential, tensor } from '@lab/tensor';
import { crossEntropy } from '@lab/losses';
import { Optimizer, adam } from '@lab/optimizers';
import { cosineDecay } from '@lab/schedules';
__SETUP__
export function train(x, y, n, epochs, batch) {
  const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10));
  const steps = epochs * Math.floor(n / batch);
  const opt = new Optimizer(model.parameters(), adam({ lr: cosineDecay({ initValue: 1e-3, decaySteps: steps }) }));
  for (let e = 0; e < epochs; e++)
    for (let i = 0; i + batch <= n; i += batch) {
      opt.zeroGrad();
      const xb = tensor(x.subarray(i * 784, (i + batch) * 784), { shape: [batch, 784] });
      crossEntropy(model.forward(xb), y.subarray(i, i + batch)).backward();
      opt.step();
    }
  return model;
}
`;

export const TFJS_ENTRY = `
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
export function train(x, y, n, epochs, batch) {
  const u = (shape, fanIn) => tf.randomUniform(shape, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn));
  const w1 = tf.variable(u([784, 128], 784)), b1 = tf.variable(u([128], 784));
  const w2 = tf.variable(u([128, 10], 128)), b2 = tf.variable(u([10], 128));
  const steps = epochs * Math.floor(n / batch);
  const opt = tf.train.adam(1e-3);
  let t = 0;
  for (let e = 0; e < epochs; e++)
    for (let i = 0; i + batch <= n; i += batch) {
      opt.learningRate = 0.5e-3 * (1 + Math.cos(Math.PI * Math.min(t++, steps) / steps));
      tf.tidy(() => {
        const xb = tf.tensor2d(x.subarray(i * 784, (i + batch) * 784), [batch, 784]);
        const yb = tf.cast(tf.oneHot(tf.tensor1d(y.subarray(i, i + batch), 'int32'), 10), 'float32');
        opt.minimize(() => tf.losses.softmaxCrossEntropy(yb, tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(xb, w1), b1)), w2), b2)));
      });
    }
  return [w1, b1, w2, b2];
}
`;

export interface BundleSize {
  readonly minified: number;
  readonly gzip: number;
  /** Minified bytes by package (before gzip). */
  readonly byPackage: Record<string, number>;
}

export function packageOf(path: string): string {
  const lab = /packages\/([a-z0-9-]+)\//.exec(path);
  if (lab) return `@lab/${lab[1]}`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path.slice(path.lastIndexOf('node_modules/')));
  if (nm) return nm[1];
  return '(entry)';
}

export async function bundleSize(contents: string): Promise<BundleSize> {
  const esbuild = loadEsbuild();
  const r = await esbuild.build({
    stdin: { contents, resolveDir: join(BENCH, 'src'), sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    treeShaking: true,
    tsconfig: join(ROOT, 'tsconfig.paths.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.wasm': 'empty' },
    logLevel: 'silent',
  });
  const code = r.outputFiles![0].contents;
  const byPackage: Record<string, number> = {};
  for (const out of Object.values(r.metafile.outputs))
    for (const [path, info] of Object.entries(out.inputs)) byPackage[packageOf(path)] = (byPackage[packageOf(path)] ?? 0) + info.bytesInOutput;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, byPackage };
}

const kb = (b: number) => b / 1000;
const breakdown = (s: BundleSize) =>
  Object.entries(s.byPackage)
    .filter(([, b]) => b > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([p, b]) => `${p} ${(b / 1000).toFixed(1)} kB`)
    .join(', ');

export const sizeWorkload: Workload = {
  id: 'size',
  title: 'min+gzip bytes needed to train an MLP in a browser',
  async run(ctx: Context) {
    const impls: Impl[] = [];
    const notes: string[] = [];
    const limits: string[] = [];
    let lab: BundleSize | null = null;
    try {
      lab = await bundleSize(LAB_ENTRY.replace('__SETUP__', ''));
      impls.push({ id: 'lab', name: 'lab (tensor + losses + optimizers + schedules, JS backend)', lab: true, value: kb(lab.gzip) });
      ctx.log(`  lab: ${lab.gzip} B min+gzip (${lab.minified} B minified)`);
    } catch (e) {
      impls.push({ id: 'lab', name: 'lab', lab: true, value: null, reason: `bundling failed: ${errorText(e)}` });
    }
    if (ctx.labs.some((l) => l.id === 'lab-wasm' && l.backend)) {
      try {
        const w = await bundleSize(LAB_ENTRY.replace('__SETUP__', "import { useBestBackend } from '@lab/tensor/wasm';\nexport const ready = useBestBackend();"));
        notes.push(
          `With \`useBestBackend()\` from @lab/tensor/wasm added, the same entry is ${(w.gzip / 1000).toFixed(1)} kB min+gzip ` +
            `(${(w.minified / 1000).toFixed(1)} kB minified, .wasm files excluded but any module inlined in JavaScript counted): ${breakdown(w)}.`,
        );
      } catch (e) {
        notes.push(`Bundling the entry with @lab/tensor/wasm failed: ${errorText(e)}`);
      }
    }
    try {
      const t = await bundleSize(TFJS_ENTRY);
      impls.push({ id: 'tfjs', name: 'tfjs-core + tfjs-backend-cpu 4.22', lab: false, value: kb(t.gzip) });
      ctx.log(`  tfjs: ${t.gzip} B min+gzip (${t.minified} B minified)`);
      notes.push(`tfjs minified by package: ${breakdown(t)}.`);
    } catch (e) {
      impls.push({ id: 'tfjs', name: 'tfjs-core + tfjs-backend-cpu 4.22', lab: false, value: null, reason: `bundling failed: ${errorText(e)}` });
    }
    if (lab) limits.push(`lab minified by package (before gzip): ${breakdown(lab)}.`);
    return [{
      id: 'train-bundle', title: this.title, unit: 'kB', better: 'lower', impls, checks: [], limits, notes,
      goals: [{ kind: 'absolute', text: '≤ 30 kB min+gzip (1 kB = 1000 B)', target: 30 }],
    }];
  },
};
