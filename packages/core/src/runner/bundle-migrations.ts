import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Plugin, PluginBuild } from 'esbuild'
import { makeTemporaryDir, removeTemporaryDir } from '../database/temporary-dirs.js'

/** The module's name in the temporary folder. */
const BUNDLE_FILE = 'migrations.mjs'
/**
 * What a bundle cannot keep meaning: the importing file's own location (`import.meta.url`,
 * `__dirname`, which would name the bundle) and `require` (esbuild's stand-in throws in an ES
 * module). esbuild copies these through, so they are found in its output.
 */
const LOCATION_DEPENDENT = /\bimport\.meta\b|\b__dirname\b|\b__filename\b|\b__require\b/
/** Node's own conditions on top of esbuild's `node`, `import` and `default` (see nodeConditions). */
const NODE_ADDONS_CONDITION = 'node-addons'
const MODULE_SYNC_CONDITION = 'module-sync'
/** Flags that add conditions to Node's resolution, which the bundle's resolution could not follow. */
const CONDITIONS_FLAG = /(^|\s)(--conditions|-C)(=|\s|$)/
/** A resolved file inside an installed package, imported from there rather than bundled. */
const IN_PACKAGE = /[\\/]node_modules[\\/]/
/** Marks esbuild's inner resolve call, so the plugin does not answer its own question. */
const INNER_RESOLVE = Symbol('inner resolve')

/** Exports of each file by its path. */
export type BundledModules = ReadonlyMap<string, Record<string, unknown>>

/**
 * The TypeScript migration files imported as ONE module that esbuild builds, or undefined when
 * that cannot be done faithfully (then each file is imported through tsx, as before).
 *
 * Why: on Node 20, tsx's loader hooks run on a thread of their own, and every file's resolve and
 * load is a round trip to it; 300 files took ~0.6 s to import that way, bundled ~0.1 s. Each
 * file stays a module of its own inside the bundle (`export * as m0 from '...'`), relative
 * imports are bundled in as tsx would compile them, and packages are imported from where Node
 * resolves them for the file (so `kysely` is the one already loaded, not a copy).
 *
 * Undefined, for the per-file import to report exactly (file, line) or to run as written: a file
 * that does not compile or imports what cannot be found, a file that depends on its own location
 * or on `require`, Node started with extra resolution conditions, or a file that throws while
 * loading (its module code then runs a second time, through tsx, to report the error).
 */
export async function importBundled(paths: readonly string[]): Promise<BundledModules | undefined> {
  if (paths.length === 0 || hasCustomConditions()) return undefined
  const dir = await makeTemporaryDir('kysely-autogen-migrations-')
  try {
    const file = join(dir, BUNDLE_FILE)
    const code = await buildBundle(paths, file)
    if (code === undefined || LOCATION_DEPENDENT.test(code)) return undefined
    await writeFile(file, code)
    // As tsx does: stack traces name the migration files and their lines, through the inline map.
    process.setSourceMapsEnabled(true)
    const bundle: Record<string, Record<string, unknown>> = await import(pathToFileURL(file).href)
    return new Map(paths.map((path, i) => [path, bundle[exportName(i)]]))
  } catch {
    return undefined
  } finally {
    await removeTemporaryDir(dir)
  }
}

/** The bundle's code, to be written to `file` (its source map's paths are relative to it). */
async function buildBundle(paths: readonly string[], file: string): Promise<string | undefined> {
  const esbuild = await import('esbuild')
  const entry = paths.map((path, i) => `export * as ${exportName(i)} from ${JSON.stringify(path)}`).join('\n')
  try {
    const result = await esbuild.build({
      stdin: { contents: entry, loader: 'ts', resolveDir: process.cwd(), sourcefile: 'migrations' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node}`,
      // Node's resolution, not a bundler's: esbuild adds the `module` condition and field otherwise.
      conditions: nodeConditions(),
      mainFields: ['main'],
      sourcemap: 'inline',
      // Stack traces need the mappings only; the sources again would double what a large
      // migration (a full create) keeps in memory while it runs.
      sourcesContent: false,
      outfile: file,
      write: false,
      logLevel: 'silent',
      plugins: [packagesWhereNodeFindsThem()],
    })
    return result.outputFiles[0].text
  } catch {
    return undefined
  } finally {
    // esbuild's service process would otherwise keep this one alive.
    await esbuild.stop()
  }
}

function exportName(index: number): string {
  return `m${index}`
}

/**
 * Bare imports (`kysely`, `pg`) stay imports, of the file Node would load for the importing
 * file, by absolute URL: the bundle lives in a temporary folder, where bare names resolve to
 * nothing. A bare name that resolves into the project (tsconfig `paths`) is bundled like a
 * relative import. Each name is resolved once per folder.
 */
function packagesWhereNodeFindsThem(): Plugin {
  return {
    name: 'packages-where-node-finds-them',
    setup(build: PluginBuild) {
      const resolved = new Map<string, ReturnType<PluginBuild['resolve']>>()
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === INNER_RESOLVE) return undefined
        const key = `${args.resolveDir}\0${args.kind}\0${args.path}`
        let resolving = resolved.get(key)
        if (resolving === undefined) {
          resolving = build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: INNER_RESOLVE })
          resolved.set(key, resolving)
        }
        const result = await resolving
        if (result.errors.length > 0) return { errors: result.errors }
        if (result.external) return { path: result.path, external: true }
        if (!IN_PACKAGE.test(result.path)) return { path: result.path }
        return { path: pathToFileURL(result.path).href, external: true }
      })
    },
  }
}

/**
 * Node resolves with `node`, `import`, `node-addons`, `default`, and `module-sync` where it can
 * `require()` ES modules (20.19+, 22.12+): the condition is on exactly when require(esm) is.
 */
function nodeConditions(): string[] {
  return process.features.require_module === true ? [NODE_ADDONS_CONDITION, MODULE_SYNC_CONDITION] : [NODE_ADDONS_CONDITION]
}

function hasCustomConditions(): boolean {
  return process.execArgv.some((flag) => CONDITIONS_FLAG.test(flag)) || CONDITIONS_FLAG.test(process.env.NODE_OPTIONS ?? '')
}
