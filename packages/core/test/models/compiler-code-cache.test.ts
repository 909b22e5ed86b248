import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Each load runs in a process of its own, through the compiled module (dist/, built by the test
 * set-up): within one process V8 keeps what it compiled and never looks at a cache again.
 */
const CACHE_MODULE = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/models/compiler-code-cache.js')

/** A CommonJS package with enough code for V8 to cache, and a `require` of its own. */
const PACKAGE_FILE = `const { basename } = require('node:path')
exports.name = basename(__filename)
exports.twice = function twice(n) { return n * 2 }
`

interface Load {
  readonly result: readonly unknown[]
  readonly fromCache: boolean
}

let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kysely-autogen-code-cache-'))
  mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true })
  writeFileSync(join(root, 'node_modules', 'pkg', 'index.js'), PACKAGE_FILE)
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

const cacheFolder = (): string => join(root, 'node_modules', '.cache', 'kysely-autogen')

/** Loads the package in a new process, uses it, saves the cache. */
function load(key = 'pkg-1.0.0'): Load {
  const script = `
    import { requireWithCodeCache } from ${JSON.stringify(CACHE_MODULE)}
    const loaded = requireWithCodeCache(${JSON.stringify(join(root, 'node_modules', 'pkg', 'index.js'))}, ${JSON.stringify(key)})
    const result = [loaded.exports.name, loaded.exports.twice(21)]
    loaded.saveCache()
    console.log(JSON.stringify({ result, fromCache: loaded.fromCache }))`
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(run.stderr)
  return JSON.parse(run.stdout) as Load
}

test('runs the file as require() would; the next start compiles from the cache it saved', () => {
  expect(load()).toEqual({ result: ['index.js', 42], fromCache: false })
  expect(readdirSync(cacheFolder())).toEqual([expect.stringMatching(/^pkg-1\.0\.0-\d+-v8-[\w.-]+\.v8cache$/)])
  expect(load()).toEqual({ result: ['index.js', 42], fromCache: true })
})

test('another key (another version of the package) does not use the cache', () => {
  load()
  expect(load('pkg-2.0.0').fromCache).toBe(false)
})

test('a cache V8 refuses is compiled past and replaced', () => {
  load()
  const [file] = readdirSync(cacheFolder())
  writeFileSync(join(cacheFolder(), file), 'not a code cache')
  expect(load()).toEqual({ result: ['index.js', 42], fromCache: false })
  expect(load().fromCache).toBe(true)
})

test('a cache folder that cannot be made is no error: nothing is cached', () => {
  writeFileSync(join(root, 'node_modules', '.cache'), 'a file where the folder would go')
  expect(load()).toEqual({ result: ['index.js', 42], fromCache: false })
  expect(load().fromCache).toBe(false)
})
