/**
 * Metrics at scale, in seconds (lower is better): ROC AUC over N scores with ties (1,001 distinct
 * values), macro precision/recall/F1 and the confusion matrix over N labels of 10 classes; lab
 * (@lab/metrics) against scikit-learn 1.2 on the same arrays. The results must agree.
 */
import { Rng } from '@lab/core';
import { confusionMatrix, precisionRecallFscoreSupport } from '@lab/metrics';
import { rocAucScore } from '@lab/metrics/scores';
import { timeIt } from '../harness';
import { runPython, type PyTiming } from '../python';
import type { Check, Impl } from '../report';
import { describeHotspots, profile } from '../profile';
import { errorText, failed, missing, relDiff, type Context, type Workload } from './context';

/** Scores rounded to 1/1000 (heavy ties) and labels that depend on them (AUC ≈ 0.6). */
export function aucInputs(n: number, seed: number): { y: Int32Array; s: Float64Array } {
  const rng = new Rng(seed);
  const y = new Int32Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = Math.round(rng.next() * 1000) / 1000;
    s[i] = v;
    y[i] = rng.next() < 0.3 + 0.4 * v ? 1 : 0;
  }
  return { y, s };
}

/** 10-class labels and predictions that are right 70 % of the time. */
export function prfInputs(n: number, seed: number): { yt: Int32Array; yp: Int32Array } {
  const rng = new Rng(seed);
  const yt = new Int32Array(n);
  const yp = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    yt[i] = rng.int(10);
    yp[i] = rng.next() < 0.7 ? yt[i] : rng.int(10);
  }
  return { yt, yp };
}

export const labAuc = (y: Int32Array, s: Float64Array) => rocAucScore(y, s) as number;
export const labPrf = (yt: Int32Array, yp: Int32Array) => {
  const r = precisionRecallFscoreSupport(yt, yp, { average: 'macro' });
  return [r.precision, r.recall, r.fscore] as number[];
};

export const labCm = (yt: Int32Array, yp: Int32Array) => confusionMatrix(yt, yp);

const SK = 'scikit-learn 1.2';

export const metricsWorkload: Workload = {
  id: 'metrics',
  title: 'ROC AUC, macro P/R/F1 and the confusion matrix over 10M',
  async run(ctx: Context) {
    const n = ctx.quick ? 1_000_000 : 10_000_000;
    const runs = 3;
    const label = n >= 1e6 ? `${n / 1e6}M` : String(n);

    // ROC AUC
    const { y, s } = aucInputs(n, 501);
    const aucImpls: Impl[] = [];
    const aucChecks: Check[] = [];
    let ourAuc = NaN;
    let aucSec = NaN;
    try {
      ourAuc = labAuc(y, s);
      const tAuc = await timeIt(() => labAuc(y, s), { runs, warmup: 0 }); // the call above was the warm-up
      aucSec = tAuc.medianMs / 1e3;
      aucImpls.push({ id: 'lab', name: 'lab (@lab/metrics rocAucScore)', lab: true, value: aucSec });
      ctx.log(`  AUC lab: ${aucSec.toFixed(2)} s`);
    } catch (e) {
      aucImpls.push(failed('lab', 'lab (@lab/metrics rocAucScore)', true, e));
    }
    const tSort = await timeIt(() => s.slice().sort(), { runs: 3, warmup: 1 });
    if (ctx.python.available) {
      try {
        const r = await runPython<PyTiming>('sklearn_bench.py', ['auc', '--y', ctx.scratch.write('auc_y.i32', y), '--s', ctx.scratch.write('auc_s.f64', s), '--runs', String(runs), '--warmup', '0']);
        aucImpls.push({ id: 'sklearn', name: SK, lab: false, value: r.median_s });
        const d = relDiff(ourAuc, r.check as number);
        aucChecks.push({ name: 'AUC value: lab vs scikit-learn', ok: d < 1e-9, detail: `${ourAuc.toFixed(10)} vs ${(r.check as number).toFixed(10)}` });
        ctx.log(`  AUC scikit-learn: ${r.median_s.toFixed(2)} s`);
      } catch (e) {
        aucImpls.push(missing('sklearn', SK, false, errorText(e)));
      }
    } else aucImpls.push(missing('sklearn', SK, false, `skipped: ${ctx.python.reason}`));
    const sortSec = tSort.medianMs / 1e3;
    const aucLimits = Number.isNaN(aucSec) ? [] : [
      `Sorting the ${label} float64 scores alone (Float64Array.prototype.sort, a copy) takes ${sortSec.toFixed(2)} s here, ` +
        `${((100 * sortSec) / aucSec).toFixed(0)} % of lab's ${aucSec.toFixed(2)} s: ` +
        (sortSec > 0.5 * aucSec ? 'the metric is sort-bound.' : 'the rest is the work around the sort (see the profile).'),
      `Profile of lab's rocAucScore (self time): ${describeHotspots(await profile(() => labAuc(y, s), 1))}.`,
    ];

    // macro P/R/F1
    const { yt, yp } = prfInputs(n, 601);
    const prfImpls: Impl[] = [];
    const prfChecks: Check[] = [];
    let ours = [NaN, NaN, NaN];
    let prfSec = NaN;
    try {
      ours = labPrf(yt, yp);
      const tPrf = await timeIt(() => labPrf(yt, yp), { runs, warmup: 0 });
      prfSec = tPrf.medianMs / 1e3;
      prfImpls.push({ id: 'lab', name: 'lab (@lab/metrics precisionRecallFscoreSupport)', lab: true, value: prfSec });
      ctx.log(`  P/R/F1 lab: ${prfSec.toFixed(3)} s`);
    } catch (e) {
      prfImpls.push(failed('lab', 'lab (@lab/metrics precisionRecallFscoreSupport)', true, e));
    }
    const tCount = await timeIt(() => countPairs(yt, yp, 10), { runs: 5, warmup: 2 });
    if (ctx.python.available) {
      try {
        const r = await runPython<PyTiming>('sklearn_bench.py', ['prf', '--yt', ctx.scratch.write('prf_t.i32', yt), '--yp', ctx.scratch.write('prf_p.i32', yp), '--runs', String(runs), '--warmup', '0']);
        prfImpls.push({ id: 'sklearn', name: SK, lab: false, value: r.median_s });
        const theirs = r.check as number[];
        const d = Math.max(...ours.map((v, i) => relDiff(v, theirs[i])));
        prfChecks.push({ name: 'macro P, R, F1: lab vs scikit-learn', ok: d < 1e-9, detail: `max relative difference ${d.toExponential(1)}` });
        ctx.log(`  P/R/F1 scikit-learn: ${r.median_s.toFixed(2)} s`);
      } catch (e) {
        prfImpls.push(missing('sklearn', SK, false, errorText(e)));
      }
    } else prfImpls.push(missing('sklearn', SK, false, `skipped: ${ctx.python.reason}`));
    const countSec = tCount.medianMs / 1e3;
    const prfLimits = Number.isNaN(prfSec) ? [] : [
      `A bare typed-array loop counting the ${label} (true, predicted) pairs into a 10×10 table takes ${(countSec * 1e3).toFixed(1)} ms here; ` +
        `lab takes ${(prfSec * 1e3).toFixed(1)} ms (${(prfSec / countSec).toFixed(1)}× that floor)${prfSec > 3 * countSec ? ', so it is not count-bound' : ': it is count-bound'}.`,
      `Profile of lab's precisionRecallFscoreSupport (self time): ${describeHotspots(await profile(() => labPrf(yt, yp), 1))}.`,
    ];

    // confusion matrix (the same labels)
    const cmImpls: Impl[] = [];
    const cmChecks: Check[] = [];
    let ourCm: number[][] = [];
    let cmSec = NaN;
    try {
      ourCm = labCm(yt, yp);
      const tCm = await timeIt(() => labCm(yt, yp), { runs, warmup: 0 });
      cmSec = tCm.medianMs / 1e3;
      cmImpls.push({ id: 'lab', name: 'lab (@lab/metrics confusionMatrix)', lab: true, value: cmSec });
      ctx.log(`  confusion matrix lab: ${(cmSec * 1e3).toFixed(1)} ms`);
    } catch (e) {
      cmImpls.push(failed('lab', 'lab (@lab/metrics confusionMatrix)', true, e));
    }
    if (ctx.python.available) {
      try {
        const r = await runPython<PyTiming>('sklearn_bench.py', ['cm', '--yt', ctx.scratch.write('prf_t.i32', yt), '--yp', ctx.scratch.write('prf_p.i32', yp), '--runs', String(runs), '--warmup', '0']);
        cmImpls.push({ id: 'sklearn', name: SK, lab: false, value: r.median_s });
        const same = JSON.stringify(ourCm) === JSON.stringify(r.check);
        cmChecks.push({ name: 'confusion matrix: lab vs scikit-learn', ok: same, detail: same ? 'identical counts' : 'counts differ' });
        ctx.log(`  confusion matrix scikit-learn: ${r.median_s.toFixed(2)} s`);
      } catch (e) {
        cmImpls.push(missing('sklearn', SK, false, errorText(e)));
      }
    } else cmImpls.push(missing('sklearn', SK, false, `skipped: ${ctx.python.reason}`));
    const cmLimits = Number.isNaN(cmSec) ? [] : [
      `The same bare counting loop takes ${(countSec * 1e3).toFixed(1)} ms; lab's confusionMatrix takes ${(cmSec * 1e3).toFixed(1)} ms ` +
        `(${(cmSec / countSec).toFixed(1)}× that floor: it also checks that every label is an integer in range)${cmSec > 3 * countSec ? ', so it is not count-bound' : ': it is count-bound'}.`,
      `Profile of lab's confusionMatrix (self time): ${describeHotspots(await profile(() => labCm(yt, yp), 1))}.`,
    ];

    return [
      { id: 'roc-auc-10m', title: `ROC AUC over ${label} scores with ties`, unit: 's', better: 'lower', impls: aucImpls, checks: aucChecks, limits: aucLimits, notes: [],
        goals: [{ kind: 'vs', text: '≥ 5× faster than scikit-learn', peers: ['sklearn'], factor: 5 }] },
      { id: 'prf-macro-10m', title: `macro P/R/F1 over ${label} labels, 10 classes`, unit: 's', better: 'lower', impls: prfImpls, checks: prfChecks, limits: prfLimits, notes: [],
        goals: [{ kind: 'vs', text: '≥ 50× faster than scikit-learn', peers: ['sklearn'], factor: 50 }] },
      { id: 'confusion-matrix-10m', title: `confusion matrix over ${label} labels, 10 classes`, unit: 's', better: 'lower', impls: cmImpls, checks: cmChecks, limits: cmLimits, notes: [],
        goals: [{ kind: 'vs', text: '≥ 50× faster than scikit-learn', peers: ['sklearn'], factor: 50 }] },
    ];
  },
};

/** The counting floor: a k×k confusion table from two Int32Arrays. */
export function countPairs(yt: Int32Array, yp: Int32Array, k: number): Float64Array {
  const c = new Float64Array(k * k);
  for (let i = 0; i < yt.length; i++) c[yt[i] * k + yp[i]]++;
  return c;
}
