import { type Kysely, sql } from 'kysely'
import { MigrationFailedError, UserError } from '../errors.js'
import { checksumTable, deleteChecksumQuery, ensureChecksumTable, inSchema, readChecksums, recordChecksum, upsertChecksum } from './checksums.js'
import { type LoadedMigration, loadMigrations, type ModuleImporter } from './load-migrations.js'
import { ensureKyselyMigrationTables } from './kysely-migration-tables.js'
import { DEFAULT_LOCK_TIMEOUT } from './lock-timeout.js'
import { listMigrationFiles } from './migration-files.js'
import { withMigrationLock } from './migration-lock.js'
import { DEFAULT_MIGRATION_TABLE, type MigrationTable, qualifiedTableName, readAppliedMigrations } from './migration-table.js'

/** `to('base')`: every migration reverted. */
export const BASE = 'base'
const OUTSIDE_TRANSACTION_NOTE = 'it ran outside a transaction, so what it did before the error stays'
/** The `with` that writes Kysely's row in the statement that writes our checksum (PostgreSQL runs it though nothing reads it). */
const APPLIED_ROW = 'applied_row'

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
  /** Applied, and its file changed since: the checksum recorded when it was applied differs. */
  readonly edited: boolean
}

export interface MigrationRunnerOptions {
  readonly db: Kysely<any>
  readonly migrationsDir: string
  /** Where applied migrations are recorded; Kysely's `kysely_migration` by default. */
  readonly migrationTable?: MigrationTable
  /** Called after each migration that ran, as it happens (for progress output). */
  readonly onStep?: (step: MigrationStep) => void
  /** How to load the files; tsx for TypeScript by default. */
  readonly importModule?: ModuleImporter
  /**
   * PostgreSQL's `lock_timeout` while migrations run (`10s`, `500ms`, `0` waits forever), so a
   * migration waits a bounded time for a busy table instead of queueing every query behind it.
   */
  readonly lockTimeout?: string
  /** Apply migrations even though applied ones were edited, and record the edited files' checksums. */
  readonly allowEdited?: boolean
}

/** Kysely's table of applied migrations and ours of their checksums. */
interface Tables {
  readonly migrations: MigrationTable
  readonly checksums: MigrationTable
}

/**
 * Runs migration files the way Kysely's Migrator does (its tables, its lock, its rows and its
 * checks, so kysely-ctl reads the same history), but ONE transaction per migration: Kysely 0.29's
 * `migrateToLatest`/`migrateTo` run every pending migration in a single transaction (a late
 * failure would undo earlier successes, and `ALTER TYPE ... ADD VALUE` could not be used by the
 * next migration). A migration that declares `transaction = false` runs outside one. The steps
 * are ours rather than one `migrateUp()` each: before every call the Migrator lists every table
 * of the database to see whether its own exist, and 300 migrations took 7x psql's time.
 *
 * A run holds Kysely's migration lock throughout, so concurrent runs queue and each migration
 * is applied once; under it, the runner refuses edited applied migrations and records the
 * checksum of each file it applies, inside that migration's transaction.
 * A runner imports the files once: it sees the folder as it was at its first use.
 */
export class MigrationRunner {
  readonly #db: Kysely<any>
  readonly #migrationsDir: string
  readonly #tables: Tables
  readonly #importModule: ModuleImporter | undefined
  readonly #onStep: (step: MigrationStep) => void
  readonly #lockTimeout: string
  readonly #allowEdited: boolean
  #migrations: Promise<readonly LoadedMigration[]> | undefined

  constructor(options: MigrationRunnerOptions) {
    this.#db = options.db
    this.#migrationsDir = options.migrationsDir
    const migrations = options.migrationTable ?? DEFAULT_MIGRATION_TABLE
    this.#tables = { migrations, checksums: checksumTable(migrations) }
    this.#importModule = options.importModule
    this.#onStep = options.onStep ?? (() => {})
    this.#lockTimeout = options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT
    this.#allowEdited = options.allowEdited ?? false
  }

  /** Applies every pending migration. */
  latest(): Promise<readonly MigrationStep[]> {
    return this.#run('up', Infinity)
  }

  /** Applies the next `count` pending migrations (fewer when fewer are pending). */
  up(count = 1): Promise<readonly MigrationStep[]> {
    return this.#run('up', count)
  }

  /** Reverts the last `count` applied migrations (fewer when fewer are applied). */
  down(count = 1): Promise<readonly MigrationStep[]> {
    return this.#run('down', count)
  }

  /** Migrates up or down until `target` is the last applied migration; `'base'` reverts all. */
  async to(target: string): Promise<readonly MigrationStep[]> {
    const migrations = await this.status()
    const appliedCount = migrations.filter((migration) => migration.applied).length
    if (target === BASE) return this.#run('down', appliedCount)
    const index = migrations.findIndex((migration) => migration.name === target && !migration.missingFile)
    if (index === -1) throw new UserError(`unknown migration "${target}"`)
    return index + 1 >= appliedCount ? this.#run('up', index + 1 - appliedCount) : this.#run('down', appliedCount - index - 1)
  }

  /** Every migration known from the files or the table, by name (Kysely's order). Imports every file, so a broken one is reported. */
  async status(): Promise<readonly MigrationStatus[]> {
    return readStatus(this.#db, this.#tables, await this.#loaded())
  }

  /**
   * Names of the migration files not applied yet, in order, without importing any file: what
   * autogenerate needs to know the database is at head, at the cost of a folder listing.
   */
  async pendingNames(): Promise<readonly string[]> {
    const [files, applied] = await Promise.all([listMigrationFiles(this.#migrationsDir), readAppliedMigrations(this.#db, this.#tables.migrations)])
    return files.map((file) => file.name).filter((name) => !applied.has(name))
  }

  /** The last applied migration, or null at base. */
  async current(): Promise<MigrationStatus | null> {
    return (await this.status()).findLast((migration) => migration.applied) ?? null
  }

  #loaded(): Promise<readonly LoadedMigration[]> {
    this.#migrations ??= loadMigrations(this.#migrationsDir, this.#importModule)
    return this.#migrations
  }

  async #run(direction: MigrationStep['direction'], count: number): Promise<readonly MigrationStep[]> {
    // Import the files first, so the first step's time is its own and not the compiler's.
    const migrations = await this.#loaded()
    if (count === 0) return []
    // One connection for the whole run: the session-level lock and lock_timeout live on it.
    return this.#db.connection().execute((db) => withMigrationLock(db, this.#tables.migrations, () => this.#runLocked(db, migrations, direction, count)))
  }

  async #runLocked(
    db: Kysely<any>,
    migrations: readonly LoadedMigration[],
    direction: MigrationStep['direction'],
    count: number,
  ): Promise<readonly MigrationStep[]> {
    await ensureKyselyMigrationTables(db, this.#tables.migrations)
    await ensureChecksumTable(db, this.#tables.checksums)
    await this.#reconcileChecksums(db, migrations, direction)
    const statuses = await readStatus(db, this.#tables, migrations)
    const queue = migrationQueue(statuses, direction, this.#tables.migrations).slice(0, count)
    await sql`select set_config('lock_timeout', ${this.#lockTimeout}, false)`.execute(db)
    try {
      let executedAt = Math.max(0, ...statuses.map((status) => status.executedAt?.getTime() ?? 0))
      const steps: MigrationStep[] = []
      const byName = new Map(migrations.map((migration) => [migration.name, migration]))
      for (const name of queue) {
        const loaded = byName.get(name)!
        const started = performance.now()
        if (direction === 'up') {
          executedAt = nextExecutedAt(executedAt)
          await runStep(db, loaded, (stepDb) => applyUp(stepDb, loaded, this.#tables, executedAt))
        } else {
          const { down } = loaded.migration
          if (down === undefined) throw new UserError(`migration ${name} has no down function, so it cannot be reverted`)
          await runStep(db, loaded, (stepDb) => applyDown(stepDb, loaded, down, this.#tables))
        }
        const step: MigrationStep = { name, direction, durationMs: Math.round(performance.now() - started) }
        steps.push(step)
        this.#onStep(step)
      }
      return steps
    } finally {
      await sql`reset lock_timeout`.execute(db)
    }
  }

  /**
   * Before an `up` run, an applied file that changed is refused unless allowed (then its new
   * checksum is recorded). Applied files with no checksum (applied by kysely-ctl, or stamped)
   * get their current one: from now on, an edit shows.
   */
  async #reconcileChecksums(db: Kysely<any>, migrations: readonly LoadedMigration[], direction: MigrationStep['direction']): Promise<void> {
    const recorded = await readChecksums(db, this.#tables.checksums)
    const applied = (await readStatus(db, this.#tables, migrations)).filter((migration) => migration.applied && !migration.missingFile)
    const edited = applied.filter((migration) => migration.edited).map((migration) => migration.name)
    if (direction === 'up' && edited.length > 0 && !this.#allowEdited) {
      const which = edited.length === 1 ? `applied migration ${edited[0]} was` : `applied migrations ${edited.join(', ')} were`
      throw new UserError(`${which} edited after being applied (checksum mismatch): restore the file, or pass --allow-edited to accept the edit`)
    }
    for (const migration of migrations) {
      const isApplied = applied.some((status) => status.name === migration.name)
      const accepted = this.#allowEdited && edited.includes(migration.name)
      if (isApplied && (!recorded.has(migration.name) || accepted)) await recordChecksum(db, this.#tables.checksums, migration.name, migration.checksum)
    }
  }
}

/** The applied names and times from Kysely's table (read directly: its getMigrations() omits missing files), with checksums. */
async function readStatus(db: Kysely<any>, tables: Tables, migrations: readonly LoadedMigration[]): Promise<readonly MigrationStatus[]> {
  const [applied, recorded] = await Promise.all([readAppliedMigrations(db, tables.migrations), readChecksums(db, tables.checksums)])
  const files = new Map(migrations.map((migration) => [migration.name, migration]))
  const names = [...new Set([...files.keys(), ...applied.keys()])].sort()
  return names.map((name) => {
    const executedAt = applied.get(name) ?? null
    const file = files.get(name)
    const checksum = recorded.get(name)
    return {
      name,
      applied: executedAt !== null,
      executedAt,
      pending: file !== undefined && executedAt === null,
      missingFile: file === undefined,
      edited: executedAt !== null && file !== undefined && checksum !== undefined && checksum !== file.checksum,
    }
  })
}

/**
 * The migrations a run steps through, in order, checked as Kysely's Migrator checks them (so a
 * table Kysely would call corrupted is refused the same way): up, the pending files by name;
 * down, the applied ones newest first (Kysely orders them by time, then name).
 */
function migrationQueue(statuses: readonly MigrationStatus[], direction: MigrationStep['direction'], table: MigrationTable): readonly string[] {
  const corrupted = (reason: string): UserError => new UserError(`the ${qualifiedTableName(table)} table does not match the migration files: ${reason}`)
  const applied = statuses
    .filter((status) => status.applied)
    .sort((a, b) => a.executedAt!.getTime() - b.executedAt!.getTime() || a.name.localeCompare(b.name))
  const missing = applied.find((status) => status.missingFile)
  if (missing !== undefined) throw corrupted(`previously executed migration ${missing.name} is missing`)
  const files = statuses.filter((status) => !status.missingFile)
  const misplaced = applied.findIndex((status, i) => files[i].name !== status.name)
  if (misplaced !== -1) {
    throw corrupted(
      `expected previously executed migration ${applied[misplaced].name} to be at index ${misplaced} but ${files[misplaced].name} was found in its place. New migrations must always have a name that comes alphabetically after the last executed migration.`,
    )
  }
  return direction === 'up' ? files.filter((status) => status.pending).map((status) => status.name) : applied.map((status) => status.name).reverse()
}

/** Kysely's: now, or a millisecond after the latest recorded time when the clock is behind it. */
function nextExecutedAt(latest: number): number {
  return Math.max(Date.now(), latest + 1)
}

/**
 * One migration in a transaction of its own, unless it declares `transaction = false` (then its
 * statements commit as they run, as `CREATE INDEX CONCURRENTLY` needs).
 */
async function runStep(db: Kysely<any>, loaded: LoadedMigration, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  try {
    if (loaded.transactional) await db.transaction().execute(work)
    else await work(db)
  } catch (error) {
    throw new MigrationFailedError(loaded.name, error, loaded.transactional ? undefined : OUTSIDE_TRANSACTION_NOTE)
  }
}

/**
 * `up`, then the row Kysely's Migrator writes for an applied migration and our checksum, in one
 * statement (the two tables share a schema): one round trip a step less, over hundreds of steps.
 */
async function applyUp(db: Kysely<any>, loaded: LoadedMigration, tables: Tables, executedAt: number): Promise<void> {
  await loaded.migration.up(db)
  const row = { name: loaded.name, timestamp: new Date(executedAt).toISOString() }
  const withRow = inSchema(db, tables.migrations).with(APPLIED_ROW, (query) => query.insertInto(tables.migrations.name).values(row))
  await upsertChecksum(withRow, tables.checksums, loaded.name, loaded.checksum).execute()
}

async function applyDown(db: Kysely<any>, loaded: LoadedMigration, down: (db: Kysely<any>) => Promise<void>, tables: Tables): Promise<void> {
  await down(db)
  const withoutRow = inSchema(db, tables.migrations).with(APPLIED_ROW, (query) => query.deleteFrom(tables.migrations.name).where('name', '=', loaded.name))
  await deleteChecksumQuery(withoutRow, tables.checksums, loaded.name).execute()
}
