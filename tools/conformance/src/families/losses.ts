/**
 * torch.nn.functional loss fixtures against @lab/losses' public API, in float64 through
 * @lab/tensor's float64 dtype.
 *
 * Each case builds the input as a float64 leaf tensor, the target as a float64 tensor (class
 * indices are integer values), translates PyTorch's snake_case kwargs to lab's options (`null`
 * means "left out"), and compares the loss (a number, or a tensor for `reduction: 'none'`) and,
 * for scalar reductions, `d loss / d input` from `backward()`.
 */
import {
  bceWithLogits,
  binaryCrossEntropy,
  crossEntropy,
  hingeEmbeddingLoss,
  huberLoss,
  klDiv,
  l1Loss,
  mseLoss,
  multiMarginLoss,
  nllLoss,
  smoothL1Loss,
  softMarginLoss,
} from '@lab/losses';
import { Tensor, tensor } from '@lab/tensor';
import { close, decode, flat } from '../compare';
import type { FixtureCase, Handler, Handlers, Mismatch } from '../types';

interface FixtureTensor {
  shape: number[];
  data: unknown[];
}

/** A fixture tensor as a float64 tensor (int64 class indices become integer float values). */
function toTensor(x: unknown, requiresGrad = false): Tensor {
  const t = x as FixtureTensor;
  return tensor(flat(t.data), { dtype: 'float64', shape: t.shape, requiresGrad });
}

/** PyTorch kwarg name → lab option name. */
const NAMES: Record<string, string> = {
  reduction: 'reduction',
  delta: 'delta',
  beta: 'beta',
  weight: 'weight',
  pos_weight: 'posWeight',
  ignore_index: 'ignoreIndex',
  label_smoothing: 'labelSmoothing',
  margin: 'margin',
  p: 'p',
  log_target: 'logTarget',
};

/** Translate kwargs; tensor-valued kwargs (weight, pos_weight) become float64 tensors. */
function options(c: FixtureCase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.call.kwargs)) {
    if (v === null) continue;
    const name = NAMES[k];
    if (name === undefined) throw new Error(`no lab option for kwarg ${k}`);
    out[name] = v && typeof v === 'object' && 'shape' in v ? toTensor(v) : decode(v);
  }
  return out;
}

type LossFn = (input: Tensor, target: Tensor, options: Record<string, unknown>) => Tensor;

/** Run one loss: compare the value and, for a scalar result, the input gradient. */
function check(fn: LossFn): Handler {
  return (c: FixtureCase): Mismatch[] => {
    const input = toTensor(c.inputs.input, true);
    const target = toTensor(c.inputs.target);
    const loss = fn(input, target, options(c));
    const out = close('loss', c.expected.loss, loss.data());
    if (c.expected.grad_input !== undefined) {
      loss.backward();
      out.push(...close('grad_input', c.expected.grad_input, input.grad?.data() ?? null));
    }
    return out;
  };
}

export const handlers: Handlers = {
  'torch.nn.functional.mse_loss': check(mseLoss),
  'torch.nn.functional.l1_loss': check(l1Loss),
  'torch.nn.functional.huber_loss': check(huberLoss),
  'torch.nn.functional.smooth_l1_loss': check(smoothL1Loss),
  'torch.nn.functional.cross_entropy': check(crossEntropy),
  'torch.nn.functional.nll_loss': check(nllLoss),
  'torch.nn.functional.binary_cross_entropy': check(binaryCrossEntropy),
  'torch.nn.functional.binary_cross_entropy_with_logits': check(bceWithLogits),
  'torch.nn.functional.hinge_embedding_loss': check(hingeEmbeddingLoss),
  'torch.nn.functional.multi_margin_loss': check(multiMarginLoss),
  'torch.nn.functional.soft_margin_loss': check(softMarginLoss),
  'torch.nn.functional.kl_div': check(klDiv),
};
