import { type Kysely, sql } from 'kysely'
import type { Sequence } from '../schema/schema.js'
import { catalogOrigin, isExtensionMember, textArray } from './catalog-sql.js'

interface SequenceRow {
  readonly oid: number
  readonly schema: string
  readonly name: string
  readonly type: string
  readonly start: string
  readonly increment: string
  readonly ownerSchema: string | null
  readonly ownerTable: string | null
  readonly ownerColumn: string | null
}

/**
 * Sequences of the given schemas, by (schema, name), with the column that owns them (`OWNED BY`,
 * a serial column's sequence: a pg_depend row of type 'a' from the sequence to the column).
 * An identity column's sequence (type 'i') belongs to the column and is left out, like
 * extension members. Numbers travel as text: bigint does not fit a JS number.
 */
const SEQUENCES_QUERY = (schemas: readonly string[]) => sql<SequenceRow>`
  select
    c.oid::int as oid,
    n.nspname::text as schema,
    c.relname::text as name,
    pg_catalog.format_type(s.seqtypid, null) as type,
    s.seqstart::text as start,
    s.seqincrement::text as increment,
    tn.nspname::text as "ownerSchema",
    tc.relname::text as "ownerTable",
    ta.attname::text as "ownerColumn"
  from pg_catalog.pg_sequence s
  join pg_catalog.pg_class c on c.oid = s.seqrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  left join pg_catalog.pg_depend d
    on d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid
    and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjsubid > 0 and d.deptype = 'a'
  left join pg_catalog.pg_class tc on tc.oid = d.refobjid
  left join pg_catalog.pg_namespace tn on tn.oid = tc.relnamespace
  left join pg_catalog.pg_attribute ta on ta.attrelid = d.refobjid and ta.attnum = d.refobjsubid
  where n.nspname = any(${textArray(schemas)})
    and not ${isExtensionMember('pg_class', sql`c.oid`)}
    and not exists (
      select from pg_catalog.pg_depend i
      where i.classid = 'pg_catalog.pg_class'::regclass and i.objid = c.oid and i.deptype = 'i'
    )
  order by n.nspname collate "C", c.relname collate "C"
`

export async function querySequences(db: Kysely<any>, schemas: readonly string[]): Promise<readonly Sequence[]> {
  const { rows } = await SEQUENCES_QUERY(schemas).execute(db)
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    type: row.type,
    start: row.start,
    increment: row.increment,
    ownedBy:
      row.ownerSchema === null || row.ownerTable === null || row.ownerColumn === null
        ? null
        : { table: { schema: row.ownerSchema, name: row.ownerTable }, column: row.ownerColumn },
    origin: catalogOrigin(row.oid),
  }))
}
