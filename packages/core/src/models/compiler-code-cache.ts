import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { Script } from 'node:vm'
import { threadId } from 'node:worker_threads'

/** Where build tools keep caches (babel-loader, eslint, terser): beside the packages they speed up. */
const CACHE_FOLDER = join('node_modules', '.cache', 'kysely-autogen')
const NODE_MODULES = `${sep}node_modules${sep}`
/** Node's CommonJS wrapper, so the file runs as `require()` would run it. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { '
const WRAPPER_END = '\n})'

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void

/** A CommonJS file loaded through V8's code cache, and what is needed to write that cache later. */
export interface CachedModule {
  readonly exports: unknown
  /** Whether V8 compiled it from the cache (false: no cache yet, or one V8 refused). */
  readonly fromCache: boolean
  /** Writes the code cache if there was none V8 accepted: once the code it should hold has run. */
  saveCache(): void
}

/**
 * `require(file)`, but compiled from V8's code cache when there is one V8 accepts: the
 * TypeScript compiler is 9 MB of JavaScript, and compiling it is ~0.1 s of every start that
 * reads models (~0.16 s -> ~0.06 s to load). The cache is written after the models are read, so
 * it also holds the parser functions compiled on first use.
 *
 * V8 checks a cache against its own version, its flags and the source's length only, so the file
 * name holds what identifies the source (`key`: the package version) and the runtime. The cache
 * lives in the project's `node_modules/.cache` (never a shared temp folder: a code cache is code).
 * Any failure to read or write it only means compiling as `require()` does.
 */
export function requireWithCodeCache(file: string, key: string): CachedModule {
  const source = readFileSync(file, 'utf8')
  const cacheFile = cacheFileFor(file, key, source.length)
  const cachedData = readCache(cacheFile)
  const script = new Script(WRAPPER_START + source + WRAPPER_END, { filename: file, cachedData })
  const module = { exports: {} as unknown }
  const run = script.runInThisContext() as ModuleFunction
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file))
  const fromCache = cachedData !== undefined && !script.cachedDataRejected
  return {
    exports: module.exports,
    fromCache,
    saveCache: () => {
      if (!fromCache && cacheFile !== undefined) writeCache(cacheFile, script.createCachedData())
    },
  }
}

/** In the node_modules folder that holds `file`; undefined when it is in none. */
function cacheFileFor(file: string, key: string, length: number): string | undefined {
  const at = file.lastIndexOf(NODE_MODULES)
  if (at === -1) return undefined
  const name = `${key}-${length}-v8-${process.versions.v8}-${process.arch}.v8cache`.replace(/[^\w.-]/g, '_')
  return join(file.slice(0, at), CACHE_FOLDER, name)
}

function readCache(cacheFile: string | undefined): Buffer | undefined {
  if (cacheFile === undefined) return undefined
  try {
    return readFileSync(cacheFile)
  } catch {
    return undefined
  }
}

/** Whole or not at all: written beside, then renamed over (another process may be reading it). */
function writeCache(cacheFile: string, data: Buffer): void {
  const partial = `${cacheFile}.${process.pid}-${threadId}`
  try {
    mkdirSync(dirname(cacheFile), { recursive: true })
    writeFileSync(partial, data)
    renameSync(partial, cacheFile)
  } catch {
    // A read-only node_modules: every start compiles, as without a cache.
    removeQuietly(partial)
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // Its folder could not be made: there is no file.
  }
}
