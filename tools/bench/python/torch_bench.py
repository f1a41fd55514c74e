"""PyTorch peers for `pnpm bench` (tools/bench). Reads the raw little-endian arrays the TypeScript
side wrote, times the workload (warm-up, then the median of several runs) and prints one JSON line:
{"median_s": ..., "samples_s": [...], "threads": ..., "check": ...}."""
import argparse
import json
import statistics
import time

import numpy as np
import torch


def timed(fn, runs, warmup, inner=1):
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) / inner)
    return statistics.median(samples), samples


def load(path, dtype):
    return torch.from_numpy(np.fromfile(path, dtype=dtype))


def matmul(a):
    n = a.n
    x = load(a.a, np.float32).reshape(n, n)
    y = load(a.b, np.float32).reshape(n, n)
    check = float(torch.mm(x, y).double().sum())
    med, s = timed(lambda: torch.mm(x, y), a.runs, a.warmup)
    return {"median_s": med, "samples_s": s, "check": check}


def mlp(a):
    x_all = load(a.x, np.float32).reshape(-1, 784)
    y_all = load(a.y, np.int32).long()
    w1 = load(a.w1, np.float32).reshape(128, 784)
    b1 = load(a.b1, np.float32)
    w2 = load(a.w2, np.float32).reshape(10, 128)
    b2 = load(a.b2, np.float32)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    with torch.no_grad():
        model[0].weight.copy_(w1)
        model[0].bias.copy_(b1)
        model[2].weight.copy_(w2)
        model[2].bias.copy_(b2)
    bs = a.batch
    batches = [(x_all[i:i + bs].contiguous(), y_all[i:i + bs].contiguous()) for i in range(0, x_all.shape[0] - bs + 1, bs)]
    with torch.no_grad():
        check = float(torch.nn.functional.cross_entropy(model(batches[0][0]), batches[0][1]))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    k = [0]

    def step():
        xb, yb = batches[k[0] % len(batches)]
        k[0] += 1
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()

    med, s = timed(step, a.runs, a.warmup)
    return {"median_s": med, "samples_s": s, "check": check}


def adam(a):
    p = torch.nn.Parameter(load(a.p, np.float32).clone())
    p.grad = load(a.g, np.float32).clone()
    opt = torch.optim.Adam([p], lr=1e-3)
    med, s = timed(opt.step, a.runs, a.warmup)
    return {"median_s": med, "samples_s": s}


def tiny(a):
    x = torch.tensor([1.0, 2.0, 3.0, 4.0])
    y = torch.tensor([0.5, 0.25, 0.125, 0.0625])
    inner = a.inner
    add = torch.add

    def loop():
        for _ in range(inner):
            add(x, y)

    med, s = timed(loop, a.runs, a.warmup, inner)
    return {"median_s": med, "samples_s": s, "check": add(x, y).tolist()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workload", choices=["matmul", "mlp", "adam", "tiny"])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--n", type=int)
    ap.add_argument("--a")
    ap.add_argument("--b")
    ap.add_argument("--x")
    ap.add_argument("--y")
    ap.add_argument("--w1")
    ap.add_argument("--b1")
    ap.add_argument("--w2")
    ap.add_argument("--b2")
    ap.add_argument("--batch", type=int)
    ap.add_argument("--p")
    ap.add_argument("--g")
    ap.add_argument("--inner", type=int, default=10000)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    out = {"matmul": matmul, "mlp": mlp, "adam": adam, "tiny": tiny}[a.workload](a)
    out["threads"] = torch.get_num_threads()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
