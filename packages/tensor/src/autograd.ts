/**
 * Reverse-mode automatic differentiation, micrograd-style: every op that has an input requiring a
 * gradient attaches a `GradNode` (its inputs and one small backward rule) to its output;
 * `backward()` sorts the graph topologically and runs the rules once, in reverse.
 */
import { InvalidArgumentError, ShapeMismatchError } from '@lab/core';
import { sameShape } from './shape';
import type { Tensor } from './tensor';
import { sumTo } from './ops/shape-ops';
import { keepGrad } from './scope';

/**
 * How an op's output was made: its inputs and its backward rule. The rule maps the gradient of the
 * output to one gradient per input (`null` for inputs without one). A rule may return a gradient
 * with the output's broadcast shape; the engine sums it back to the input's shape.
 */
export interface GradNode {
  readonly op: string;
  readonly inputs: readonly Tensor[];
  readonly backward: (grad: Tensor) => readonly (Tensor | null)[];
}

let gradEnabled = true;

/** True unless inside `noGrad`. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Run `fn` without recording the graph: results of ops inside have `requiresGrad === false`
 * (for evaluation and in-place parameter updates). Restores the previous mode afterwards.
 *
 * @example
 * const pred = noGrad(() => model.forward(xTest));
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/**
 * Attach a backward rule to a freshly made op output when recording is on and an input requires a
 * gradient. Returns `out`.
 */
export function record(out: Tensor, op: string, inputs: readonly Tensor[], backward: GradNode['backward']): Tensor {
  if (!gradEnabled) return out;
  for (const t of inputs) {
    if (t.requiresGrad) {
      out.requiresGrad = true;
      out.node = { op, inputs, backward };
      return out;
    }
  }
  return out;
}

/** Options of `Tensor.backward`. */
export interface BackwardOptions {
  /** Keep the graph so `backward` can run through it again. Default false: the graph is released. */
  readonly retainGraph?: boolean;
}

function topoSort(root: Tensor): Tensor[] {
  // Iterative DFS (a long chain of ops must not overflow the call stack).
  const order: Tensor[] = [];
  const seen = new Set<Tensor>([root]);
  const stack: [Tensor, number][] = [[root, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const inputs = top[0].node?.inputs ?? [];
    if (top[1] < inputs.length) {
      const next = inputs[top[1]++];
      if (next.requiresGrad && !seen.has(next)) {
        seen.add(next);
        stack.push([next, 0]);
      }
    } else {
      order.push(top[0]);
      stack.pop();
    }
  }
  return order;
}

/**
 * Add `g` to leaf `t`'s gradient: a copy the first time, in place afterwards (the gradient keeps its
 * storage). A leaf's gradient outlives any `tidy` scope it was computed in.
 */
function accumulate(t: Tensor, g: Tensor): void {
  const cur = t.grad;
  if (cur !== null && cur.isContiguous && cur.backend === g.backend && cur.dtype === g.dtype && sameShape(cur.shape, g.shape)) {
    const sum = cur.add(g);
    cur.backend.assign(cur.view(), sum.view());
    cur.backend.dispose?.(sum.storage);
    return;
  }
  t.grad = cur === null ? g.contiguous(true) : cur.add(g);
  keepGrad(t.grad.storage);
}

/** @internal Used by `Tensor.backward`. */
export function runBackward(root: Tensor, grad: Tensor | undefined, options: BackwardOptions = {}): void {
  if (!root.requiresGrad) throw new InvalidArgumentError('tensor', root.shape, 'a tensor that requires grad (made from inputs with requiresGrad)');
  if (root.released) throw new InvalidArgumentError('tensor', root.shape, 'a graph not yet released; pass { retainGraph: true } to backward through it twice');
  let seed: Tensor;
  if (grad === undefined) {
    if (root.size !== 1) throw new ShapeMismatchError('backward', [root.shape], 'needs an explicit gradient: implicit gradients exist only for one-element outputs');
    seed = root.onesLike();
  } else {
    if (!sameShape(grad.shape, root.shape)) throw new ShapeMismatchError('backward', [grad.shape, root.shape], 'differ: the gradient must have the output shape');
    if (grad.dtype !== root.dtype) throw new InvalidArgumentError('grad', grad.dtype, `dtype ${root.dtype} like the tensor`);
    seed = grad.detach();
  }
  const order = topoSort(root);
  const grads = new Map<Tensor, Tensor>([[root, seed]]);
  noGrad(() => {
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i];
      const g = grads.get(t);
      grads.delete(t);
      const node = t.node;
      if (node === null) {
        if (g !== undefined && t.released)
          throw new InvalidArgumentError('tensor', t.shape, 'a graph not yet released; pass { retainGraph: true } to backward through it twice');
        if (g !== undefined) {
          // A leaf: accumulate into .grad. The first gradient is copied so that .grad never aliases
          // another tensor's storage (optimizers may write to it); later ones are added in place, as
          // PyTorch does, so the gradient keeps its storage (views of it stay valid).
          accumulate(t, g);
        }
        continue;
      }
      if (g !== undefined) {
        const inputGrads = node.backward(g);
        node.inputs.forEach((input, k) => {
          const gi = inputGrads[k];
          if (!input.requiresGrad || gi === null || gi === undefined) return;
          const reduced = sumTo(gi, input.shape);
          const prev = grads.get(input);
          grads.set(input, prev === undefined ? reduced : prev.add(reduced));
        });
      }
      if (!options.retainGraph) {
        t.node = null;
        t.released = true;
      }
    }
  });
}
