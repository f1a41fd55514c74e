/**
 * The randomised PyTorch op cases of torch-ops-cases.ts in float32 on the WebAssembly SIMD backend:
 * every input lives in linear memory and runs the wasm kernels (elementwise, broadcasting,
 * reductions, matmul, strided copies), within float32 tolerance of PyTorch's float64 values.
 */
import { describe, expect, test } from 'vitest';
import { getBackend, setBackend } from '../src/backend';
import { createWasmBackend } from '../src/wasm';
import { torchOpCases } from './torch-ops-cases';

setBackend(await createWasmBackend());

describe('ops and gradients match PyTorch 1.13 on random inputs (float32, wasm backend)', () => {
  test('the cases run on the wasm backend', () => expect(getBackend().name).toMatch(/^wasm/));
  torchOpCases('float32');
});
