"""
What the randomised recorders here share (and packages/metrics/test/gen_sklearn_extra.py): JSON
values in the fixture format (non-finite numbers as "NaN" / "Infinity" / "-Infinity", tensors as
{"shape", "data"}), and writing one family file next to this module.
"""
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NONFINITE = {"NaN": "NaN", "+inf": "Infinity", "-inf": "-Infinity"}


def num(x):
    """A float in the fixture encoding."""
    x = float(x)
    return "NaN" if math.isnan(x) else ("Infinity" if x == math.inf else ("-Infinity" if x == -math.inf else x))


def val(x):
    """Any reference result (tuples, arrays, numpy scalars) as plain JSON values."""
    if isinstance(x, tuple):
        return [val(v) for v in x]
    if isinstance(x, np.ndarray):
        return [val(v) for v in x.tolist()] if x.ndim else val(x.item())
    if isinstance(x, list):
        return [val(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return num(x)
    return x


def write_family(family, generator, cases):
    """Write `<family>.json` here in the shared fixture format (strict JSON, compact)."""
    doc = {"generator": generator, "family": family, "nonfinite_encoding": NONFINITE, "cases": cases}
    with open(os.path.join(HERE, f"{family}.json"), "w") as f:
        json.dump(doc, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")
