"""
Randomised differential cases for @lab/tensor's ops and their gradients, recorded from Debian's
PyTorch 1.13 in float64 (run with /usr/bin/python3). Each case applies one op to random inputs
(random shapes, broadcasting, axes, keepdim, permutations, indices), takes loss = sum(out * r) for a
random r, and records the output and the gradient of every input. Seeded (numpy default_rng(9000 + i));
re-running writes a byte-identical file.

    /usr/bin/python3 packages/tensor/test/record-torch-ops.py
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = f"PyTorch {torch.__version__} (Debian python3-torch), numpy {np.__version__}; packages/tensor/test/record-torch-ops.py"

UNARY = ["exp", "log", "sqrt", "tanh", "sigmoid", "softplus", "relu", "leakyRelu", "abs", "neg", "square", "clamp"]
BINARY = ["add", "sub", "mul", "div", "maximum", "minimum", "pow"]
REDUCE = ["sum", "mean", "max", "min", "logSumExp"]
OTHER = ["softmax", "logSoftmax", "matmul", "transpose", "swapAxes", "reshape", "expand", "slice", "squeeze", "unsqueeze", "gather", "indexSelect", "concat", "stack"]
OPS = UNARY + BINARY + REDUCE + OTHER


def t(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def rshape(rng, lo=1, hi=4, dims=None):
    d = int(rng.integers(1, 4)) if dims is None else dims
    return [int(rng.integers(lo, hi + 1)) for _ in range(d)]


def broadcast_pair(rng):
    s = rshape(rng)
    o = list(s)
    for i in range(len(o)):
        if rng.random() < 0.3:
            o[i] = 1
    o = o[int(rng.integers(0, len(o))):] if rng.random() < 0.3 else o
    return (s, o) if rng.random() < 0.5 else (o, s)


def case(i):
    rng = np.random.default_rng(9000 + i)
    op = OPS[i % len(OPS)]
    args = {}
    ints = {}
    if op in UNARY:
        s = rshape(rng)
        x = rng.standard_normal(s) * 2
        if op in ("log", "sqrt"):
            x = np.abs(x) + 0.1
        if op == "abs":
            x = np.where(np.abs(x) < 1e-3, 0.5, x)
        xs = [x]
        if op == "leakyRelu":
            args["slope"] = float(round(rng.uniform(0.001, 0.5), 3))
            f = lambda a: F.leaky_relu(a, args["slope"])
        elif op == "clamp":
            lo, hi = sorted(rng.uniform(-2, 2, 2))
            args = {"min": float(round(lo, 3)), "max": float(round(hi, 3))}
            f = lambda a: torch.clamp(a, args["min"], args["max"])
        else:
            f = {"exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "softplus": F.softplus,
                 "relu": torch.relu, "abs": torch.abs, "neg": torch.neg, "square": torch.square}[op]
    elif op in BINARY:
        sa, sb = broadcast_pair(rng)
        a, b = rng.standard_normal(sa) * 2, rng.standard_normal(sb) * 2
        if op == "div":
            b = np.where(np.abs(b) < 0.2, 0.7, b)
        if op == "pow":
            a = np.abs(a) + 0.2
        xs = [a, b]
        f = {"add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div, "maximum": torch.maximum, "minimum": torch.minimum, "pow": torch.pow}[op]
    elif op in REDUCE:
        s = rshape(rng)
        xs = [rng.standard_normal(s)]
        nd = len(s)
        choice = rng.random()
        axis = None if choice < 0.2 else (int(rng.integers(-nd, nd)) if choice < 0.7 else sorted(set(int(a) for a in rng.integers(0, nd, int(rng.integers(1, nd + 1))))))
        keep = bool(rng.random() < 0.5)
        args = {"axis": axis, "keepDims": keep}
        dims = tuple(range(nd)) if axis is None else axis
        if op == "sum":
            f = lambda a: a.sum() if axis is None and not keep else torch.sum(a, dims, keepdim=keep)
        elif op == "mean":
            f = lambda a: a.mean() if axis is None and not keep else torch.mean(a, dims, keepdim=keep)
        elif op == "logSumExp":
            f = lambda a: torch.logsumexp(a, dims, keepdim=keep)
        else:
            fn = torch.amax if op == "max" else torch.amin
            f = lambda a: fn(a, dims, keepdim=keep)
    elif op in ("softmax", "logSoftmax"):
        s = rshape(rng)
        xs = [rng.standard_normal(s) * 3]
        args = {"axis": int(rng.integers(-len(s), len(s)))}
        f = (lambda a: torch.softmax(a, args["axis"])) if op == "softmax" else (lambda a: torch.log_softmax(a, args["axis"]))
    elif op == "matmul":
        n, k, m, b = (int(v) for v in rng.integers(1, 5, 4))
        kind = int(rng.integers(0, 6))
        sa, sb = [([n, k], [k, m]), ([k], [k, m]), ([n, k], [k]), ([b, n, k], [k, m]), ([b, n, k], [b, k, m]), ([1, n, k], [b, k, m])][kind]
        xs = [rng.standard_normal(sa), rng.standard_normal(sb)]
        f = torch.matmul
    elif op == "transpose":
        s = rshape(rng, dims=int(rng.integers(2, 4)))
        xs = [rng.standard_normal(s)]
        perm = [int(p) for p in rng.permutation(len(s))]
        args = {"perm": perm}
        f = lambda a: a.permute(*perm)
    elif op == "swapAxes":
        s = rshape(rng, dims=int(rng.integers(2, 4)))
        xs = [rng.standard_normal(s)]
        a1, a2 = (int(v) for v in rng.integers(-len(s), len(s), 2))
        args = {"a": a1, "b": a2}
        f = lambda a: a.transpose(a1, a2)
    elif op == "reshape":
        s = rshape(rng)
        xs = [rng.standard_normal(s)]
        size = int(np.prod(s))
        divs = [d for d in range(1, size + 1) if size % d == 0]
        d = divs[int(rng.integers(0, len(divs)))]
        shape = [d, size // d] if rng.random() < 0.7 else [size // d, -1]
        args = {"shape": shape}
        f = lambda a: a.reshape(*shape)
    elif op == "expand":
        s = rshape(rng)
        s1 = [1 if rng.random() < 0.5 else v for v in s]
        xs = [rng.standard_normal(s1)]
        target = [int(rng.integers(1, 4)) if v == 1 else v for v in s1]
        if rng.random() < 0.3:
            target = [int(rng.integers(1, 3))] + target
        args = {"shape": target}
        f = lambda a: a.expand(*target)
    elif op == "slice":
        s = rshape(rng)
        xs = [rng.standard_normal(s)]
        begin = [int(rng.integers(0, v)) for v in s]
        size = [int(rng.integers(1, v - b + 1)) for v, b in zip(s, begin)]
        args = {"begin": begin, "size": size}
        f = lambda a: a[tuple(slice(bg, bg + sz) for bg, sz in zip(begin, size))]
    elif op == "squeeze":
        s = rshape(rng, dims=int(rng.integers(1, 4)))
        ax = int(rng.integers(0, len(s)))
        s[ax] = 1
        xs = [rng.standard_normal(s)]
        args = {"axis": ax}
        f = lambda a: a.squeeze(ax)
    elif op == "unsqueeze":
        s = rshape(rng)
        xs = [rng.standard_normal(s)]
        ax = int(rng.integers(-len(s) - 1, len(s) + 1))
        args = {"axis": ax}
        f = lambda a: a.unsqueeze(ax)
    elif op == "gather":
        s = rshape(rng, dims=int(rng.integers(1, 4)))
        xs = [rng.standard_normal(s)]
        ax = int(rng.integers(0, len(s)))
        ishape = [int(rng.integers(1, v + 1)) for v in s]
        ishape[ax] = int(rng.integers(1, 5))
        index = rng.integers(0, s[ax], ishape)
        ints["index"] = {"shape": ishape, "data": [int(v) for v in index.reshape(-1)]}
        args = {"axis": ax}
        f = lambda a: torch.gather(a, ax, torch.tensor(index))
    elif op == "indexSelect":
        s = rshape(rng)
        xs = [rng.standard_normal(s)]
        ax = int(rng.integers(0, len(s)))
        idx = rng.integers(0, s[ax], int(rng.integers(1, 6)))
        ints["indices"] = [int(v) for v in idx]
        args = {"axis": ax}
        f = lambda a: torch.index_select(a, ax, torch.tensor(idx))
    else:  # concat / stack
        s = rshape(rng)
        count = int(rng.integers(1, 4))
        if op == "concat":
            ax = int(rng.integers(0, len(s)))
            shapes = [[int(rng.integers(1, 4)) if j == ax else v for j, v in enumerate(s)] for _ in range(count)]
        else:
            ax = int(rng.integers(0, len(s) + 1))
            shapes = [s for _ in range(count)]
        xs = [rng.standard_normal(sh) for sh in shapes]
        args = {"axis": ax}
        f = (lambda *a: torch.cat(a, ax)) if op == "concat" else (lambda *a: torch.stack(a, ax))
    tins = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in xs]
    out = f(*tins)
    r = torch.tensor(rng.standard_normal(list(out.shape)))
    (out * r).sum().backward()
    return {"id": f"{op}/random-{i}", "op": op, "inputs": [t(x) for x in xs], "args": args, "ints": ints, "r": t(r.numpy()),
            "expected": {"out": t(out.detach().numpy()), "grads": [t(x.grad.numpy()) for x in tins]}}


if __name__ == "__main__":
    doc = {"generator": GENERATOR, "note": "loss = sum(out * r); grads are d loss / d input", "cases": [case(i) for i in range(len(OPS) * 12)]}
    with open(os.path.join(HERE, "torch-ops.json"), "w") as fh:
        json.dump(doc, fh, allow_nan=False, separators=(",", ":"))
        fh.write("\n")
