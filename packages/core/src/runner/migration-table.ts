import { type Kysely, sql } from 'kysely'

/** Where applied migrations are recorded: Kysely's own table by default, so kysely-ctl projects switch as they are. */
export interface MigrationTable {
  readonly name: string
  /** Default: the connection's search_path (`public`), as Kysely does. */
  readonly schema?: string
}

export const DEFAULT_MIGRATION_TABLE: MigrationTable = { name: 'kysely_migration' }

/** Kysely's lock table is named apart; `<name>_lock` keeps Kysely's default pair (`kysely_migration_lock`). */
export function lockTableName(table: MigrationTable): string {
  return `${table.name}_lock`
}

/** `name` or `schema.name`: for messages, and as Kysely parses a table reference. */
export function qualifiedTableName(table: MigrationTable): string {
  return table.schema === undefined ? table.name : `${table.schema}.${table.name}`
}

/**
 * Applied names with their time, read directly (Kysely's getMigrations() omits applied migrations
 * whose file is gone); none when the table does not exist yet.
 */
export async function readAppliedMigrations(db: Kysely<any>, table: MigrationTable): Promise<ReadonlyMap<string, Date>> {
  const { rows: exists } = await sql<{ exists: boolean }>`select to_regclass(${quotedName(table)}) is not null as exists`.execute(db)
  if (!exists[0].exists) return new Map()
  const rows = await db.selectFrom(qualifiedTableName(table)).select(['name', 'timestamp']).execute()
  return new Map(rows.map((row: { name: string; timestamp: string }) => [row.name, new Date(row.timestamp)]))
}

/** `"schema"."name"`: what to_regclass parses without folding case. */
function quotedName(table: MigrationTable): string {
  const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`
  return table.schema === undefined ? quote(table.name) : `${quote(table.schema)}.${quote(table.name)}`
}
