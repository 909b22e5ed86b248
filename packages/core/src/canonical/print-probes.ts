import { type Kysely, sql } from 'kysely'
import { assembleSchema } from '../catalog/assemble-schema.js'
import { queryColumns } from '../catalog/query-columns.js'
import { queryConstraints } from '../catalog/query-constraints.js'
import { queryIndexes } from '../catalog/query-indexes.js'
import { queryTables } from '../catalog/query-tables.js'
import { renderChangeSql } from '../emit/sql/render-change-sql.js'
import type { Table } from '../schema/schema.js'

/**
 * Probe tables per transaction. Every created relation holds a lock until the transaction ends,
 * and PostgreSQL's lock table is sized for a few dozen a session (max_locks_per_transaction):
 * a table with its TOAST table, TOAST index and a few indexes takes about five.
 */
const PROBES_PER_TRANSACTION = 100

/** Thrown to roll back a probe transaction once it has been read. */
const ROLLBACK = Symbol('rollback')

/**
 * Creates the probe tables (temporary: see probe-plan.ts) and reads them back with the catalog
 * reader's own queries, in transactions that are then rolled back, so the scratch database is
 * left as it was. Probe tables by name; null when PostgreSQL rejects one (a default of the wrong
 * type, a key over a type without an operator class): creating the real tables then says
 * which model line is wrong.
 */
export async function printProbes(probes: readonly Table[], db: Kysely<any>): Promise<ReadonlyMap<string, Table> | null> {
  const printed = new Map<string, Table>()
  for (let start = 0; start < probes.length; start += PROBES_PER_TRANSACTION) {
    const batch = probes.slice(start, start + PROBES_PER_TRANSACTION)
    const tables = await printBatch(batch, db)
    if (tables === null) return null
    for (const table of tables) printed.set(table.name, table)
  }
  return printed
}

async function printBatch(batch: readonly Table[], db: Kysely<any>): Promise<readonly Table[] | null> {
  let tables: readonly Table[] | null = null
  await db
    .transaction()
    .execute(async (trx) => {
      const statements = batch.flatMap((table) => [
        ...renderChangeSql({ kind: 'createTable', table }),
        ...table.indexes.flatMap((index) => renderChangeSql({ kind: 'createIndex', table, index })),
      ])
      // The statements run under the session's search path, as the models' DDL would; the
      // reading under `public` alone, as readCatalog() reads.
      await sql.raw(statements.join(';\n')).execute(trx)
      await sql`set local search_path = public`.execute(trx)
      tables = await readTemporaryTables(trx)
      throw ROLLBACK
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) tables = null
    })
  return tables
}

/** The session's temporary tables, read as readCatalog() reads tables. */
async function readTemporaryTables(trx: Kysely<any>): Promise<readonly Table[]> {
  const { rows } = await sql<{ readonly name: string }>`select pg_catalog.pg_my_temp_schema()::regnamespace::text as name`.execute(trx)
  const tables = await queryTables(trx, [rows[0].name])
  const oids = tables.map((table) => table.oid)
  const schema = assembleSchema({
    schemas: [],
    extensions: [],
    tables,
    columns: await queryColumns(trx, oids),
    constraints: await queryConstraints(trx, oids),
    indexes: await queryIndexes(trx, oids),
    enums: [],
    domains: [],
    sequences: [],
  })
  return schema.tables
}
