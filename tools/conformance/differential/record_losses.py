"""
Randomised differential cases for the losses family, recorded from Debian's PyTorch 1.13 (run
with /usr/bin/python3). Same file format as the shared fixtures: `pnpm conformance
tools/conformance/differential --family losses`.

Shapes, reductions and every keyword (weights, ignore_index, label_smoothing, probability targets,
pos_weight, margins, p, delta / beta, log_target) are drawn at random (seeded: numpy
default_rng(6000 + i)); scalar reductions also record d loss / d input. Re-running writes a
byte-identical file.

    /usr/bin/python3 tools/conformance/differential/record_losses.py
"""
import warnings

import numpy as np
import torch
import torch.nn.functional as F

from fixture_io import num, write_family

warnings.simplefilter("ignore")
GENERATOR = f"PyTorch {torch.__version__} (Debian python3-torch), numpy {np.__version__}; tools/conformance/differential/record_losses.py"
FNS = ["mse_loss", "l1_loss", "huber_loss", "smooth_l1_loss", "cross_entropy", "nll_loss", "binary_cross_entropy",
       "binary_cross_entropy_with_logits", "hinge_embedding_loss", "multi_margin_loss", "soft_margin_loss", "kl_div"]


def tensor(t, dtype="float64"):
    return {"shape": list(t.shape), "data": [num(v) if dtype == "float64" else int(v) for v in t.detach().reshape(-1).tolist()], "dtype": dtype}


def draw(rng, fn):
    red = ["mean", "sum", "none"][int(rng.integers(0, 3))]
    shape = [int(rng.integers(1, 5)) for _ in range(int(rng.integers(1, 4)))]
    x = torch.tensor(rng.standard_normal(shape) * rng.uniform(0.2, 4))
    if fn in ("mse_loss", "l1_loss", "soft_margin_loss", "huber_loss", "smooth_l1_loss"):
        t = torch.tensor(rng.standard_normal(shape) * rng.uniform(0.2, 4))
        if fn == "soft_margin_loss":
            t = torch.tensor(rng.choice([-1.0, 1.0], shape))
        kw = {"reduction": red}
        if fn == "huber_loss":
            kw["delta"] = float(round(rng.uniform(0.1, 3), 3))
        if fn == "smooth_l1_loss":
            kw["beta"] = float(round(rng.uniform(0.0, 3), 3)) if rng.random() < 0.8 else 0.0
        return x, t, "float64", kw
    if fn in ("cross_entropy", "nll_loss"):
        n, c = int(rng.integers(1, 6)), int(rng.integers(2, 5))
        extra = [int(rng.integers(1, 3))] if rng.random() < 0.3 else []
        x = torch.tensor(rng.standard_normal([n, c] + extra) * rng.uniform(0.5, 3))
        if fn == "nll_loss":
            x = torch.log_softmax(x, 1)
        weight = torch.tensor(rng.uniform(0.1, 2.0, c)) if rng.random() < 0.4 else None
        kw = {"weight": weight, "ignore_index": -100, "reduction": red}
        if fn == "cross_entropy" and rng.random() < 0.3:
            p = torch.softmax(torch.tensor(rng.standard_normal([n, c] + extra)), 1)
            kw["label_smoothing"] = float(round(rng.uniform(0, 0.4), 3)) if rng.random() < 0.5 else 0.0
            return x, p, "float64", kw
        t = torch.tensor(rng.integers(0, c, [n] + extra))
        if rng.random() < 0.4:
            ignore = int(rng.integers(0, c))
            kw["ignore_index"] = ignore
        if fn == "cross_entropy":
            kw["label_smoothing"] = float(round(rng.uniform(0, 0.4), 3)) if rng.random() < 0.5 else 0.0
        return x, t, "int64", kw
    if fn == "binary_cross_entropy":
        x = torch.tensor(rng.uniform(0, 1, shape))
        t = torch.tensor(rng.uniform(0, 1, shape) if rng.random() < 0.5 else rng.integers(0, 2, shape).astype(float))
        w = torch.tensor(rng.uniform(0.1, 2, shape[-1:])) if rng.random() < 0.4 else None
        return x, t, "float64", {"weight": w, "reduction": red}
    if fn == "binary_cross_entropy_with_logits":
        t = torch.tensor(rng.uniform(0, 1, shape) if rng.random() < 0.5 else rng.integers(0, 2, shape).astype(float))
        w = torch.tensor(rng.uniform(0.1, 2, shape[-1:])) if rng.random() < 0.4 else None
        pw = torch.tensor(rng.uniform(0.1, 3, shape[-1:])) if rng.random() < 0.4 else None
        return x, t, "float64", {"weight": w, "reduction": red, "pos_weight": pw}
    if fn == "hinge_embedding_loss":
        t = torch.tensor(rng.choice([-1.0, 1.0], shape))
        return x, t, "float64", {"margin": float(round(rng.uniform(0, 3), 3)), "reduction": red}
    if fn == "multi_margin_loss":
        n, c = int(rng.integers(1, 6)), int(rng.integers(2, 5))
        x = torch.tensor(rng.standard_normal([n, c]))
        t = torch.tensor(rng.integers(0, c, n))
        w = torch.tensor(rng.uniform(0.1, 2, c)) if rng.random() < 0.4 else None
        return x, t, "int64", {"p": int(rng.integers(1, 3)), "margin": float(round(rng.uniform(0.1, 2), 3)), "weight": w, "reduction": red}
    # kl_div
    log_target = bool(rng.random() < 0.5)
    red = ["mean", "sum", "none", "batchmean"][int(rng.integers(0, 4))]
    x = torch.log_softmax(torch.tensor(rng.standard_normal(shape)), -1)
    t = torch.softmax(torch.tensor(rng.standard_normal(shape)), -1)
    zeros = rng.random() < 0.3
    if zeros and not log_target:
        # zeros in a probability target (a log target of -inf gives torch NaN; lab refuses non-finite input)
        t = t * torch.tensor(rng.integers(0, 2, shape).astype(float))
    if log_target:
        t = torch.log(t)
    return x, t, "float64", {"reduction": red, "log_target": log_target}


def case(i):
    rng = np.random.default_rng(6000 + i)
    fn = FNS[i % len(FNS)]
    x, t, tdtype, kw = draw(rng, fn)
    xi = x.clone().requires_grad_(True)
    out = getattr(F, fn)(xi, t, **kw)
    expected = {}
    if out.dim() == 0:
        expected["loss"] = num(out.item())
        out.backward()
        expected["grad_input"] = tensor(xi.grad)
    else:
        expected["loss"] = tensor(out)
    kwargs = {k: (tensor(v) if isinstance(v, torch.Tensor) else v) for k, v in kw.items()}
    return {"id": f"losses/{fn}/random-{i}", "call": {"torch": f"torch.nn.functional.{fn}", "kwargs": kwargs}, "dtype": "float64",
            "inputs": {"input": tensor(x), "target": tensor(t, tdtype)}, "expected": expected}


if __name__ == "__main__":
    write_family("losses", GENERATOR, [case(i) for i in range(240)])
