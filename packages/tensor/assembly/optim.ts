// Fused optimizer steps over float32 arrays in linear memory (AssemblyScript, f32x4 SIMD).
//
// A module of its own (scripts/build-wasm.mjs: `--importMemory`), instantiated on the kernels module's
// exported memory: the same code serves the SIMD and relaxed-SIMD builds and the matmul workers do not
// carry it. It has no static data.
//
// Each kernel reads θ, g and the state once and writes θ and the state in place, in the operation order
// of @lab/optimizers' JavaScript passes (adamPass in scale-by-adam.ts, the sgd and rmsprop passes), so
// the two agree within float32 rounding (the JavaScript passes keep intermediates in float64). Scalars
// that need a power (bias corrections) are computed in JavaScript and passed in: no Math.pow here.
// Pointers are byte offsets, n the number of elements; an optional state pointer is 0 when absent.
//
// n is a multiple of 4: JavaScript rounds the element count up, which is safe because every array it
// passes is a whole block of its allocator (sizes in multiples of 16 bytes); the padding lanes compute
// on whatever the padding holds and are never read as values. f32x4 arithmetic is IEEE per lane, so
// each element rounds exactly as scalar float32 code would.

/**
 * Adam / AdamW / AMSGrad, in place. With x = sg·g + l2·θ:
 * m ← b1·m + (1−b1)·x;  v ← b2·v + (1−b2)·x²;  v̂ ← max(v̂, v) (w ≠ 0);  θ ← keep·θ + l·m / (√(v̂·a + r) + eps).
 */
export function adamStep(p: usize, g: usize, m: usize, v: usize, w: usize, n: i32, b1: f64, b2: f64, sg: f64, l2: f64, keep: f64, l: f64, a: f64, r: f64, eps: f64): void {
  const B1 = f32x4.splat(<f32>b1), C1 = f32x4.splat(<f32>(1 - b1)), B2 = f32x4.splat(<f32>b2), C2 = f32x4.splat(<f32>(1 - b2));
  const SG = f32x4.splat(<f32>sg), L2 = f32x4.splat(<f32>l2), K = f32x4.splat(<f32>keep), L = f32x4.splat(<f32>l);
  const A = f32x4.splat(<f32>a), R = f32x4.splat(<f32>r), E = f32x4.splat(<f32>eps);
  if (w == 0 && l2 == 0 && r == 0) {
    // Adam / AdamW without an L2 term, eps outside the root and no running max (the defaults): 9
    // constants instead of 11, so the loop keeps everything in V8's 16 vector registers (3× faster)
    for (let q: usize = 0, end = <usize>n << 2; q < end; q += 16) {
      const x = f32x4.mul(SG, v128.load(g + q));
      const mj = f32x4.add(f32x4.mul(B1, v128.load(m + q)), f32x4.mul(C1, x));
      const vj = f32x4.add(f32x4.mul(B2, v128.load(v + q)), f32x4.mul(f32x4.mul(C2, x), x));
      v128.store(m + q, mj);
      v128.store(v + q, vj);
      v128.store(p + q, f32x4.add(f32x4.mul(K, v128.load(p + q)), f32x4.div(f32x4.mul(L, mj), f32x4.add(f32x4.sqrt(f32x4.mul(vj, A)), E))));
    }
    return;
  }
  for (let q: usize = 0, end = <usize>n << 2; q < end; q += 16) {
    const th = v128.load(p + q);
    const x = f32x4.add(f32x4.mul(SG, v128.load(g + q)), f32x4.mul(L2, th));
    const mj = f32x4.add(f32x4.mul(B1, v128.load(m + q)), f32x4.mul(C1, x));
    let vj = f32x4.add(f32x4.mul(B2, v128.load(v + q)), f32x4.mul(f32x4.mul(C2, x), x));
    v128.store(m + q, mj);
    v128.store(v + q, vj);
    if (w != 0) {
      vj = f32x4.max(v128.load(w + q), vj); // propagates NaN and orders −0 < +0, like Math.max
      v128.store(w + q, vj);
    }
    v128.store(p + q, f32x4.add(f32x4.mul(K, th), f32x4.div(f32x4.mul(L, mj), f32x4.add(f32x4.sqrt(f32x4.add(f32x4.mul(vj, A), R)), E))));
  }
}

/**
 * SGD, in place. With x = k·(sg·g + l2·θ): without a buffer (b = 0) θ ← θ + l·x; with one
 * b ← x on the first step, else μ·b + c·x (c = 1 − dampening), and θ ← θ + l·(x + μ·b if nesterov, else b).
 * (`k = −α, l = 1` is the lecture's lr-inside-momentum form; `k = 1, l = −α` PyTorch's.)
 */
export function sgdStep(p: usize, g: usize, b: usize, n: i32, k: f64, l: f64, sg: f64, l2: f64, mu: f64, c: f64, first: bool, nesterov: bool): void {
  const K = f32x4.splat(<f32>k), L = f32x4.splat(<f32>l), SG = f32x4.splat(<f32>sg), L2 = f32x4.splat(<f32>l2), MU = f32x4.splat(<f32>mu), C = f32x4.splat(<f32>c);
  for (let q: usize = 0, end = <usize>n << 2; q < end; q += 16) {
    const th = v128.load(p + q);
    const x = f32x4.mul(K, f32x4.add(f32x4.mul(SG, v128.load(g + q)), f32x4.mul(L2, th)));
    let d = x;
    if (b != 0) {
      const bj = first ? x : f32x4.add(f32x4.mul(MU, v128.load(b + q)), f32x4.mul(C, x));
      v128.store(b + q, bj);
      d = nesterov ? f32x4.add(x, f32x4.mul(MU, bj)) : bj;
    }
    v128.store(p + q, f32x4.add(th, f32x4.mul(L, d)));
  }
}

/**
 * RMSprop (not centred), in place. With x = sg·g + l2·θ: v ← a·v + (1−a)·x²;  d = x / (√(v + r) + eps);
 * with a momentum buffer (b ≠ 0) d ← b ← (d on the first step, else μ·b + d);  θ ← θ + l·d.
 */
export function rmspropStep(p: usize, g: usize, v: usize, b: usize, n: i32, a: f64, l: f64, sg: f64, l2: f64, mu: f64, r: f64, eps: f64, first: bool): void {
  const A = f32x4.splat(<f32>a), CA = f32x4.splat(<f32>(1 - a)), L = f32x4.splat(<f32>l), SG = f32x4.splat(<f32>sg), L2 = f32x4.splat(<f32>l2);
  const MU = f32x4.splat(<f32>mu), R = f32x4.splat(<f32>r), E = f32x4.splat(<f32>eps);
  for (let q: usize = 0, end = <usize>n << 2; q < end; q += 16) {
    const th = v128.load(p + q);
    const x = f32x4.add(f32x4.mul(SG, v128.load(g + q)), f32x4.mul(L2, th));
    const vj = f32x4.add(f32x4.mul(A, v128.load(v + q)), f32x4.mul(f32x4.mul(CA, x), x));
    v128.store(v + q, vj);
    let d = f32x4.div(x, f32x4.add(f32x4.sqrt(f32x4.add(vj, R)), E));
    if (b != 0) {
      if (!first) d = f32x4.add(f32x4.mul(MU, v128.load(b + q)), d);
      v128.store(b + q, d);
    }
    v128.store(p + q, f32x4.add(th, f32x4.mul(L, d)));
  }
}

/** 1 when every one of the n floats at x is finite (x·0 is 0 for finite x, NaN otherwise), else 0. */
export function finiteAll(x: usize, n: i32): bool {
  const z = f32x4.splat(0);
  let a0 = z, a1 = z;
  let o: usize = 0;
  for (const end = <usize>(n & ~7) << 2; o < end; o += 32) {
    a0 = f32x4.add(a0, f32x4.mul(v128.load(x + o), z));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(x + o, 16), z));
  }
  let s = f32x4.add(a0, a1);
  for (const end = <usize>n << 2; o < end; o += 4) s = f32x4.add(s, f32x4.mul(v128.load32_splat(x + o), z));
  return i32x4.all_true(f32x4.eq(s, z));
}
