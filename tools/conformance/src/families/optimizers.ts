/**
 * torch.optim / torch.nn.utils cases, run through the public API of @lab/optimizers the way a user
 * would: the PyTorch kwargs are translated to lab option names, the `Optimizer` facade steps named
 * parameters in place, and clipping runs as transformations.
 */
import { adadelta, adagrad, adam, adamax, adamw, clipByGlobalNorm, clipByValue, globalNorm, nadam, Optimizer, radam, rmsprop, sgd } from '@lab/optimizers';
import type { GradientTransformation, ParameterLike } from '@lab/optimizers';
import { close, exact, flat, num, TRAJECTORY } from '../compare';
import type { FixtureCase, Handler, Handlers, Mismatch } from '../types';

type Kwargs = Record<string, unknown>;

/** Shared kwargs: lr, weight_decay, maximize, eps, betas. */
function common(k: Kwargs): { lr: number } & Record<string, unknown> {
  const o: Record<string, unknown> = { lr: k.lr, weightDecay: k.weight_decay, eps: k.eps };
  if ('maximize' in k) o.maximize = k.maximize;
  if (Array.isArray(k.betas)) [o.b1, o.b2] = k.betas as number[];
  for (const key of Object.keys(o)) if (o[key] === undefined) delete o[key];
  return o as { lr: number } & Record<string, unknown>;
}

const factories: Record<string, (k: Kwargs) => GradientTransformation> = {
  'torch.optim.SGD': (k) => sgd({ ...common(k), momentum: k.momentum as number, dampening: k.dampening as number, nesterov: k.nesterov as boolean }),
  'torch.optim.Adagrad': (k) => adagrad({ ...common(k), lrDecay: k.lr_decay as number, initialAccumulator: k.initial_accumulator_value as number }),
  'torch.optim.RMSprop': (k) => rmsprop({ ...common(k), alpha: k.alpha as number, momentum: k.momentum as number, centered: k.centered as boolean }),
  'torch.optim.Adadelta': (k) => adadelta({ ...common(k), rho: k.rho as number }),
  'torch.optim.Adam': (k) => adam({ ...common(k), amsgrad: k.amsgrad as boolean }),
  'torch.optim.AdamW': (k) => adamw({ ...common(k), amsgrad: k.amsgrad as boolean }),
  'torch.optim.Adamax': (k) => adamax(common(k)),
  'torch.optim.NAdam': (k) => nadam({ ...common(k), momentumDecay: k.momentum_decay as number }),
  'torch.optim.RAdam': (k) => radam(common(k)),
};

/** `given_grads`: set each parameter's grad from the fixture and step; compare every step. */
function givenGrads(c: FixtureCase, t: GradientTransformation): Mismatch[] {
  const inputs = c.inputs as { params: unknown[]; grads: unknown[][] };
  const params: ParameterLike[] = inputs.params.map((p, i) => ({ name: `p${i}`, value: Float64Array.from(flat(p)), grad: null }));
  const opt = new Optimizer(params, t);
  const expected = (c.expected as { params_per_step: unknown[][] }).params_per_step;
  const out: Mismatch[] = [];
  inputs.grads.forEach((grads, s) => {
    params.forEach((p, i) => (p.grad = Float64Array.from(flat(grads[i]))));
    opt.step();
    params.forEach((p, i) => out.push(...close(`step ${s + 1} params[${i}]`, expected[s][i], p.value, TRAJECTORY)));
  });
  return out;
}

/** `quadratic`: f(x) = ½xᵀAx − bᵀx, gradient Ax − b at the current x before every step. */
function quadratic(c: FixtureCase, t: GradientTransformation): Mismatch[] {
  const inputs = c.inputs as { A: number[][]; b: number[]; params: unknown[] };
  const e = c.expected as { params_per_step: unknown[][]; loss_before_step: unknown[]; grad_before_step: unknown[] };
  const A = inputs.A;
  const b = inputs.b;
  const x: ParameterLike = { name: 'x', value: Float64Array.from(flat(inputs.params[0])), grad: null };
  const opt = new Optimizer([x], t);
  const out: Mismatch[] = [];
  for (let s = 0; s < e.params_per_step.length; s++) {
    const v = x.value;
    const Ax = A.map((row) => row.reduce((acc, a, j) => acc + a * v[j], 0));
    const loss = 0.5 * Ax.reduce((acc, a, i) => acc + a * v[i], 0) - b.reduce((acc, bi, i) => acc + bi * v[i], 0);
    opt.zeroGrad();
    x.grad = Float64Array.from(Ax.map((a, i) => a - b[i]));
    out.push(...close(`step ${s + 1} loss`, e.loss_before_step[s], loss, TRAJECTORY), ...close(`step ${s + 1} grad`, e.grad_before_step[s], x.grad, TRAJECTORY));
    opt.step();
    out.push(...close(`step ${s + 1} x`, e.params_per_step[s][0], x.value, TRAJECTORY));
  }
  return out;
}

function optimizerCase(name: string): Handler {
  return (c) => {
    const t = factories[name](c.call.kwargs);
    return c.kind === 'quadratic' ? quadratic(c, t) : givenGrads(c, t);
  };
}

function gradsOf(c: FixtureCase): Float64Array[] {
  return (c.inputs as { grads: unknown[] }).grads.map((g) => Float64Array.from(flat(g)));
}

export const handlers: Handlers = {
  ...Object.fromEntries(Object.keys(factories).map((name) => [name, optimizerCase(name)])),
  'torch.nn.utils.clip_grad_norm_': (c) => {
    const k = c.call.kwargs;
    const grads = gradsOf(c);
    const normType = num(k.norm_type);
    const clip = clipByGlobalNorm({ maxNorm: num(k.max_norm), normType });
    const { updates } = clip.update(grads, clip.init(grads));
    const e = c.expected as { grads: unknown[]; total_norm: unknown };
    return [...close('total_norm', e.total_norm, globalNorm(grads, normType)), ...updates.flatMap((u, i) => close(`grads[${i}]`, e.grads[i], u))];
  },
  'torch.nn.utils.clip_grad_value_': (c) => {
    const grads = gradsOf(c);
    const clip = clipByValue({ clipValue: num(c.call.kwargs.clip_value) });
    const { updates } = clip.update(grads, clip.init(grads));
    const e = c.expected as { grads: unknown[]; returns: unknown };
    return [...exact('returns', e.returns, null), ...updates.flatMap((u, i) => close(`grads[${i}]`, e.grads[i], u))];
  },
};
