"""scikit-learn peers for `pnpm bench` (tools/bench): ROC AUC (and average precision), macro
precision/recall/F1 and the confusion matrix on the arrays the TypeScript side wrote. Prints one JSON line {"median_s", "samples_s", "check"}."""
import argparse
import json
import statistics
import time

import numpy as np
from sklearn.metrics import average_precision_score, confusion_matrix, precision_recall_fscore_support, roc_auc_score


def timed(fn, runs, warmup):
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), samples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workload", choices=["auc", "ap", "prf", "cm"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--y")
    ap.add_argument("--s")
    ap.add_argument("--yt")
    ap.add_argument("--yp")
    a = ap.parse_args()
    if a.workload in ("auc", "ap"):
        y = np.fromfile(a.y, dtype=np.int32)
        s = np.fromfile(a.s, dtype=np.float64)
        metric = roc_auc_score if a.workload == "auc" else average_precision_score
        fn = lambda: metric(y, s)
        check = float(fn())
    elif a.workload == "cm":
        yt = np.fromfile(a.yt, dtype=np.int32)
        yp = np.fromfile(a.yp, dtype=np.int32)
        fn = lambda: confusion_matrix(yt, yp)
        check = fn().tolist()
    else:
        yt = np.fromfile(a.yt, dtype=np.int32)
        yp = np.fromfile(a.yp, dtype=np.int32)
        fn = lambda: precision_recall_fscore_support(yt, yp, average="macro")
        p, r, f, _ = fn()
        check = [float(p), float(r), float(f)]
    med, samples = timed(fn, a.runs, a.warmup)
    print(json.dumps({"median_s": med, "samples_s": samples, "check": check}))


if __name__ == "__main__":
    main()
