import { relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Migration, MigrationProvider } from 'kysely/migration'
import { register } from 'tsx/esm/api'
import { UserError } from '../errors.js'
import { listMigrationFiles, type MigrationFile } from './migration-files.js'

const TYPESCRIPT_FILE = /\.[cm]?ts$/
/** esbuild reports "Transform failed with 1 error:" first; the line that says what is wrong has this. */
const COMPILER_ERROR_LINE = /^.*?:(?<line>\d+):(?<column>\d+): ERROR: (?<text>.*)$/m

/** Imports a module by absolute path and returns its exports. */
export type ModuleImporter = (path: string) => Promise<Record<string, unknown>>

/**
 * Kysely's MigrationProvider over a folder of migration files, TypeScript included (through tsx,
 * so users need no build step). Each file must export `up`; `down` is optional. kysely-ctl's
 * files are exactly this shape, so they load unchanged. Files are imported once per provider.
 */
export class FileMigrationProvider implements MigrationProvider {
  readonly #dir: string
  readonly #importModule: ModuleImporter
  #migrations: Promise<Record<string, Migration>> | undefined

  /** `importModule` is for hosts that load TypeScript their own way (Jest refuses tsx's hooks). */
  constructor(dir: string, importModule: ModuleImporter = importFile) {
    this.#dir = dir
    this.#importModule = importModule
  }

  getMigrations(): Promise<Record<string, Migration>> {
    this.#migrations ??= this.#load()
    return this.#migrations
  }

  async #load(): Promise<Record<string, Migration>> {
    const files = await listMigrationFiles(this.#dir)
    const migrations: Record<string, Migration> = {}
    // One at a time: a broken file is reported first in name order, every run the same.
    for (const file of files) migrations[file.name] = await loadMigration(file, this.#importModule)
    return migrations
  }
}

async function loadMigration(file: MigrationFile, importModule: ModuleImporter): Promise<Migration> {
  const shown = displayPath(file.path)
  let exports: Record<string, unknown>
  try {
    exports = await importModule(file.path)
  } catch (error) {
    throw new UserError(`${shown}: cannot be loaded: ${firstLine(error)}`)
  }
  const { up, down } = exports
  if (typeof up !== 'function') throw new UserError(`${shown}: exports no up function`)
  if (down !== undefined && typeof down !== 'function') throw new UserError(`${shown}: down is not a function`)
  return { up: up as Migration['up'], down: down as Migration['down'] }
}

/** TypeScript through tsx (no build step for users), JavaScript as it is. */
async function importFile(path: string): Promise<Record<string, unknown>> {
  if (TYPESCRIPT_FILE.test(path)) registerTsx()
  return import(pathToFileURL(path).href)
}

let tsxRegistered = false

/**
 * tsx's loader hooks, once per process and for good. Not `tsImport`: its namespaced imports load
 * a second copy of every dependency (~0.6 s for kysely in each process) and of the `kysely`
 * module itself; global hooks share the one already loaded.
 */
function registerTsx(): void {
  if (tsxRegistered) return
  register()
  tsxRegistered = true
}

/** Relative to the working directory when inside it (`migrations/x.ts`), as users typed it. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path)
  return fromCwd.startsWith('..') ? path : fromCwd
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const compiler = COMPILER_ERROR_LINE.exec(message)?.groups
  if (compiler) return `line ${compiler.line}:${compiler.column}: ${compiler.text}`
  return message.split('\n')[0]
}
