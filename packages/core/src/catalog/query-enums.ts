import { type Kysely, sql } from 'kysely'
import type { EnumType } from '../schema/schema.js'
import { catalogOrigin, isExtensionMember, textArray } from './catalog-sql.js'

interface EnumRow {
  readonly oid: number
  readonly schema: string
  readonly name: string
  readonly values: readonly string[]
  readonly comment: string | null
}

/**
 * Enum types of the given schemas, by (schema, name), leaving out extension members. Labels
 * are ordered by `enumsortorder` (a float: `ADD VALUE ... BEFORE` inserts between), not by oid.
 */
const ENUMS_QUERY = (schemas: readonly string[]) => sql<EnumRow>`
  select
    t.oid::int as oid,
    n.nspname::text as schema,
    t.typname::text as name,
    array(
      select e.enumlabel::text from pg_catalog.pg_enum e where e.enumtypid = t.oid order by e.enumsortorder
    ) as values,
    d.description as comment
  from pg_catalog.pg_type t
  join pg_catalog.pg_namespace n on n.oid = t.typnamespace
  left join pg_catalog.pg_description d
    on d.objoid = t.oid and d.classoid = 'pg_catalog.pg_type'::regclass and d.objsubid = 0
  where t.typtype = 'e'
    and n.nspname = any(${textArray(schemas)})
    and not ${isExtensionMember('pg_type', sql`t.oid`)}
  order by n.nspname collate "C", t.typname collate "C"
`

export async function queryEnums(db: Kysely<any>, schemas: readonly string[]): Promise<readonly EnumType[]> {
  const { rows } = await ENUMS_QUERY(schemas).execute(db)
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    values: row.values,
    comment: row.comment,
    renamedValues: [],
    origin: catalogOrigin(row.oid),
  }))
}
