/** asc flags of the two builds. */
export declare const FLAGS: { readonly simd: readonly string[]; readonly relaxed: readonly string[] };
/** The source of src/backends/wasm-binary.ts from fresh compiles of assembly/index.ts. */
export declare function generate(): Promise<string>;
