"""
Randomised differential cases for the metrics family, recorded from Debian's scikit-learn 1.2
(run with /usr/bin/python3). Same file format as the shared fixtures, so the same runner checks
them: `pnpm conformance tools/conformance/differential --family metrics`.

Inputs and keyword arguments are drawn at random (seeded: numpy default_rng(4000 + i)): label sets
with classes missing from one side, string labels, 1024+ samples (every tenth label case), sample
weights, every average, label subsets,
zero_division, normalisation, tied scores, multiclass AUC, multi-output regression. Where
scikit-learn raises, the case expects an error. Re-running writes a byte-identical file.

    /usr/bin/python3 tools/conformance/differential/record_metrics.py
"""
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M

from fixture_io import val, write_family

warnings.simplefilter("ignore")
GENERATOR = f"scikit-learn {sklearn.__version__} (Debian python3-sklearn), numpy {np.__version__}; tools/conformance/differential/record_metrics.py"
SK = "sklearn.metrics."


def labels_of(rng, n, k, strings):
    names = ["ant", "bee", "cat", "dog", "eel"] if strings else list(range(k))
    return [names[int(j)] for j in rng.integers(0, k, n)]


def weights(rng, n):
    return [round(float(w), 3) for w in rng.uniform(0.1, 3.0, n)] if rng.random() < 0.4 else None


LABEL_FNS = ["accuracy_score", "zero_one_loss", "precision_score", "recall_score", "f1_score", "fbeta_score",
             "precision_recall_fscore_support", "confusion_matrix", "balanced_accuracy_score", "matthews_corrcoef", "cohen_kappa_score"]
SCORE_FNS = ["roc_auc_score", "roc_curve", "precision_recall_curve", "average_precision_score", "log_loss", "top_k_accuracy_score", "hinge_loss"]
REG_FNS = ["r2_score", "mean_squared_error", "mean_absolute_error"]


def label_case(rng, fn, large=False):
    n = int(rng.integers(1, 30)) if not large else int(rng.integers(1024, 2048))
    k = int(rng.integers(2, 5))
    strings = bool(rng.random() < 0.25) and not large
    y_true, y_pred = labels_of(rng, n, k, strings), labels_of(rng, n, k + int(rng.integers(0, 2)), strings)
    sw = weights(rng, n)
    present = sorted(set(y_true) | set(y_pred), key=lambda v: (str(type(v)), v))
    binary = set(y_true) | set(y_pred) <= ({0, 1} if not strings else {"ant", "bee"})
    kwargs = {}
    inputs = {"y_true": y_true, "y_pred": y_pred}
    if fn in ("accuracy_score", "zero_one_loss"):
        kwargs = {"normalize": bool(rng.random() < 0.7), "sample_weight": sw}
    elif fn in ("precision_score", "recall_score", "f1_score", "fbeta_score", "precision_recall_fscore_support"):
        averages = (["binary"] if binary else []) + [None, "micro", "macro", "weighted"]
        average = averages[int(rng.integers(0, len(averages)))]
        if fn != "precision_recall_fscore_support" and average is None and rng.random() < 0.5:
            average = "macro"
        pos = present[int(rng.integers(0, len(present)))] if average == "binary" else 1
        labels = None
        if average != "binary" and rng.random() < 0.3:
            m = int(rng.integers(1, len(present) + 1))
            labels = [present[int(j)] for j in rng.permutation(len(present))[:m]]
        kwargs = {"labels": labels, "pos_label": pos, "average": average, "sample_weight": sw, "zero_division": int(rng.integers(0, 2))}
        if fn in ("fbeta_score", "precision_recall_fscore_support"):
            kwargs = {"beta": float(round(rng.uniform(0.2, 3.0), 3)) if fn == "fbeta_score" or rng.random() < 0.5 else 1.0, **kwargs}
    elif fn == "confusion_matrix":
        labels = None
        if rng.random() < 0.4:
            m = int(rng.integers(1, len(present) + 1))
            labels = [present[int(j)] for j in rng.permutation(len(present))[:m]]
        kwargs = {"labels": labels, "sample_weight": sw, "normalize": [None, "true", "pred", "all"][int(rng.integers(0, 4))]}
    elif fn == "balanced_accuracy_score":
        kwargs = {"sample_weight": sw, "adjusted": bool(rng.random() < 0.5)}
    elif fn == "matthews_corrcoef":
        kwargs = {"sample_weight": sw}
    elif fn == "cohen_kappa_score":
        inputs = {"y1": y_true, "y2": y_pred}
        kwargs = {"labels": None, "weights": [None, "linear", "quadratic"][int(rng.integers(0, 3))], "sample_weight": sw}
    return inputs, kwargs


def softmax_rows(rng, n, k, ties):
    z = rng.standard_normal((n, k))
    if ties:
        z = np.round(z)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def score_case(rng, fn):
    n = int(rng.integers(2, 30))
    ties = bool(rng.random() < 0.4)
    sw = weights(rng, n)
    y = [int(v) for v in rng.integers(0, 2, n)]
    s = rng.standard_normal(n)
    if ties:
        s = np.round(s * 2) / 2
    score = [float(v) for v in s]
    if fn == "roc_auc_score":
        if rng.random() < 0.4:
            k = int(rng.integers(3, 5))
            y = [int(v) for v in rng.integers(0, k, n)]
            p = softmax_rows(rng, n, k, ties)
            mc = ["ovr", "ovo"][int(rng.integers(0, 2))]
            return {"y_true": y, "y_score": [[float(v) for v in row] for row in p]}, {
                "average": ["macro", "weighted"][int(rng.integers(0, 2))], "sample_weight": sw if mc == "ovr" else None, "max_fpr": None, "multi_class": mc, "labels": None}
        max_fpr = float(round(rng.uniform(0.05, 1.0), 3)) if rng.random() < 0.3 else None
        return {"y_true": y, "y_score": score}, {"average": "macro", "sample_weight": sw, "max_fpr": max_fpr, "multi_class": "raise", "labels": None}
    if fn == "roc_curve":
        return {"y_true": y, "y_score": score}, {"pos_label": None, "sample_weight": sw, "drop_intermediate": bool(rng.random() < 0.5)}
    if fn == "precision_recall_curve":
        return {"y_true": y, "probas_pred": score}, {"pos_label": None, "sample_weight": sw}
    if fn == "average_precision_score":
        return {"y_true": y, "y_score": score}, {"average": "macro", "pos_label": 1, "sample_weight": sw}
    if fn == "log_loss":
        if rng.random() < 0.5:
            k = int(rng.integers(3, 5))
            y = [int(v) for v in rng.integers(0, k, n)]
            p = softmax_rows(rng, n, k, ties)
            labels = list(range(k)) if len(set(y)) < k else None
            return {"y_true": y, "y_pred": [[float(v) for v in row] for row in p]}, {"eps": "auto", "normalize": bool(rng.random() < 0.7), "sample_weight": sw, "labels": labels}
        p = 1 / (1 + np.exp(-s))
        return {"y_true": y, "y_pred": [float(v) for v in p]}, {"eps": "auto", "normalize": bool(rng.random() < 0.7), "sample_weight": sw, "labels": None}
    if fn == "top_k_accuracy_score":
        k = int(rng.integers(3, 6))
        y = [int(v) for v in rng.integers(0, k, n)]
        p = softmax_rows(rng, n, k, ties)
        labels = list(range(k)) if len(set(y)) < k else None
        return {"y_true": y, "y_score": [[float(v) for v in row] for row in p]}, {"k": int(rng.integers(1, k)), "normalize": bool(rng.random() < 0.7), "sample_weight": sw, "labels": labels}
    # hinge_loss, binary with labels -1 / +1
    return {"y_true": [2 * v - 1 for v in y], "pred_decision": score}, {"labels": None, "sample_weight": sw}


def reg_case(rng, fn):
    n = int(rng.integers(1, 25))
    outputs = int(rng.integers(1, 4))
    shape = (n,) if outputs == 1 else (n, outputs)
    yt = np.round(rng.standard_normal(shape), 4)
    constant = rng.random() < 0.2
    if constant:
        yt = np.zeros(shape) + 1.5  # constant target: r2's force_finite branch
    yp = np.round(yt + rng.standard_normal(shape) * rng.uniform(0, 2), 4)
    sw = weights(rng, n)
    if constant:
        # unweighted only: with weights scikit-learn's weighted mean of a constant rounds, its variance
        # comes out ~1e-31 instead of 0 and R^2 ~ -4e31 (lab keeps it exactly 0; see r2Score's docs)
        sw = None
    mo = ["raw_values", "uniform_average"] + (["variance_weighted"] if fn == "r2_score" else [])
    kwargs = {"sample_weight": sw, "multioutput": mo[int(rng.integers(0, len(mo)))]}
    if fn == "r2_score":
        kwargs["force_finite"] = bool(rng.random() < 0.5)
    if fn == "mean_squared_error":
        kwargs["squared"] = bool(rng.random() < 0.6)
    return {"y_true": val(yt), "y_pred": val(yp)}, kwargs


def record(fn, inputs, kwargs):
    f = getattr(M, fn)
    try:
        out = f(**inputs, **kwargs)
    except ValueError as e:
        return {"error": "invalid input", "reference_exception": "ValueError", "reference_message": str(e)}
    if fn == "precision_recall_fscore_support":
        p, r, f_, s = out
        return {"precision": val(p), "recall": val(r), "fscore": val(f_), "support": val(s) if s is not None else None}
    if fn == "roc_curve":
        return dict(zip(["fpr", "tpr", "thresholds"], val(list(out))))
    if fn == "precision_recall_curve":
        return dict(zip(["precision", "recall", "thresholds"], val(list(out))))
    return {"value": val(out)}


def case(i):
    rng = np.random.default_rng(4000 + i)
    group = [LABEL_FNS, SCORE_FNS, REG_FNS][i % 3]
    fn = group[int(rng.integers(0, len(group)))]
    if group is LABEL_FNS:
        # every tenth label case has 1024+ samples: lab's counting-table fast path (unweighted, numeric labels)
        inputs, kwargs = label_case(rng, fn, large=i % 30 == 0)
    else:
        inputs, kwargs = (score_case if group is SCORE_FNS else reg_case)(rng, fn)
    return {"id": f"metrics/{fn}/random-{i}", "call": {"sklearn": SK + fn, "kwargs": kwargs}, "inputs": inputs, "expected": record(fn, inputs, kwargs)}


if __name__ == "__main__":
    write_family("metrics", GENERATOR, [case(i) for i in range(450)])
