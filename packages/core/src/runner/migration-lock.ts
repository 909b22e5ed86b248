import type { Kysely } from 'kysely'
import { MIGRATION_LOCK_ID } from 'kysely/migration'
import { lockTableName, type MigrationTable } from './migration-table.js'

/**
 * Runs `work` holding Kysely's own migration lock (on PostgreSQL a session-level advisory lock)
 * on the connection `db` is bound to. The same lock as Kysely's Migrator takes, so a kysely-ctl
 * process and ours exclude each other; advisory locks nest within a session, so the Migrator
 * running inside `work` on this connection takes it again at once. Held for a whole run, it
 * makes concurrent runs queue instead of interleave, and covers our own bookkeeping too.
 */
export async function withMigrationLock<T>(db: Kysely<any>, table: MigrationTable, work: () => Promise<T>): Promise<T> {
  const adapter = db.getExecutor().adapter
  const options = { lockTable: lockTableName(table), lockRowId: MIGRATION_LOCK_ID, lockTableSchema: table.schema }
  await adapter.acquireMigrationLock(db, options)
  try {
    return await work()
  } finally {
    await adapter.releaseMigrationLock(db, options)
  }
}
