import { type Kysely, sql } from 'kysely'
import { type MigrationResult, type MigrationResultSet, Migrator } from 'kysely/migration'
import { MigrationFailedError, UserError } from '../errors.js'
import { FileMigrationProvider, type ModuleImporter } from './file-migration-provider.js'

/** Kysely's own table names, so a kysely-ctl project switches without re-running anything. */
export const MIGRATION_TABLE = 'kysely_migration'
/** `to('base')`: every migration reverted. */
export const BASE = 'base'
/** Kysely's prefix for a table that disagrees with the files (missing or out-of-order names). */
const CORRUPTED_PREFIX = 'corrupted migrations: '

export interface MigrationStep {
  readonly name: string
  readonly direction: 'up' | 'down'
  readonly durationMs: number
}

export interface MigrationStatus {
  readonly name: string
  readonly applied: boolean
  readonly executedAt: Date | null
  /** Has a file and is not applied yet. */
  readonly pending: boolean
  /** Applied, but its file is gone. */
  readonly missingFile: boolean
}

export interface MigrationRunnerOptions {
  readonly db: Kysely<any>
  readonly migrationsDir: string
  /** Called after each migration that ran, as it happens (for progress output). */
  readonly onStep?: (step: MigrationStep) => void
  /** How to load the files; tsx for TypeScript by default. */
  readonly importModule?: ModuleImporter
}

/**
 * Runs migration files through Kysely's Migrator, ONE transaction per migration: Kysely 0.29's
 * `migrateToLatest`/`migrateTo` run every pending migration in a single transaction (a late
 * failure would undo earlier successes, and `ALTER TYPE ... ADD VALUE` could not be used by the
 * next migration). Stepping with `migrateUp`/`migrateDown` gives each its own transaction, and
 * Kysely still takes its advisory lock for each step, so concurrent runs stay serialised.
 * A runner imports the files once: it sees the folder as it was at its first use.
 */
export class MigrationRunner {
  readonly #db: Kysely<any>
  readonly #provider: FileMigrationProvider
  readonly #migrator: Migrator
  readonly #onStep: (step: MigrationStep) => void

  constructor(options: MigrationRunnerOptions) {
    this.#db = options.db
    this.#provider = new FileMigrationProvider(options.migrationsDir, options.importModule)
    this.#onStep = options.onStep ?? (() => {})
    this.#migrator = new Migrator({
      db: options.db,
      provider: this.#provider,
      migrationTableName: MIGRATION_TABLE,
      allowUnorderedMigrations: false,
    })
  }

  /** Applies every pending migration. */
  latest(): Promise<readonly MigrationStep[]> {
    return this.#repeat('up', Infinity)
  }

  /** Applies the next `count` pending migrations (fewer when fewer are pending). */
  up(count = 1): Promise<readonly MigrationStep[]> {
    return this.#repeat('up', count)
  }

  /** Reverts the last `count` applied migrations (fewer when fewer are applied). */
  down(count = 1): Promise<readonly MigrationStep[]> {
    return this.#repeat('down', count)
  }

  /** Migrates up or down until `target` is the last applied migration; `'base'` reverts all. */
  async to(target: string): Promise<readonly MigrationStep[]> {
    const migrations = await this.status()
    const appliedCount = migrations.filter((migration) => migration.applied).length
    if (target === BASE) return this.#repeat('down', appliedCount)
    const index = migrations.findIndex((migration) => migration.name === target && !migration.missingFile)
    if (index === -1) throw new UserError(`unknown migration "${target}"`)
    return index + 1 >= appliedCount ? this.#repeat('up', index + 1 - appliedCount) : this.#repeat('down', appliedCount - index - 1)
  }

  /** Every migration known from the files or the table, by name (Kysely's order). */
  async status(): Promise<readonly MigrationStatus[]> {
    const [files, applied] = await Promise.all([this.#fileNames(), this.#appliedMigrations()])
    const names = [...new Set([...files, ...applied.keys()])].sort()
    return names.map((name) => {
      const executedAt = applied.get(name) ?? null
      const hasFile = files.includes(name)
      return { name, applied: executedAt !== null, executedAt, pending: hasFile && executedAt === null, missingFile: !hasFile }
    })
  }

  /** The last applied migration, or null at base. */
  async current(): Promise<MigrationStatus | null> {
    return (await this.status()).findLast((migration) => migration.applied) ?? null
  }

  async #repeat(direction: MigrationStep['direction'], count: number): Promise<readonly MigrationStep[]> {
    // Import the files first, so the first step's time is its own and not the compiler's.
    await this.#provider.getMigrations()
    const steps: MigrationStep[] = []
    while (steps.length < count) {
      const step = await this.#step(direction)
      if (step === null) break
      steps.push(step)
      this.#onStep(step)
    }
    return steps
  }

  /** One migration in its own transaction, or null when there is nothing left that way. */
  async #step(direction: MigrationStep['direction']): Promise<MigrationStep | null> {
    const started = performance.now()
    const resultSet = direction === 'up' ? await this.#migrator.migrateUp() : await this.#migrator.migrateDown()
    const durationMs = Math.round(performance.now() - started)
    const result = checkResult(resultSet)
    return result === null ? null : { name: result.migrationName, direction, durationMs }
  }

  /** Imports every file, so a broken one is reported even by a read-only command. */
  async #fileNames(): Promise<readonly string[]> {
    return Object.keys(await this.#provider.getMigrations())
  }

  /** Applied names with their time; read directly, as Kysely's getMigrations() omits missing files. */
  async #appliedMigrations(): Promise<ReadonlyMap<string, Date>> {
    const { rows: exists } = await sql<{ exists: boolean }>`select to_regclass(${MIGRATION_TABLE}) is not null as exists`.execute(this.#db)
    if (!exists[0].exists) return new Map()
    const rows = await this.#db.selectFrom(MIGRATION_TABLE).select(['name', 'timestamp']).execute()
    return new Map(rows.map((row: { name: string; timestamp: string }) => [row.name, new Date(row.timestamp)]))
  }
}

/** The one result of a single step, or null when nothing ran; failures become our errors. */
function checkResult(resultSet: MigrationResultSet): MigrationResult | null {
  const { error, results = [] } = resultSet
  const failed = results.find((result) => result.status === 'Error')
  if (failed) throw new MigrationFailedError(failed.migrationName, error)
  if (error !== undefined) {
    if (error instanceof Error && error.message.startsWith(CORRUPTED_PREFIX)) {
      throw new UserError(`the ${MIGRATION_TABLE} table does not match the migration files: ${error.message.slice(CORRUPTED_PREFIX.length)}`)
    }
    throw error
  }
  const [result] = results
  if (result === undefined) return null
  if (result.status === 'NotExecuted') {
    // Kysely skips a migration without `down` and leaves it applied: stepping on would loop.
    throw new UserError(`migration ${result.migrationName} has no down function, so it cannot be reverted`)
  }
  return result
}
