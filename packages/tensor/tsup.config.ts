import { labTsup } from '../../tsup.shared';

// Three entries: the main one, `@lab/tensor/wasm` (the WebAssembly backend with its inlined modules)
// and `@lab/tensor/threads` (Node only: worker-thread matmul).
export default labTsup(['src/index.ts', 'src/wasm.ts', 'src/threads.ts']);
