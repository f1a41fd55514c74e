/**
 * The op, autograd and nn test files again, with the WebAssembly SIMD backend as the current backend:
 * every tensor they create lives in linear memory and runs the wasm kernels (float64 tensors use the
 * pure-TypeScript kernels on both backends). Their expectations, written for the js backend and
 * PyTorch, must hold unchanged.
 */
import { setBackend } from './backend';
import { createWasmBackend } from './wasm';

setBackend(await createWasmBackend());

await import('./autograd.test');
await import('./grad-check.test');
await import('./tensor.test');
await import('./properties.test');
await import('./pytorch-reference.test');
await import('./train.test');
await import('./ops/elementwise.test');
await import('./ops/index-ops.test');
await import('./ops/matmul.test');
await import('./ops/reduce.test');
await import('./ops/shape-ops.test');
await import('./nn/init.test');
await import('./nn/layers.test');
await import('./nn/module.test');
