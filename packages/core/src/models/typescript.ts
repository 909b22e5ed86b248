import { createRequire } from 'node:module'
import type * as TypeScript from 'typescript'

/**
 * The TypeScript compiler, for its parser only. Loaded with require(): an ES `import` of a
 * CommonJS package makes Node scan its source for export names first, and typescript.js is
 * 9 MB (~0.3 s of every autogenerate). Only the model reader loads it (see runtime.ts).
 */
export const ts: typeof TypeScript = createRequire(import.meta.url)('typescript')
