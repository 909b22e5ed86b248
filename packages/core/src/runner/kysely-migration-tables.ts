import { type Kysely, sql } from 'kysely'
import { MIGRATION_LOCK_ID } from 'kysely/migration'
import { lockTableName, type MigrationTable } from './migration-table.js'

/**
 * Kysely's two migration tables, created as its Migrator creates them (same columns, same lock
 * row), so kysely-ctl and Kysely's Migrator keep reading and running this project. Done here
 * once per run: the Migrator checks for them before every step by listing every table of the
 * database through its introspector, which made 300 migrations cost quadratic time.
 */
export async function ensureKyselyMigrationTables(db: Kysely<any>, table: MigrationTable): Promise<void> {
  const builder = table.schema === undefined ? db.schema : db.schema.withSchema(table.schema)
  if (table.schema !== undefined) await db.schema.createSchema(table.schema).ifNotExists().execute()
  await builder
    .createTable(table.name)
    .ifNotExists()
    .addColumn('name', 'varchar(255)', (col) => col.notNull().primaryKey())
    // Kysely's: the migration's run time as an ISO string.
    .addColumn('timestamp', 'varchar(255)', (col) => col.notNull())
    .execute()
  const lockTable = lockTableName(table)
  await builder
    .createTable(lockTable)
    .ifNotExists()
    .addColumn('id', 'varchar(255)', (col) => col.notNull().primaryKey())
    .addColumn('is_locked', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
  const lockRef = sql.table(table.schema === undefined ? lockTable : `${table.schema}.${lockTable}`)
  await sql`insert into ${lockRef} (id, is_locked) values (${MIGRATION_LOCK_ID}, 0) on conflict (id) do nothing`.execute(db)
}
