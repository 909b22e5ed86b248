import { relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Migration, MigrationProvider } from 'kysely/migration'
import { tsImport } from 'tsx/esm/api'
import { UserError } from '../errors.js'
import { listMigrationFiles, type MigrationFile } from './migration-files.js'

const TYPESCRIPT_FILE = /\.[cm]?ts$/
/** esbuild reports "Transform failed with 1 error:" first; the line that says what is wrong has this. */
const COMPILER_ERROR_LINE = /^(?<location>.*?):(?<line>\d+):(?<column>\d+): ERROR: (?<text>.*)$/m
/** tsx tags every import with a namespace query; it only adds noise to messages. */
const TSX_NAMESPACE = /\?namespace=[\w-]+/g

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
function importFile(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href
  return TYPESCRIPT_FILE.test(path) ? tsImport(url, import.meta.url) : import(url)
}

/** Relative to the working directory when inside it (`migrations/x.ts`), as users typed it. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path)
  return fromCwd.startsWith('..') ? path : fromCwd
}

function firstLine(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(TSX_NAMESPACE, '')
  const compiler = COMPILER_ERROR_LINE.exec(message)?.groups
  if (compiler) return `line ${compiler.line}:${compiler.column}: ${compiler.text}`
  return message.split('\n')[0]
}
