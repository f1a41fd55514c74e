"""Record reference values for @lab/losses' own tests (beyond the shared conformance fixtures).

Run with Debian's torch 1.13 / scikit-learn 1.2:  /usr/bin/python3 test/record-references.py > test/references.json
Each case: the lab function name, its options (lab spelling), input, target, expected loss and
(for scalar reductions) d loss / d input, all float64.
"""
import json
import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import hinge_loss

rng = np.random.default_rng(6)
cases = []


def t(x):
    return {"shape": list(x.shape), "data": [float(v) for v in np.asarray(x, dtype=np.float64).reshape(-1)]}


def add(id, fn, options, x, y, call, scalar=True):
    xi = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    loss = call(xi)
    case = {"id": id, "fn": fn, "options": options, "input": t(x), "target": t(y), "loss": t(loss.detach().numpy())}
    if scalar:
        loss.backward()
        case["grad"] = t(xi.grad.numpy())
    cases.append(case)


x = rng.normal(size=(3, 4, 2)) * 2
y = np.array([[0, 3], [-100, 1], [2, 2]])
w = np.array([0.3, 1.5, 0.7, 2.0])
for red in ["mean", "sum", "none"]:
    add(f"crossEntropy/kdim/{red}", "crossEntropy", {"weight": list(w), "ignoreIndex": -100, "labelSmoothing": 0.15, "reduction": red}, x, y,
        lambda xi: F.cross_entropy(xi, torch.tensor(y), weight=torch.tensor(w), label_smoothing=0.15, reduction=red), red != "none")
x = rng.normal(size=(5, 4))
y = np.array([0, 3, 1, -100, 2])
add("crossEntropy/smoothing_ignore_mean", "crossEntropy", {"labelSmoothing": 0.3}, x, y,
    lambda xi: F.cross_entropy(xi, torch.tensor(y), label_smoothing=0.3))
p = rng.dirichlet(np.ones(4), size=5)
add("crossEntropy/prob_weight_smoothing_sum", "crossEntropy", {"weight": list(w), "labelSmoothing": 0.2, "reduction": "sum"}, x, p,
    lambda xi: F.cross_entropy(xi, torch.tensor(p), weight=torch.tensor(w), label_smoothing=0.2, reduction="sum"))
big = np.array([[1e4, -1e4, 0.0], [-5e3, 5e3, 5e3], [800.0, 799.0, -800.0]])
add("crossEntropy/huge_logits", "crossEntropy", {}, big, np.array([1, 2, 0]),
    lambda xi: F.cross_entropy(xi, torch.tensor([1, 2, 0])))
lp = np.log(rng.dirichlet(np.ones(4), size=(3, 2))).transpose(0, 2, 1).copy()
ty = np.array([[0, 1], [3, 2], [1, 1]])
add("nllLoss/kdim_weight_ignore_mean", "nllLoss", {"weight": list(w), "ignoreIndex": 1}, lp, ty,
    lambda xi: F.nll_loss(xi, torch.tensor(ty), weight=torch.tensor(w), ignore_index=1))
pr = np.array([0.0, 1.0, 0.0, 1.0, 1e-50, 0.5, 0.999999])
yt = np.array([0.0, 1.0, 1.0, 0.0, 1.0, 0.3, 1.0])
add("binaryCrossEntropy/extremes_sum", "binaryCrossEntropy", {"reduction": "sum"}, pr, yt,
    lambda xi: F.binary_cross_entropy(xi, torch.tensor(yt), reduction="sum"))
pr2 = rng.uniform(0.05, 0.95, size=(3, 4))
yt2 = rng.uniform(size=(3, 4))
w4 = rng.uniform(0.5, 2, size=4)
add("binaryCrossEntropy/broadcast_weight_mean", "binaryCrossEntropy", {"weight": list(w4)}, pr2, yt2,
    lambda xi: F.binary_cross_entropy(xi, torch.tensor(yt2), weight=torch.tensor(w4)))
lg = np.array([[1000.0, -1000.0, 0.0, 35.0], [-1000.0, 1000.0, -35.0, 2.0]])
yl = np.array([[1.0, 0.0, 0.5, 0.0], [1.0, 0.0, 1.0, 0.25]])
pw = np.array([0.5, 2.0, 3.0, 1.0])
add("bceWithLogits/extreme_posweight_weight_sum", "bceWithLogits", {"posWeight": list(pw), "weight": list(w4), "reduction": "sum"}, lg, yl,
    lambda xi: F.binary_cross_entropy_with_logits(xi, torch.tensor(yl), weight=torch.tensor(w4), pos_weight=torch.tensor(pw), reduction="sum"))
s = rng.normal(size=(4, 3))
ms = np.array([2, 0, 1, 1])
wm = np.array([0.5, 2.0, 1.5])
add("multiMarginLoss/weight_p2_margin_sum", "multiMarginLoss", {"p": 2, "margin": 0.7, "weight": list(wm), "reduction": "sum"}, s, ms,
    lambda xi: F.multi_margin_loss(xi, torch.tensor(ms), p=2, margin=0.7, weight=torch.tensor(wm), reduction="sum"))
add("multiMarginLoss/none", "multiMarginLoss", {"reduction": "none"}, s, ms,
    lambda xi: F.multi_margin_loss(xi, torch.tensor(ms), reduction="none"), False)
d = rng.normal(size=(2, 5)) * 2
d[0, 0] = 0.0
tg = d + rng.normal(size=(2, 5)) * 1.5
for fn, kw, call in [
    ("huberLoss", {"delta": 0.8, "reduction": "none"}, lambda xi: F.huber_loss(xi, torch.tensor(tg), delta=0.8, reduction="none")),
    ("smoothL1Loss", {"beta": 0.0, "reduction": "sum"}, lambda xi: F.smooth_l1_loss(xi, torch.tensor(tg), beta=0.0, reduction="sum")),
    ("smoothL1Loss", {"beta": 2.5, "reduction": "none"}, lambda xi: F.smooth_l1_loss(xi, torch.tensor(tg), beta=2.5, reduction="none")),
    ("l1Loss", {"reduction": "sum"}, lambda xi: F.l1_loss(xi, torch.tensor(tg), reduction="sum")),
]:
    add(f"{fn}/{json.dumps(kw, sort_keys=True)}", fn, kw, d, tg, call, kw["reduction"] != "none")
lq = np.log(rng.dirichlet(np.ones(3), size=4))
lt = np.log(rng.dirichlet(np.ones(3), size=4))
add("klDiv/log_target_none", "klDiv", {"logTarget": True, "reduction": "none"}, lq, lt,
    lambda xi: F.kl_div(xi, torch.tensor(lt), reduction="none", log_target=True), False)
pt = rng.dirichlet(np.ones(3), size=4)
pt[1, 2] = 0.0
add("klDiv/zero_target_sum", "klDiv", {"reduction": "sum"}, lq, pt,
    lambda xi: F.kl_div(xi, torch.tensor(pt), reduction="sum"))
sm = np.array([0.0, 30.0, -30.0, 1.5, -0.3])
ys = np.array([1.0, 1.0, 1.0, -1.0, -1.0])
add("softMarginLoss/large_sum", "softMarginLoss", {"reduction": "sum"}, sm, ys,
    lambda xi: F.soft_margin_loss(xi, torch.tensor(ys), reduction="sum"))
he = np.array([0.3, 0.4, 2.0, -0.5, 1.2])
yh = np.array([1.0, -1.0, -1.0, -1.0, 1.0])
add("hingeEmbeddingLoss/mixed_mean", "hingeEmbeddingLoss", {"margin": 1.0}, he, yh,
    lambda xi: F.hinge_embedding_loss(xi, torch.tensor(yh), margin=1.0))

# scikit-learn hinge_loss (no gradients: sklearn has none)
cs = rng.normal(size=(6, 4))
cy = np.array([0, 1, 2, 3, 1, 0])
cases.append({"id": "crammerSingerLoss/sklearn", "fn": "crammerSingerLoss", "options": {}, "input": t(cs), "target": t(cy),
              "loss": t(np.array(hinge_loss(cy, cs, labels=[0, 1, 2, 3])))})
bs = rng.normal(size=7)
by = np.array([1, -1, 1, 1, -1, -1, 1])
cases.append({"id": "hingeLoss/sklearn_binary", "fn": "hingeLoss", "options": {}, "input": t(bs), "target": t(by),
              "loss": t(np.array(hinge_loss(by, bs)))})

print(json.dumps({"generator": f"torch {torch.__version__}, numpy {np.__version__}", "cases": cases}, indent=None))
