import { type Kysely, sql } from 'kysely'
import { isExtensionMember, textArray } from './catalog-sql.js'

export interface TableRow {
  readonly oid: number
  readonly schema: string
  readonly name: string
  readonly comment: string | null
}

/**
 * Ordinary (`r`) and partitioned (`p`) tables of the given schemas, by (schema, name).
 * Partitions (`relispartition`) are left out for now; extension members are never ours.
 * The comment comes from a LEFT JOIN on pg_description (`obj_description()` per row is a
 * function call and a lookup per table); `objsubid = 0` is the table itself, not a column.
 * `name` columns sort with collation "C" whatever the database's collation is.
 */
const TABLES_QUERY = (schemas: readonly string[]) => sql<TableRow>`
  select c.oid::int as oid, n.nspname::text as schema, c.relname::text as name, d.description as comment
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  left join pg_catalog.pg_description d
    on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
  where c.relkind in ('r', 'p')
    and not c.relispartition
    and n.nspname = any(${textArray(schemas)})
    and not ${isExtensionMember('pg_class', sql`c.oid`)}
  order by n.nspname collate "C", c.relname collate "C"
`

export async function queryTables(db: Kysely<any>, schemas: readonly string[]): Promise<readonly TableRow[]> {
  const { rows } = await TABLES_QUERY(schemas).execute(db)
  return rows
}
