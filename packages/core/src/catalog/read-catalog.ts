import { type Kysely, sql } from 'kysely'
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
}

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
    const existing = await queryNamespaces(trx)
    const requested = options.schemas
    const searched = requested === undefined ? existing : existing.filter((name) => requested.includes(name))
    const isManagedTable = tableFilter(options.excludeTables ?? [], options.includeTables)
    const tables = (await queryTables(trx, searched)).filter(isManagedTable)
    const tableOids = tables.map((table) => table.oid)
    // Issued together, so no round trip waits for the one before (node-postgres and PGlite queue
    // them on the one connection). Not on more connections sharing the snapshot: measured on
    // 2 cores, the extra sessions cost more than the parallel queries saved (autogenerate at
    // 1,000 tables, whose models are read on another thread meanwhile: 1.98 s -> 1.80 s on one).
    const [columns, constraints, indexes, enums, extensions, domains, sequences] = await Promise.all([
      queryColumns(trx, tableOids),
      queryConstraints(trx, tableOids),
      queryIndexes(trx, tableOids),
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

/** Sorted by code point, like PostgreSQL's "C" collation for ASCII names. */
function sortedUnique(names: readonly string[]): readonly string[] {
  return [...new Set(names)].sort()
}
