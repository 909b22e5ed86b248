import type { Kysely } from 'kysely'
import { MIGRATION_LOCK_ID } from 'kysely/migration'
import { UserError } from '../errors.js'
import { listMigrationFiles } from './migration-files.js'
import { checksumTable, deleteChecksum, readChecksums } from './checksums.js'
import { withMigrationLock } from './migration-lock.js'
import { BASE } from './migration-runner.js'
import { DEFAULT_MIGRATION_TABLE, lockTableName, type MigrationTable, qualifiedTableName, readAppliedMigrations } from './migration-table.js'

/** `stamp head`: every migration file. */
export const HEAD = 'head'
/** Kysely's column type for names and times (it stores times as ISO strings). */
const TEXT_COLUMN = 'varchar(255)'

export interface StampOptions {
  readonly db: Kysely<any>
  readonly migrationsDir: string
  readonly migrationTable?: MigrationTable
}

export interface StampResult {
  /** Recorded as applied, in order. */
  readonly stamped: readonly string[]
  /** No longer recorded as applied (stamping back to an earlier migration). */
  readonly unstamped: readonly string[]
}

/**
 * Records the migrations up to `target` (a file name without extension, `head` or `base`) as
 * applied and every later one as not applied, running none of them: for adopting a database
 * whose schema already matches. The tables are created as Kysely's Migrator creates them, and
 * the change holds Kysely's migration lock, so it never interleaves with a running `latest`.
 * Checksums of stamped files are recorded by the next run (as for kysely-ctl's applied files);
 * un-stamped ones lose theirs.
 */
export async function stamp(options: StampOptions, target: string): Promise<StampResult> {
  const table = options.migrationTable ?? DEFAULT_MIGRATION_TABLE
  const names = (await listMigrationFiles(options.migrationsDir)).map((file) => file.name)
  const wanted = names.slice(0, targetIndex(names, target) + 1)
  await ensureMigrationTables(options.db, table)
  return options.db.connection().execute((connection) =>
    withMigrationLock(connection, table, () =>
      connection.transaction().execute(async (trx) => {
        const applied = await readAppliedMigrations(trx, table)
        const last = wanted.at(-1)
        const unstamped = [...applied.keys()].filter((name) => last === undefined || name > last).sort()
        const stamped = wanted.filter((name) => !applied.has(name))
        const into = qualifiedTableName(table)
        if (unstamped.length > 0) await trx.deleteFrom(into).where('name', 'in', unstamped).execute()
        const checksums = await readChecksums(trx, checksumTable(table))
        for (const name of unstamped.filter((name) => checksums.has(name))) await deleteChecksum(trx, checksumTable(table), name)
        // Kysely orders applied migrations by time, then name: later than every recorded one, 1 ms apart.
        let time = Math.max(Date.now(), ...[...applied.values()].map((date) => date.getTime() + 1))
        for (const name of stamped) await trx.insertInto(into).values({ name, timestamp: new Date(time++).toISOString() }).execute()
        return { stamped, unstamped }
      }),
    ),
  )
}

function targetIndex(names: readonly string[], target: string): number {
  if (target === BASE) return -1
  if (target === HEAD) return names.length - 1
  const index = names.indexOf(target)
  if (index === -1) throw new UserError(`unknown migration "${target}" (expected a migration file name without extension, ${HEAD} or ${BASE})`)
  return index
}

/** The DDL of Kysely's Migrator (kysely/migration/migrator.js), with `if not exists`. */
async function ensureMigrationTables(db: Kysely<any>, table: MigrationTable): Promise<void> {
  const schema = table.schema === undefined ? db.schema : db.schema.withSchema(table.schema)
  if (table.schema !== undefined) await db.schema.createSchema(table.schema).ifNotExists().execute()
  await schema
    .createTable(table.name)
    .ifNotExists()
    .addColumn('name', TEXT_COLUMN, (col) => col.notNull().primaryKey())
    .addColumn('timestamp', TEXT_COLUMN, (col) => col.notNull())
    .execute()
  await schema
    .createTable(lockTableName(table))
    .ifNotExists()
    .addColumn('id', TEXT_COLUMN, (col) => col.notNull().primaryKey())
    .addColumn('is_locked', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
  await db
    .insertInto(qualifiedTableName({ ...table, name: lockTableName(table) }))
    .values({ id: MIGRATION_LOCK_ID, is_locked: 0 })
    .onConflict((conflict) => conflict.doNothing())
    .execute()
}
