import { createRequire } from 'node:module'
import type { ts as TypeScript } from 'ts-morph'

/**
 * The TypeScript compiler that ts-morph bundles and exposes as `ts`, for its parser only. The
 * model reader walks the compiler's own nodes rather than ts-morph's wrappers: wrapping every
 * node it handed out was a third of reading 1,000 tables. Loaded with require(): an ES `import`
 * of a CommonJS package makes Node scan its source for export names first (~0.3 s for the 9 MB
 * compiler). Only the model reader loads it (see runtime.ts).
 */
export const ts: typeof TypeScript = createRequire(import.meta.url)('ts-morph').ts
