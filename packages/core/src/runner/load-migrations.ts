import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Migration } from 'kysely/migration'
import { UserError } from '../errors.js'
import { importBundled } from './bundle-migrations.js'
import { textChecksum } from './checksums.js'
import { listMigrationFiles, type MigrationFile } from './migration-files.js'

const TYPESCRIPT_FILE = /\.[cm]?ts$/
/** esbuild reports "Transform failed with 1 error:" first; the line that says what is wrong has this. */
const COMPILER_ERROR_LINE = /^.*?:(?<line>\d+):(?<column>\d+): ERROR: (?<text>.*)$/m

/** Imports a module by absolute path and returns its exports. */
export type ModuleImporter = (path: string) => Promise<Record<string, unknown>>

/** A migration file, imported. */
export interface LoadedMigration extends MigrationFile {
  /** sha256 of the file's text (see `textChecksum`). */
  readonly checksum: string
  /**
   * False when the file says `export const transaction = false`: it runs outside a transaction,
   * as `CREATE INDEX CONCURRENTLY` must.
   */
  readonly transactional: boolean
  readonly migration: Migration
}

/**
 * The migration files of a folder, imported in name order, TypeScript included (bundled by
 * esbuild, else through tsx: users need no build step). Each file must export `up`; `down` and
 * `transaction` are optional. kysely-ctl's files are exactly this shape, so they load unchanged.
 */
export async function loadMigrations(dir: string, importModule?: ModuleImporter): Promise<readonly LoadedMigration[]> {
  const files = await listMigrationFiles(dir)
  const importer = importModule ?? (await defaultImporter(files))
  // All at once (bundled, each is a lookup; through tsx, its loader compiles them concurrently),
  // but a broken file is reported first in name order, every run the same.
  const settled = await Promise.allSettled(files.map((file) => loadMigration(file, importer)))
  const failed = settled.find((result) => result.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
}

async function loadMigration(file: MigrationFile, importModule: ModuleImporter): Promise<LoadedMigration> {
  const shown = displayPath(file.path)
  const checksum = textChecksum(await readFile(file.path, 'utf8'))
  let exports: Record<string, unknown>
  try {
    exports = await importModule(file.path)
  } catch (error) {
    throw new UserError(`${shown}: cannot be loaded: ${firstLine(error)}`)
  }
  const { up, down, transaction = true } = exports
  if (typeof up !== 'function') throw new UserError(`${shown}: exports no up function`)
  if (down !== undefined && typeof down !== 'function') throw new UserError(`${shown}: down is not a function`)
  if (typeof transaction !== 'boolean') throw new UserError(`${shown}: transaction must be true or false`)
  const migration: Migration = { up: up as Migration['up'], down: down as Migration['down'] }
  return { ...file, checksum, transactional: transaction, migration }
}

/** The TypeScript files from one bundle (see importBundled), when it can be built; the rest one by one. */
async function defaultImporter(files: readonly MigrationFile[]): Promise<ModuleImporter> {
  const bundled = await importBundled(files.map((file) => file.path).filter((path) => TYPESCRIPT_FILE.test(path)))
  if (bundled === undefined) return importFile
  return async (path) => bundled.get(path) ?? importFile(path)
}

/** TypeScript through tsx (no build step for users), JavaScript as it is. */
async function importFile(path: string): Promise<Record<string, unknown>> {
  if (TYPESCRIPT_FILE.test(path)) await registerTsx()
  return import(pathToFileURL(path).href)
}

let tsxRegistered: Promise<void> | undefined

/**
 * tsx's loader hooks, once per process and for good. Not `tsImport`: its namespaced imports load
 * a second copy of every dependency (~0.6 s for kysely in each process) and of the `kysely`
 * module itself; global hooks share the one already loaded. tsx itself is imported only when a
 * TypeScript file is (~0.3 s that commands reading no migration need not pay).
 */
function registerTsx(): Promise<void> {
  tsxRegistered ??= import('tsx/esm/api').then(({ register }) => {
    register()
  })
  return tsxRegistered
}

/** Relative to the working directory when inside it (`migrations/x.ts`), as users typed it. */
export function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path)
  return fromCwd.startsWith('..') ? path : fromCwd
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const compiler = COMPILER_ERROR_LINE.exec(message)?.groups
  if (compiler) return `line ${compiler.line}:${compiler.column}: ${compiler.text}`
  return message.split('\n')[0]
}
