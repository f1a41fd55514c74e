"""Record extra scikit-learn 1.2 reference cases for @lab/data-split's tests (beyond the shared
conformance fixtures): random inputs for the deterministic (shuffle=False) splitters, and
train_test_split sizes including the cases sklearn rejects.

Run with Debian's python3-sklearn 1.2: /usr/bin/python3 record-sklearn.py > sklearn-cases.json
"""
import json
import warnings

import numpy as np
from sklearn.model_selection import (GroupKFold, KFold, LeavePOut, PredefinedSplit, StratifiedGroupKFold,
                                     StratifiedKFold, TimeSeriesSplit, train_test_split)

rng = np.random.default_rng(20261126)
cases = []


def folds(cv, n, y=None, groups=None):
    X = np.zeros((n, 1))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            out = [{"train": tr.tolist(), "test": np.asarray(te).tolist()} for tr, te in cv.split(X, y, groups)]
        except ValueError as e:
            return {"error": str(e)}
    return {"folds": out, "warned": any(issubclass(x.category, UserWarning) for x in w)}


def add(kind, options, n, y=None, groups=None, expected=None):
    cases.append({"kind": kind, "options": options, "nSamples": n,
                  "y": None if y is None else list(y), "groups": None if groups is None else list(groups),
                  "expected": expected})


for _ in range(12):
    n = int(rng.integers(2, 40))
    k = int(rng.integers(2, 8))
    add("kFold", {"nSplits": k}, n, expected=folds(KFold(k), n))

for _ in range(16):
    n = int(rng.integers(4, 60))
    k = int(rng.integers(2, 6))
    m = int(rng.integers(2, 5))
    y = rng.integers(0, m, n)
    if rng.random() < 0.3:
        y = np.array(["cat", "dog", "emu", "ant"])[y]
        y = [str(v) for v in y]
    else:
        y = [int(v) for v in y]
    add("stratifiedKFold", {"nSplits": k}, n, y=y, expected=folds(StratifiedKFold(k), n, y))

for y, k in [([0, 0, 0, 0, 1, 1], 3), ([0, 0, 1, 1, 2], 3), (["a", "b", "a", "b", "a", "a", "a"], 3)]:
    add("stratifiedKFold", {"nSplits": k}, len(y), y=y, expected=folds(StratifiedKFold(k), len(y), y))

for _ in range(12):
    n = int(rng.integers(6, 80))
    k = int(rng.integers(2, 5))
    g = [int(v) for v in rng.integers(0, int(rng.integers(k, 30)), n)]
    add("groupKFold", {"nSplits": k}, n, groups=g, expected=folds(GroupKFold(k), n, groups=g))

for _ in range(12):
    n = int(rng.integers(10, 60))
    k = int(rng.integers(2, 5))
    y = [int(v) for v in rng.integers(0, 3, n)]
    g = [int(v) for v in rng.integers(0, int(rng.integers(k, 15)), n)]
    add("stratifiedGroupKFold", {"nSplits": k}, n, y=y, groups=g, expected=folds(StratifiedGroupKFold(k), n, y, g))

for n, k, test_size, gap, mts in [(10, 2, None, 0, None), (23, 4, None, 2, 6), (30, 5, 3, 1, None), (7, 6, None, 0, None), (9, 3, 3, 1, None)]:
    o = {"nSplits": k, "gap": gap}
    if test_size is not None:
        o["testSize"] = test_size
    if mts is not None:
        o["maxTrainSize"] = mts
    add("timeSeriesSplit", o, n, expected=folds(TimeSeriesSplit(k, max_train_size=mts, test_size=test_size, gap=gap), n))

for n, p in [(4, 1), (5, 3), (6, 2), (3, 3)]:
    add("leavePOut", {"p": p}, n, expected=folds(LeavePOut(p), n))

for tf in [[0, 1, -1, 1, 0, 2], [-1, 5, 5, 3], [2, 2, 0]]:
    add("predefinedSplit", {"testFold": tf}, len(tf), expected=folds(PredefinedSplit(tf), len(tf)))


def sizes(n, test, train):
    """test/train are (value, 'int'|'float') or None."""
    kw = {"test_size": None if test is None else (int(test[0]) if test[1] == "int" else float(test[0])),
          "train_size": None if train is None else (int(train[0]) if train[1] == "int" else float(train[0]))}
    try:
        tr, te = train_test_split(np.arange(n), shuffle=False, **kw)
        exp = {"nTrain": len(tr), "nTest": len(te)}
    except ValueError as e:
        exp = {"error": str(e)}
    o = {}
    for key, v in (("test", test), ("train", train)):
        if v is not None:
            o[key + ("Size" if v[1] == "int" else "Fraction")] = v[0]
    add("trainTestSplit", o, n, expected=exp)


for n, test, train in [
    (100, (0.07, "float"), None), (10, (1, "int"), None), (10, (9, "int"), None), (10, (10, "int"), None),
    (10, None, (0.05, "float")), (10, (0.6, "float"), (0.5, "float")), (10, (0.55, "float"), (0.46, "float")),
    (10, (5, "int"), (6, "int")), (1, None, None), (2, None, None), (10, (0.999, "float"), None),
    (10, (3, "int"), (0.5, "float")), (7, (0.5, "float"), (3, "int")), (1000, (0.1, "float"), (0.9, "float")),
    (3, (0.34, "float"), None), (50, None, (0.99, "float")),
]:
    sizes(n, test, train)

json.dump({"generator": "scikit-learn 1.2.1 (Debian python3-sklearn), numpy 1.24.2; record-sklearn.py", "cases": cases},
          __import__("sys").stdout, separators=(",", ":"))
