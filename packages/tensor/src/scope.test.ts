import { describe, expect, it } from 'vitest';
import { isLabError } from '@lab/core';
import { withBackend } from './backend';
import { jsBackend } from './backends/js';
import { Linear, ReLU, Sequential } from './index';
import { keep, tidy } from './scope';
import { tensor } from './tensor';
import { createWasmBackend } from './wasm';

const wasm = await createWasmBackend();
const on = <T>(fn: () => T): T => withBackend(wasm, fn);

describe('tidy', () => {
  it('frees every tensor created inside except the result', () => {
    on(() => {
      const x = tensor([1, 2, 3]);
      const before = wasm.memoryStats().blocks;
      let inner: ReturnType<typeof tensor> | null = null;
      const y = tidy(() => {
        inner = x.mul(2).add(1);
        return inner.mul(x).sum();
      });
      expect(wasm.memoryStats().blocks).toBe(before + 1);
      expect(y.item()).toBe(3 + 10 + 21);
      expect(() => inner!.data()).toThrow(/disposed/);
      expect(x.toArray()).toEqual([1, 2, 3]);
    });
  });

  it('never frees storage created before the scope, even through views made inside', () => {
    on(() => {
      const w = tensor([[1, 2], [3, 4]]);
      tidy(() => {
        w.transpose().reshape([4]).mul(1);
      });
      expect(w.toArray()).toEqual([[1, 2], [3, 4]]);
    });
  });

  it('keeps results in arrays and plain objects, views of them, and kept tensors', () => {
    on(() => {
      const x = tensor([1, 2]);
      let kept: ReturnType<typeof tensor> | null = null;
      const r = tidy(() => {
        kept = keep(x.add(10));
        const a = x.mul(3);
        return { list: [a.reshape([2, 1])], n: 1 };
      });
      expect(r.list[0].toArray()).toEqual([[3], [6]]);
      expect(kept!.toArray()).toEqual([11, 12]);
    });
  });

  it('nested scopes hand their results to the enclosing scope', () => {
    on(() => {
      const x = tensor([1, 2]);
      const before = wasm.memoryStats().blocks;
      let mid: ReturnType<typeof tensor> | null = null;
      tidy(() => {
        mid = tidy(() => x.add(1).mul(2));
        expect(mid.toArray()).toEqual([4, 6]);
      });
      expect(() => mid!.data()).toThrow(/disposed/);
      expect(wasm.memoryStats().blocks).toBe(before);
    });
  });

  it('leaf gradients outlive the scope and a training step reuses the same memory', () => {
    on(() => {
      const model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));
      const x = tensor(Array.from({ length: 12 }, (_, i) => (i % 5) - 2), { shape: [3, 4] });
      const step = () =>
        tidy(() => {
          const loss = model.forward(x).square().mean();
          loss.backward();
          return loss.item();
        });
      step();
      const grads = model.parameters().map((p) => p.grad!.slice());
      const blocks = wasm.memoryStats().blocks;
      const bytes = wasm.memoryStats().memoryBytes;
      for (let i = 0; i < 50; i++) step();
      expect(wasm.memoryStats().blocks).toBe(blocks);
      expect(wasm.memoryStats().memoryBytes).toBe(bytes);
      // accumulated in place over 51 steps with fixed parameters: 51× the first gradient
      model.parameters().forEach((p, i) => {
        const g = p.grad!;
        for (let j = 0; j < g.length; j++) expect(g[j]).toBeCloseTo(51 * grads[i][j], 3);
      });
    });
  });

  it('accumulates into the same gradient storage (views stay valid), as PyTorch does', () => {
    for (const b of [jsBackend, wasm])
      withBackend(b, () => {
        const w = tensor([1, 2, 3], { requiresGrad: true });
        w.mul(w).sum().backward();
        const g = w.grad!;
        w.mul(2).sum().backward();
        expect(w.grad).toBe(g);
        expect(g.toArray()).toEqual([4, 6, 8]);
      });
  });

  it('frees everything when fn throws, and rejects async functions loudly', () => {
    on(() => {
      const x = tensor([1]);
      const before = wasm.memoryStats().blocks;
      expect(() =>
        tidy(() => {
          x.add(1);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(wasm.memoryStats().blocks).toBe(before);
      let err: unknown;
      try {
        tidy(async () => x.add(1));
      } catch (e) {
        err = e;
      }
      expect(isLabError(err)).toBe(true);
      expect(String(err)).toMatch(/synchronous/);
      expect(wasm.memoryStats().blocks).toBe(before);
      expect(() => tidy(42 as never)).toThrow(/fn/);
    });
  });

  it('is a plain call on the js backend (nothing to free)', () => {
    withBackend(jsBackend, () => {
      let inner: ReturnType<typeof tensor> | null = null;
      const y = tidy(() => (inner = tensor([1, 2]).mul(2)).sum());
      expect(y.item()).toBe(6);
      expect(inner!.toArray()).toEqual([2, 4]);
    });
  });
});
