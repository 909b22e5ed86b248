import { createHash } from 'node:crypto'
import { type DeleteQueryBuilder, type InsertQueryBuilder, type Kysely, type QueryCreator, sql } from 'kysely'
import type { MigrationTable } from './migration-table.js'

/**
 * Our own table next to Kysely's (`kysely_migration_checksum` beside `kysely_migration`; the
 * catalog reader ignores both by prefix): the checksum of each applied file, so an edit made
 * after applying it can be told.
 */
export function checksumTable(migrations: MigrationTable): MigrationTable {
  return { ...migrations, name: `${migrations.name}_checksum` }
}

/** sha256 of the text, CRLF read as LF so a Windows checkout (git autocrlf) is no edit. */
export function textChecksum(text: string): string {
  return createHash('sha256').update(text.replaceAll('\r\n', '\n')).digest('hex')
}

export async function ensureChecksumTable(db: Kysely<any>, table: MigrationTable): Promise<void> {
  await (table.schema === undefined ? db.schema : db.schema.withSchema(table.schema))
    .createTable(table.name)
    .ifNotExists()
    .addColumn('name', 'varchar(255)', (col) => col.primaryKey())
    .addColumn('checksum', 'char(64)', (col) => col.notNull())
    .addColumn('applied_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

/** Recorded checksums by migration name; none before the table exists. */
export async function readChecksums(db: Kysely<any>, table: MigrationTable): Promise<ReadonlyMap<string, string>> {
  const { rows } = await sql<{ exists: boolean }>`
    select exists (
      select from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where c.relname = ${table.name} and n.nspname = coalesce(${table.schema ?? null}::text, current_schema())
    ) as exists`.execute(db)
  if (!rows[0].exists) return new Map()
  const recorded = await inSchema(db, table).selectFrom(table.name).select(['name', 'checksum']).execute()
  return new Map(recorded.map((row: { name: string; checksum: string }) => [row.name, row.checksum]))
}

export async function recordChecksum(db: Kysely<any>, table: MigrationTable, name: string, checksum: string): Promise<void> {
  await upsertChecksum(inSchema(db, table), table, name, checksum).execute()
}

/** The statement that records a checksum, for callers that add to it (a `with` before it). */
export function upsertChecksum(query: QueryCreator<any>, table: MigrationTable, name: string, checksum: string): InsertQueryBuilder<any, any, any> {
  return query
    .insertInto(table.name)
    .values({ name, checksum })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ checksum, applied_at: sql`now()` }))
}

export async function deleteChecksum(db: Kysely<any>, table: MigrationTable, name: string): Promise<void> {
  await deleteChecksumQuery(inSchema(db, table), table, name).execute()
}

/** The statement that deletes a checksum, for callers that add to it (a `with` before it). */
export function deleteChecksumQuery(query: QueryCreator<any>, table: MigrationTable, name: string): DeleteQueryBuilder<any, any, any> {
  return query.deleteFrom(table.name).where('name', '=', name)
}

/** Queries on a table of ours or Kysely's, in its schema when it has one. */
export function inSchema(db: Kysely<any>, table: MigrationTable): Kysely<any> {
  return table.schema === undefined ? db : db.withSchema(table.schema)
}
