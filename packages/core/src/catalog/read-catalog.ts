import { type Kysely, sql } from 'kysely'
import type { Database } from '../database/connect.js'
import type { Schema } from '../schema/schema.js'
import { assembleSchema } from './assemble-schema.js'
import { tableFilter } from './ignored-tables.js'
import { queryColumns } from './query-columns.js'
import { queryConstraints } from './query-constraints.js'
import { queryDomains } from './query-domains.js'
import { queryEnums } from './query-enums.js'
import { queryExtensions } from './query-extensions.js'
import { queryIndexes } from './query-indexes.js'
import { queryNamespaces } from './query-namespaces.js'
import { querySequences } from './query-sequences.js'
import { queryTables } from './query-tables.js'

export interface ReadCatalogOptions {
  /**
   * The managed schemas. Default: every non-system schema that holds a table or enum this
   * reader reports, plus `public`.
   */
  readonly schemas?: readonly string[]
  /** Tables to leave out, as `name` or `schema.name`; `*` matches any run of characters. */
  readonly excludeTables?: readonly string[]
  /** When given, only tables matching one of these are read (same patterns); exclusions still apply. */
  readonly includeTables?: readonly string[]
  /**
   * Read constraints and indexes on two more connections at once, in the snapshot of the first
   * (see `snapshotSessions`), so that the server works on three queries in parallel. Only for a
   * pool of two or more connections to a server: with one (PGlite has one), the first would wait
   * for a second that never comes.
   */
  readonly concurrent?: boolean
}

/** A server behind a pool of connections can take `concurrent`; PGlite, with its one, cannot. */
export function readsConcurrently(database: Database): boolean {
  return database.target.kind === 'url'
}

/** Runs a query in the catalog read's snapshot. */
type InSnapshot = <T>(query: (db: Kysely<any>) => Promise<T>) => Promise<T>

/** Always managed: unqualified names in the models live there. */
const DEFAULT_SCHEMA = 'public'

/**
 * Reads the current schema from PostgreSQL's catalog with a handful of set-based queries over
 * the whole database (never one query per table, never information_schema), in one
 * REPEATABLE READ transaction so they all see the same snapshot (under READ COMMITTED each
 * query would take its own, and concurrent DDL could tear the result). `db` must not already be
 * a transaction: Kysely has no nested transactions.
 *
 * `search_path = public` (for this transaction only) makes `format_type` and `pg_get_expr`
 * print types and functions of `public` unqualified and all others schema-qualified, the same
 * way on both sides of a diff.
 *
 * Not read yet: partitions, exclusion constraints, views, functions,
 * triggers, index opclasses and per-key collations, NOT VALID / NOT ENFORCED flags, virtual
 * generated columns (PostgreSQL 18).
 */
export function readCatalog(db: Kysely<any>, options: ReadCatalogOptions = {}): Promise<Schema> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    await sql`set local search_path = public`.execute(trx)
    const elsewhere: InSnapshot = options.concurrent === true ? await snapshotSessions(db, trx) : (query) => query(trx)
    const existing = await queryNamespaces(trx)
    const requested = options.schemas
    const searched = requested === undefined ? existing : existing.filter((name) => requested.includes(name))
    const isManagedTable = tableFilter(options.excludeTables ?? [], options.includeTables)
    const tables = (await queryTables(trx, searched)).filter(isManagedTable)
    const tableOids = tables.map((table) => table.oid)
    // Issued together: one connection runs them one after the other (node-postgres and PGlite
    // queue them), `elsewhere` sessions in parallel. The small queries follow the columns.
    const [columns, constraints, indexes, enums, extensions, domains, sequences] = await Promise.all([
      queryColumns(trx, tableOids),
      elsewhere((db) => queryConstraints(db, tableOids)),
      elsewhere((db) => queryIndexes(db, tableOids)),
      queryEnums(trx, searched),
      queryExtensions(trx),
      queryDomains(trx, searched),
      querySequences(trx, searched),
    ])
    // Without a request, the managed schemas are those an object was read from.
    const managed = requested === undefined ? [...tables, ...enums, ...domains, ...sequences].map((object) => object.schema) : searched
    return assembleSchema({
      schemas: sortedUnique([DEFAULT_SCHEMA, ...managed]),
      extensions,
      tables,
      columns,
      constraints,
      indexes,
      enums,
      domains,
      sequences,
    })
  })
}

/**
 * Queries on connections of their own, each in a REPEATABLE READ transaction that imports the
 * snapshot of `trx` (`pg_export_snapshot`, as parallel pg_dump does): they see exactly what
 * `trx` sees, however the schema changes meanwhile. `trx` must stay open until they began.
 */
async function snapshotSessions(db: Kysely<any>, trx: Kysely<any>): Promise<InSnapshot> {
  const { rows } = await sql<{ id: string }>`select pg_catalog.pg_export_snapshot() as id`.execute(trx)
  const snapshot = rows[0].id
  return (query) =>
    db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (session) => {
        // The first statement of the transaction, as PostgreSQL requires.
        await sql`set transaction snapshot ${sql.lit(snapshot)}`.execute(session)
        await sql`set local search_path = public`.execute(session)
        return query(session)
      })
}

/** Sorted by code point, like PostgreSQL's "C" collation for ASCII names. */
function sortedUnique(names: readonly string[]): readonly string[] {
  return [...new Set(names)].sort()
}
