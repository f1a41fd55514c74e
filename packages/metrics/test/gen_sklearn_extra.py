"""Extra reference values from scikit-learn 1.2 (run with /usr/bin/python3), beyond the shared
conformance fixtures: string labels, sample weights, multi-label averages, partial AUC, curves with
weights, calibration, Brier, explained variance, the classification report text.

    /usr/bin/python3 test/gen_sklearn_extra.py > test/sklearn-extra.json
"""
import json, os, sys, warnings
import numpy as np
from sklearn import metrics as M
from sklearn.calibration import calibration_curve

# the fixture value encoding shared with the randomised recorders
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../tools/conformance/differential"))
from fixture_io import val  # noqa: E402

warnings.simplefilter("ignore")
rng = np.random.default_rng(7)
cases = []

def add(name, fn, args, kwargs, out):
    cases.append({"name": name, "fn": fn, "args": args, "kwargs": kwargs, "expected": out})

def run(name, fn, args, kwargs, call):
    add(name, fn, args, kwargs, val(call(*args, **kwargs)))

yt_s = ["cat", "dog", "dog", "bird", "cat", "dog", "bird", "bird", "cat", "dog"]
yp_s = ["cat", "dog", "cat", "bird", "dog", "dog", "bird", "cat", "cat", "bird"]
w = [round(float(x), 3) for x in rng.uniform(0.1, 2, 10)]
for avg in [None, "micro", "macro", "weighted"]:
    run(f"prfs strings weighted {avg}", "precisionRecallFscoreSupport", [yt_s, yp_s], {"average": avg, "sample_weight": w, "zero_division": 0},
        lambda a, b, **k: M.precision_recall_fscore_support(a, b, **k))
run("confusion strings weighted", "confusionMatrix", [yt_s, yp_s], {"sample_weight": w}, M.confusion_matrix)
run("confusion labels order", "confusionMatrix", [yt_s, yp_s], {"labels": ["dog", "cat"], "normalize": "true"}, M.confusion_matrix)
run("accuracy weighted", "accuracyScore", [yt_s, yp_s], {"sample_weight": w}, M.accuracy_score)
run("mcc weighted", "matthewsCorrcoef", [yt_s, yp_s], {"sample_weight": w}, M.matthews_corrcoef)
run("kappa linear weighted", "cohenKappaScore", [yt_s, yp_s], {"weights": "linear", "sample_weight": w}, M.cohen_kappa_score)
run("balanced adjusted weighted", "balancedAccuracyScore", [yt_s, yp_s], {"adjusted": True, "sample_weight": w}, M.balanced_accuracy_score)
run("f1 binary pos string", "f1Score", [["a", "b", "b", "a", "b"], ["a", "b", "a", "a", "b"]], {"pos_label": "a"}, M.f1_score)

ml_t = [[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 0], [1, 0, 1], [0, 1, 1]]
ml_p = [[1, 0, 0], [0, 1, 0], [1, 0, 1], [0, 0, 0], [1, 0, 1], [1, 1, 1]]
for avg in [None, "micro", "macro", "weighted", "samples"]:
    run(f"multilabel prfs {avg}", "precisionRecallFscoreSupport", [ml_t, ml_p], {"average": avg, "zero_division": 1},
        lambda a, b, **k: M.precision_recall_fscore_support(np.array(a), np.array(b), **k))
run("multilabel samples labels", "f1Score", [ml_t, ml_p], {"average": "samples", "labels": [0, 2], "zero_division": 0},
    lambda a, b, **k: M.f1_score(np.array(a), np.array(b), **k))
run("multilabel subset accuracy", "accuracyScore", [ml_t, ml_p], {}, lambda a, b, **k: M.accuracy_score(np.array(a), np.array(b), **k))

yb = [int(v) for v in rng.integers(0, 2, 40)]
sc = [round(float(v), 2) for v in rng.uniform(0, 1, 40)]
wb = [round(float(x), 3) for x in rng.uniform(0, 2, 40)]
wb[3] = 0.0
for mf in [0.1, 0.3, 0.75]:
    run(f"partial auc {mf}", "rocAucScore", [yb, sc], {"max_fpr": mf}, M.roc_auc_score)
run("auc weighted", "rocAucScore", [yb, sc], {"sample_weight": wb}, M.roc_auc_score)
run("roc weighted", "rocCurve", [yb, sc], {"sample_weight": wb}, M.roc_curve)
run("pr weighted", "precisionRecallCurve", [yb, sc], {"sample_weight": wb}, M.precision_recall_curve)
run("ap weighted", "averagePrecisionScore", [yb, sc], {"sample_weight": wb}, M.average_precision_score)
run("ap strings", "averagePrecisionScore", [["n" if v == 0 else "p" for v in yb], sc], {"pos_label": "p"}, M.average_precision_score)
run("brier", "brierScoreLoss", [yb, sc], {"sample_weight": wb}, M.brier_score_loss)
run("brier 1/2 labels", "brierScoreLoss", [[v + 1 for v in yb], sc], {}, M.brier_score_loss)
for strat in ["uniform", "quantile"]:
    for nb in [3, 5]:
        run(f"calibration {strat} {nb}", "calibrationCurve", [yb, sc], {"n_bins": nb, "strategy": strat}, calibration_curve)
run("log loss weighted", "logLoss", [yb, sc], {"sample_weight": wb}, M.log_loss)

y3 = [int(v) for v in rng.integers(0, 3, 30)]
p3 = rng.dirichlet([1, 1, 1], 30)
p3 = (p3 / p3.sum(axis=1, keepdims=True)).tolist()
run("ovr none", "rocAucScore", [y3, p3], {"multi_class": "ovr", "average": None}, M.roc_auc_score)
run("ovr weighted sample weights", "rocAucScore", [y3, p3], {"multi_class": "ovr", "average": "weighted", "sample_weight": w * 3}, M.roc_auc_score)
run("log loss labels strings", "logLoss", [["c" if v == 2 else "a" if v == 0 else "b" for v in y3], p3], {"sample_weight": w * 3}, M.log_loss)
run("top-3 of 3 classes k=2 weighted", "topKAccuracyScore", [y3, p3], {"k": 2, "sample_weight": w * 3}, M.top_k_accuracy_score)
d3 = rng.normal(size=(30, 3)).round(3).tolist()
run("hinge multiclass weighted", "hingeLoss", [y3, d3], {"sample_weight": w * 3}, M.hinge_loss)

rt = rng.normal(size=(12, 2)).round(3)
rp = (rt + rng.normal(scale=0.5, size=(12, 2)) + [0.3, -0.2]).round(3)
rw = [round(float(x), 3) for x in rng.uniform(0.1, 2, 12)]
for mo in ["raw_values", "uniform_average", "variance_weighted"]:
    run(f"ev {mo}", "explainedVarianceScore", [rt.tolist(), rp.tolist()], {"multioutput": mo, "sample_weight": rw}, M.explained_variance_score)
    run(f"r2 {mo}", "r2Score", [rt.tolist(), rp.tolist()], {"multioutput": mo, "sample_weight": rw}, M.r2_score)
run("mse weights multioutput", "meanSquaredError", [rt.tolist(), rp.tolist()], {"multioutput": [0.3, 0.7], "sample_weight": rw}, M.mean_squared_error)
run("rmse raw", "rootMeanSquaredError", [rt.tolist(), rp.tolist()], {"multioutput": "raw_values"}, lambda a, b, **k: M.mean_squared_error(a, b, squared=False, **k))
run("mae weighted", "meanAbsoluteError", [rt[:, 0].tolist(), rp[:, 0].tolist()], {"sample_weight": rw}, M.mean_absolute_error)
run("r2 large offset", "r2Score", [(rt[:, 0] + 1e6).tolist(), (rp[:, 0] + 1e6).tolist()], {}, M.r2_score)

yt = [1, 2, 2, 2, 1, 2, 2, 1, 2, 0, 0, 0, 2, 0, 1, 0, 1, 2, 1, 1]
yp = [1, 1, 2, 2, 0, 0, 2, 0, 2, 0, 0, 0, 2, 0, 1, 0, 1, 2, 2, 1]
add("report text", "classificationReportText", [yt, yp], {}, M.classification_report(yt, yp))
add("report text names digits", "classificationReportText", [yt, yp], {"target_names": ["zero", "one", "two"], "digits": 3}, M.classification_report(yt, yp, target_names=["zero", "one", "two"], digits=3))
add("report text labels subset", "classificationReportText", [yt, yp], {"labels": [2, 0]}, M.classification_report(yt, yp, labels=[2, 0]))
print(json.dumps({"generator": "scikit-learn " + __import__("sklearn").__version__, "cases": cases}, indent=1))
