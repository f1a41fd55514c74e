// Fused optimizer steps over float32 arrays in linear memory (AssemblyScript, f32x4 SIMD + scalar tail).
//
// Each kernel reads θ, g and the state once and writes θ and the state in place, in the operation order
// of @lab/optimizers' JavaScript passes (adamPass in scale-by-adam.ts, the sgd and rmsprop passes), so
// the two agree within float32 rounding (the JavaScript passes keep intermediates in float64). Scalars
// that need a power (bias corrections) are computed in JavaScript and passed in: no Math.pow here.
// Pointers are byte offsets, n the number of elements; an optional state pointer is 0 when absent.

// Adam's loop, once per AMSGrad setting (the flag is a constant after inlining); pointers advance
// together as offsets from θ's.
@inline function adamBody(p: usize, g: usize, m: usize, v: usize, w: usize, n: i32, amsgrad: bool, B1: f32, C1: f32, B2: f32, C2: f32, SG: f32, L2: f32, K: f32, L: f32, A: f32, R: f32, E: f32): void {
  const vb1 = f32x4.splat(B1), vc1 = f32x4.splat(C1), vb2 = f32x4.splat(B2), vc2 = f32x4.splat(C2);
  const vsg = f32x4.splat(SG), vl2 = f32x4.splat(L2), vk = f32x4.splat(K), vl = f32x4.splat(L);
  const va = f32x4.splat(A), vr = f32x4.splat(R), ve = f32x4.splat(E);
  const end = p + (<usize>(n & ~3) << 2);
  const dg = g - p, dm = m - p, dv = v - p, dw = w - p;
  let q = p;
  for (; q < end; q += 16) {
    const th = v128.load(q);
    const x = f32x4.add(f32x4.mul(vsg, v128.load(q + dg)), f32x4.mul(vl2, th));
    const mj = f32x4.add(f32x4.mul(vb1, v128.load(q + dm)), f32x4.mul(vc1, x));
    let vj = f32x4.add(f32x4.mul(vb2, v128.load(q + dv)), f32x4.mul(f32x4.mul(vc2, x), x));
    v128.store(q + dm, mj);
    v128.store(q + dv, vj);
    if (amsgrad) {
      vj = f32x4.max(v128.load(q + dw), vj);
      v128.store(q + dw, vj);
    }
    const d = f32x4.add(f32x4.sqrt(f32x4.add(f32x4.mul(vj, va), vr)), ve);
    v128.store(q, f32x4.add(f32x4.mul(vk, th), f32x4.div(f32x4.mul(vl, mj), d)));
  }
  for (let j = n & ~3; j < n; j++) {
    const o = <usize>j << 2;
    const th = load<f32>(p + o);
    const x = SG * load<f32>(g + o) + L2 * th;
    const mj = B1 * load<f32>(m + o) + C1 * x;
    let vj = B2 * load<f32>(v + o) + C2 * x * x;
    store<f32>(m + o, mj);
    store<f32>(v + o, vj);
    if (amsgrad) {
      vj = max(load<f32>(w + o), vj);
      store<f32>(w + o, vj);
    }
    store<f32>(p + o, K * th + (L * mj) / (sqrt(vj * A + R) + E));
  }
}
/**
 * Adam / AdamW / AMSGrad, in place. With x = sg·g + l2·θ:
 * m ← b1·m + (1−b1)·x;  v ← b2·v + (1−b2)·x²;  v̂ ← max(v̂, v) (w ≠ 0);  θ ← keep·θ + l·m / (√(v̂·a + r) + eps).
 */
export function adamStep(p: usize, g: usize, m: usize, v: usize, w: usize, n: i32, b1: f64, b2: f64, sg: f64, l2: f64, keep: f64, l: f64, a: f64, r: f64, eps: f64): void {
  if (w != 0) adamBody(p, g, m, v, w, n, true, <f32>b1, <f32>(1 - b1), <f32>b2, <f32>(1 - b2), <f32>sg, <f32>l2, <f32>keep, <f32>l, <f32>a, <f32>r, <f32>eps);
  else adamBody(p, g, m, v, w, n, false, <f32>b1, <f32>(1 - b1), <f32>b2, <f32>(1 - b2), <f32>sg, <f32>l2, <f32>keep, <f32>l, <f32>a, <f32>r, <f32>eps);
}

/**
 * SGD, in place. With x = k·(sg·g + l2·θ): without a buffer (b = 0) θ ← θ + l·x; with one
 * b ← x on the first step, else μ·b + c·x (c = 1 − dampening), and θ ← θ + l·(x + μ·b if nesterov, else b).
 * (`k = −α, l = 1` is the lecture's lr-inside-momentum form; `k = 1, l = −α` PyTorch's.)
 */
export function sgdStep(p: usize, g: usize, b: usize, n: i32, k: f64, l: f64, sg: f64, l2: f64, mu: f64, c: f64, first: bool, nesterov: bool): void {
  const K = <f32>k, L = <f32>l, SG = <f32>sg, L2 = <f32>l2, MU = <f32>mu, C = <f32>c;
  const vk = f32x4.splat(K), vl = f32x4.splat(L), vsg = f32x4.splat(SG), vl2 = f32x4.splat(L2), vmu = f32x4.splat(MU), vc = f32x4.splat(C);
  let j = 0;
  if (b == 0) {
    for (; j + 4 <= n; j += 4) {
      const o = <usize>j << 2;
      const th = v128.load(p + o);
      const x = f32x4.mul(vk, f32x4.add(f32x4.mul(vsg, v128.load(g + o)), f32x4.mul(vl2, th)));
      v128.store(p + o, f32x4.add(th, f32x4.mul(vl, x)));
    }
    for (; j < n; j++) {
      const o = <usize>j << 2;
      const th = load<f32>(p + o);
      store<f32>(p + o, th + L * (K * (SG * load<f32>(g + o) + L2 * th)));
    }
    return;
  }
  for (; j + 4 <= n; j += 4) {
    const o = <usize>j << 2;
    const th = v128.load(p + o);
    const x = f32x4.mul(vk, f32x4.add(f32x4.mul(vsg, v128.load(g + o)), f32x4.mul(vl2, th)));
    const bj = first ? x : f32x4.add(f32x4.mul(vmu, v128.load(b + o)), f32x4.mul(vc, x));
    v128.store(b + o, bj);
    v128.store(p + o, f32x4.add(th, f32x4.mul(vl, nesterov ? f32x4.add(x, f32x4.mul(vmu, bj)) : bj)));
  }
  for (; j < n; j++) {
    const o = <usize>j << 2;
    const th = load<f32>(p + o);
    const x = K * (SG * load<f32>(g + o) + L2 * th);
    const bj = first ? x : MU * load<f32>(b + o) + C * x;
    store<f32>(b + o, bj);
    store<f32>(p + o, th + L * (nesterov ? x + MU * bj : bj));
  }
}

/**
 * RMSprop (not centred), in place. With x = sg·g + l2·θ: v ← a·v + (1−a)·x²;  d = x / (√(v + r) + eps);
 * with a momentum buffer (b ≠ 0) d ← b ← (d on the first step, else μ·b + d);  θ ← θ + l·d.
 */
export function rmspropStep(p: usize, g: usize, v: usize, b: usize, n: i32, a: f64, l: f64, sg: f64, l2: f64, mu: f64, r: f64, eps: f64, first: bool): void {
  const A = <f32>a, CA = <f32>(1 - a), L = <f32>l, SG = <f32>sg, L2 = <f32>l2, MU = <f32>mu, R = <f32>r, E = <f32>eps;
  const va = f32x4.splat(A), vca = f32x4.splat(CA), vl = f32x4.splat(L), vsg = f32x4.splat(SG), vl2 = f32x4.splat(L2);
  const vmu = f32x4.splat(MU), vr = f32x4.splat(R), ve = f32x4.splat(E);
  const momentum = b != 0;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const o = <usize>j << 2;
    const th = v128.load(p + o);
    const x = f32x4.add(f32x4.mul(vsg, v128.load(g + o)), f32x4.mul(vl2, th));
    const vj = f32x4.add(f32x4.mul(va, v128.load(v + o)), f32x4.mul(f32x4.mul(vca, x), x));
    v128.store(v + o, vj);
    let d = f32x4.div(x, f32x4.add(f32x4.sqrt(f32x4.add(vj, vr)), ve));
    if (momentum) {
      if (!first) d = f32x4.add(f32x4.mul(vmu, v128.load(b + o)), d);
      v128.store(b + o, d);
    }
    v128.store(p + o, f32x4.add(th, f32x4.mul(vl, d)));
  }
  for (; j < n; j++) {
    const o = <usize>j << 2;
    const th = load<f32>(p + o);
    const x = SG * load<f32>(g + o) + L2 * th;
    const vj = A * load<f32>(v + o) + CA * x * x;
    store<f32>(v + o, vj);
    let d = x / (sqrt(vj + R) + E);
    if (momentum) {
      if (!first) d = MU * load<f32>(b + o) + d;
      store<f32>(b + o, d);
    }
    store<f32>(p + o, th + L * d);
  }
}

/** 1 when every one of the n floats at x is finite (x·0 is 0 for finite x, NaN otherwise), else 0. */
export function finiteAll(x: usize, n: i32): bool {
  let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
  const z = a0;
  let j = 0;
  for (; j + 16 <= n; j += 16) {
    const o = x + (<usize>j << 2);
    a0 = f32x4.add(a0, f32x4.mul(v128.load(o), z));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(o, 16), z));
    a2 = f32x4.add(a2, f32x4.mul(v128.load(o, 32), z));
    a3 = f32x4.add(a3, f32x4.mul(v128.load(o, 48), z));
  }
  let s: f32 = 0;
  for (; j < n; j++) s += load<f32>(x + (<usize>j << 2)) * 0;
  const t = f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3));
  s += f32x4.extract_lane(t, 0) + f32x4.extract_lane(t, 1) + f32x4.extract_lane(t, 2) + f32x4.extract_lane(t, 3);
  return s == 0;
}
