import { labTsup } from '../../tsup.shared';

// Two entries: the main one, and `@lab/tensor/wasm` (the WebAssembly backend with its inlined modules).
export default labTsup(['src/index.ts', 'src/wasm.ts']);
