import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { ts as TypeScript } from 'ts-morph'
import { requireWithCodeCache } from './compiler-code-cache.js'

/**
 * The TypeScript compiler that ts-morph bundles and exposes as `ts`, for its parser only. The
 * model reader walks the compiler's own nodes rather than ts-morph's wrappers: wrapping every
 * node it handed out was a third of reading 1,000 tables.
 *
 * Loaded from the file ts-morph's `ts` is (`@ts-morph/common/dist/typescript.js`, found from
 * ts-morph itself wherever npm placed its dependency), not through ts-morph's entry, which also
 * loads ts-morph and @ts-morph/common (~0.13 s of ~0.45 s on 2 cores). As CommonJS: an ES
 * `import` of a CommonJS file makes Node scan its source for export names first (~0.3 s for
 * the 9 MB compiler). Through V8's code cache (see requireWithCodeCache). Only the model reader
 * loads it (see runtime.ts).
 */
const TS_MORPH_COMPILER = '@ts-morph/common/dist/typescript.js'
const TS_MORPH_COMMON_PACKAGE = '@ts-morph/common/package.json'

const fromTsMorph = createRequire(createRequire(import.meta.url).resolve('ts-morph'))
const compilerFile = fromTsMorph.resolve(TS_MORPH_COMPILER)
const compiler = requireWithCodeCache(compilerFile, `typescript-${packageVersion(fromTsMorph.resolve(TS_MORPH_COMMON_PACKAGE))}`)

export const ts = compiler.exports as typeof TypeScript

/** Keeps the compiler's code cache for the next start (call after reading models, when it holds the parser). */
export function saveCompilerCodeCache(): void {
  compiler.saveCache()
}

function packageVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version
}
