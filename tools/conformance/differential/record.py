"""
Randomised differential cases for the optimizers and schedules families, recorded from Debian's
PyTorch 1.13 (run with /usr/bin/python3). Same file format as the shared fixtures
(../fixtures/README.md), so the same runner checks them: `pnpm conformance tools/conformance/differential`.

Where the shared fixtures pick one hand-chosen setting per behaviour, these draw every
hyperparameter at random (seeded: numpy default_rng(2026 + i)), so option combinations nobody
thought to write down are compared too. Re-running writes byte-identical files.

    /usr/bin/python3 tools/conformance/differential/record.py
"""
import math

import numpy as np
import torch

from fixture_io import num, write_family

torch.set_default_dtype(torch.float64)
GENERATOR = f"PyTorch {torch.__version__} (Debian python3-torch), numpy {np.__version__}; tools/conformance/differential/record.py"


def flat(t):
    return [num(v) for v in t.detach().reshape(-1).tolist()]


def tensor(t):
    return {"shape": list(t.shape), "data": flat(t)}


def log_uniform(rng, lo, hi):
    return float(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def maybe(rng, p, value, otherwise=0.0):
    return value if rng.random() < p else otherwise


# ---------------------------------------------------------------- optimizers

def draw_optimizer(rng, name):
    lr = log_uniform(rng, 1e-3, 0.5)
    wd = maybe(rng, 0.5, log_uniform(rng, 1e-4, 0.2))
    eps = log_uniform(rng, 1e-10, 1e-3)
    betas = [float(rng.uniform(0.0, 0.99)), float(rng.uniform(0.5, 0.9999))]
    maximize = bool(rng.random() < 0.3)
    if name == "SGD":
        momentum = maybe(rng, 0.7, float(rng.uniform(0.05, 0.99)))
        nesterov = bool(momentum > 0 and rng.random() < 0.5)
        dampening = 0.0 if nesterov else maybe(rng, 0.4, float(rng.uniform(0.05, 0.9)))
        return {"lr": lr, "momentum": momentum, "dampening": dampening, "weight_decay": wd, "nesterov": nesterov, "maximize": maximize}
    if name == "Adagrad":
        return {"lr": lr, "lr_decay": maybe(rng, 0.5, log_uniform(rng, 1e-4, 0.2)), "weight_decay": wd,
                "initial_accumulator_value": maybe(rng, 0.5, float(rng.uniform(0.01, 1.0))), "eps": eps, "maximize": maximize}
    if name == "RMSprop":
        return {"lr": lr, "alpha": float(rng.uniform(0.5, 0.999)), "eps": eps, "weight_decay": wd,
                "momentum": maybe(rng, 0.5, float(rng.uniform(0.05, 0.95))), "centered": bool(rng.random() < 0.5), "maximize": maximize}
    if name == "Adadelta":
        return {"lr": float(rng.uniform(0.1, 2.0)), "rho": float(rng.uniform(0.5, 0.99)), "eps": eps, "weight_decay": wd, "maximize": maximize}
    if name in ("Adam", "AdamW"):
        if name == "AdamW" and wd == 0.0:
            wd = 1e-2
        return {"lr": lr, "betas": betas, "eps": eps, "weight_decay": wd, "amsgrad": bool(rng.random() < 0.5), "maximize": maximize}
    if name == "Adamax":
        return {"lr": lr, "betas": betas, "eps": eps, "weight_decay": wd, "maximize": maximize}
    if name == "NAdam":
        return {"lr": lr, "betas": betas, "eps": eps, "weight_decay": wd, "momentum_decay": log_uniform(rng, 1e-4, 1e-2)}
    if name == "RAdam":
        return {"lr": lr, "betas": betas, "eps": eps, "weight_decay": wd}
    raise ValueError(name)


def optimizer_case(i, name):
    seed = 2026 + i
    rng = np.random.default_rng(seed)
    kwargs = draw_optimizer(rng, name)
    shapes = [[int(rng.integers(1, 5))], [int(rng.integers(1, 4)), int(rng.integers(1, 4))]]
    params = [torch.tensor(rng.standard_normal(s)) for s in shapes]
    n_steps = int(rng.integers(8, 16))
    scale = log_uniform(rng, 1e-3, 10.0)
    grads = [[torch.tensor(rng.standard_normal(s) * scale) for s in shapes] for _ in range(n_steps)]
    ps = [torch.nn.Parameter(p.clone()) for p in params]
    opt = getattr(torch.optim, name)(ps, foreach=False, **kwargs)
    per_step = []
    for t in range(n_steps):
        for p, g in zip(ps, grads[t]):
            p.grad = g.clone()
        opt.step()
        per_step.append([flat(p) for p in ps])
    return {
        "id": f"optimizers/{name.lower()}/random-{i}",
        "kind": "given_grads",
        "call": {"torch": f"torch.optim.{name}", "kwargs": kwargs},
        "dtype": "float64",
        "seed": seed,
        "n_steps": n_steps,
        "inputs": {"params": [tensor(p) for p in params], "grads": [[flat(g) for g in step] for step in grads]},
        "expected": {"params_per_step": per_step},
    }


def clip_case(i):
    seed = 2026 + i
    rng = np.random.default_rng(seed)
    norm_type = [1.0, 2.0, float(rng.uniform(1.2, 4.0)), math.inf][int(rng.integers(0, 4))]
    grads = [torch.tensor(rng.standard_normal(int(rng.integers(1, 6))) * log_uniform(rng, 0.01, 10)) for _ in range(int(rng.integers(1, 4)))]
    max_norm = log_uniform(rng, 0.01, 10.0)
    ps = [torch.nn.Parameter(torch.zeros_like(g)) for g in grads]
    for p, g in zip(ps, grads):
        p.grad = g.clone()
    total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type, error_if_nonfinite=False)
    return {
        "id": f"optimizers/clip_grad_norm/random-{i}",
        "kind": "clip_grad_norm",
        "call": {"torch": "torch.nn.utils.clip_grad_norm_", "kwargs": {"max_norm": max_norm, "norm_type": num(norm_type), "error_if_nonfinite": False}},
        "dtype": "float64",
        "inputs": {"grads": [tensor(g) for g in grads]},
        "expected": {"grads": [flat(p.grad) for p in ps], "total_norm": num(total.item())},
    }


# ---------------------------------------------------------------- schedules

S = "torch.optim.lr_scheduler."


def draw_schedule(rng):
    kind = ["StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "CyclicLR", "CosineAnnealingWarmRestarts",
            "OneCycleLR", "LinearLR", "ConstantLR", "PolynomialLR"][int(rng.integers(0, 10))]
    if kind == "StepLR":
        return kind, {"step_size": int(rng.integers(1, 12)), "gamma": float(rng.uniform(0.05, 0.99)), "last_epoch": -1}
    if kind == "MultiStepLR":
        ms = sorted(set(int(x) for x in rng.integers(1, 40, int(rng.integers(1, 5)))))
        return kind, {"milestones": ms, "gamma": float(rng.uniform(0.05, 0.99)), "last_epoch": -1}
    if kind == "ExponentialLR":
        return kind, {"gamma": float(rng.uniform(0.8, 0.999)), "last_epoch": -1}
    if kind == "CosineAnnealingLR":
        return kind, {"T_max": int(rng.integers(1, 40)), "eta_min": maybe(rng, 0.5, log_uniform(rng, 1e-5, 1e-2)), "last_epoch": -1}
    if kind == "CyclicLR":
        mode = ["triangular", "triangular2", "exp_range"][int(rng.integers(0, 3))]
        up = int(rng.integers(1, 12))
        down = None if rng.random() < 0.5 else int(rng.integers(1, 12))
        base = log_uniform(rng, 1e-4, 1e-2)
        cycle_momentum = bool(rng.random() < 0.5)
        return kind, {"base_lr": base, "max_lr": base * float(rng.uniform(2, 50)), "step_size_up": up, "step_size_down": down, "mode": mode,
                      "gamma": float(rng.uniform(0.9, 0.999)), "scale_fn": None, "scale_mode": "cycle", "cycle_momentum": cycle_momentum,
                      "base_momentum": 0.8, "max_momentum": 0.9, "last_epoch": -1}
    if kind == "CosineAnnealingWarmRestarts":
        return kind, {"T_0": int(rng.integers(1, 12)), "T_mult": int(rng.integers(1, 4)), "eta_min": maybe(rng, 0.5, log_uniform(rng, 1e-5, 1e-2)), "last_epoch": -1}
    if kind == "OneCycleLR":
        total = int(rng.integers(10, 60))
        return kind, {"max_lr": log_uniform(rng, 1e-3, 1.0), "total_steps": total, "epochs": None, "steps_per_epoch": None,
                      "pct_start": float(rng.uniform(0.1, 0.6)), "anneal_strategy": ["cos", "linear"][int(rng.integers(0, 2))],
                      "cycle_momentum": bool(rng.random() < 0.5), "base_momentum": 0.85, "max_momentum": 0.95,
                      "div_factor": float(rng.uniform(2, 50)), "final_div_factor": float(rng.uniform(10, 1e4)),
                      "three_phase": bool(rng.random() < 0.5), "last_epoch": -1}
    if kind == "LinearLR":
        return kind, {"start_factor": float(rng.uniform(0.05, 1.0)), "end_factor": float(rng.uniform(0.05, 1.0)), "total_iters": int(rng.integers(1, 30)), "last_epoch": -1}
    if kind == "ConstantLR":
        return kind, {"factor": float(rng.uniform(0.05, 1.0)), "total_iters": int(rng.integers(1, 30)), "last_epoch": -1}
    return kind, {"total_iters": int(rng.integers(1, 40)), "power": float(rng.uniform(0.3, 3.0)), "last_epoch": -1}


def schedule_case(i):
    seed = 2026 + i
    rng = np.random.default_rng(seed)
    kind, kwargs = draw_schedule(rng)
    base_lr = log_uniform(rng, 1e-3, 1.0)
    momentum = kind in ("CyclicLR", "OneCycleLR") and kwargs["cycle_momentum"]
    p = torch.nn.Parameter(torch.zeros(1))
    opt_kwargs = {"lr": base_lr, **({"momentum": 0.9} if momentum else {})}
    opt = torch.optim.SGD([p], **opt_kwargs)
    sched = getattr(torch.optim.lr_scheduler, kind)(opt, **kwargs)
    n = kwargs["total_steps"] - 1 if kind == "OneCycleLR" else int(rng.integers(10, 60))
    lrs, moms = [], []
    for _ in range(n):
        lrs.append(num(opt.param_groups[0]["lr"]))
        moms.append(num(opt.param_groups[0].get("momentum", 0.0)))
        opt.step()
        sched.step()
    expected = {"lr_before_step": lrs, "lr_after_last_step": num(opt.param_groups[0]["lr"])}
    if momentum:
        expected["momentum_before_step"] = moms
        expected["momentum_after_last_step"] = num(opt.param_groups[0]["momentum"])
    return {
        "id": f"schedules/{kind}/random-{i}",
        "call": {"torch": S + kind, "kwargs": kwargs},
        "optimizer": {"torch": "torch.optim.SGD", "kwargs": opt_kwargs},
        "base_lr": base_lr,
        "dtype": "float64 (python float)",
        "n_scheduler_steps": n,
        "step_protocol": "for t in range(n): observe lr; optimizer.step(); scheduler.step()",
        "expected": expected,
    }


def plateau_case(i):
    seed = 2026 + i
    rng = np.random.default_rng(seed)
    mode = ["min", "max"][int(rng.integers(0, 2))]
    kwargs = {"mode": mode, "factor": float(rng.uniform(0.05, 0.9)), "patience": int(rng.integers(0, 6)),
              "threshold": log_uniform(rng, 1e-5, 0.1), "threshold_mode": ["rel", "abs"][int(rng.integers(0, 2))],
              "cooldown": int(rng.integers(0, 5)), "min_lr": maybe(rng, 0.5, log_uniform(rng, 1e-6, 1e-2)), "eps": maybe(rng, 0.3, log_uniform(rng, 1e-9, 1e-3), 1e-8)}
    base_lr = log_uniform(rng, 1e-3, 1.0)
    n = int(rng.integers(20, 80))
    drift = -1 if mode == "min" else 1
    # a noisy trend with plateaus and rounded values (exact ties hit the threshold comparisons)
    metrics = np.round(1 + drift * np.cumsum(rng.uniform(-0.02, 0.03, n) * (rng.random(n) < 0.6)), int(rng.integers(2, 5)))
    metrics = [float(m) for m in metrics]
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=base_lr)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **kwargs)
    lrs = []
    for t in range(n):
        lrs.append(num(opt.param_groups[0]["lr"]))
        opt.step()
        sched.step(metrics[t])
    return {
        "id": f"schedules/ReduceLROnPlateau/random-{i}",
        "call": {"torch": S + "ReduceLROnPlateau", "kwargs": kwargs},
        "optimizer": {"torch": "torch.optim.SGD", "kwargs": {"lr": base_lr}},
        "base_lr": base_lr,
        "dtype": "float64 (python float)",
        "n_scheduler_steps": n,
        "metrics": metrics,
        "step_protocol": "for t in range(n): observe lr; optimizer.step(); scheduler.step(metrics[t])",
        "expected": {"lr_before_step": lrs, "lr_after_last_step": num(opt.param_groups[0]["lr"])},
    }


if __name__ == "__main__":
    names = ["SGD", "Adagrad", "RMSprop", "Adadelta", "Adam", "AdamW", "Adamax", "NAdam", "RAdam"]
    write_family("optimizers", GENERATOR, [optimizer_case(i, names[i % len(names)]) for i in range(180)] + [clip_case(1000 + i) for i in range(20)])
    import warnings
    warnings.simplefilter("ignore")
    write_family("schedules", GENERATOR, [schedule_case(i) for i in range(150)] + [plateau_case(500 + i) for i in range(50)])
