import { type Kysely, sql } from 'kysely'
import type { Column, IdentityKind } from '../schema/schema.js'
import { type TableElement, catalogOrigin, oidArray } from './catalog-sql.js'

interface ColumnRow {
  readonly tableOid: number
  readonly name: string
  readonly type: string
  readonly nullable: boolean
  /** `pg_attrdef`'s expression: the default, or the generation expression of a generated column. */
  readonly expression: string | null
  /** `attgenerated`: '' for an ordinary column, 's' stored; PostgreSQL 18 adds 'v' virtual. */
  readonly generated: string
  /** `attidentity`: '' none, 'a' always, 'd' by default. */
  readonly identity: string
  readonly collation: string | null
  readonly comment: string | null
}

/**
 * The live columns (attnum > 0 leaves out system columns; dropped columns stay in pg_attribute
 * as `........pg.dropped.N........`) of the given tables, in attnum order.
 *
 * - `format_type(atttypid, atttypmod)` prints what DDL would say: `character varying(255)`,
 *   `numeric(12,2)`, `text[]`, and, under `search_path = public`, types of other schemas
 *   qualified.
 * - `pg_get_expr` is the costly part (it deparses), so it runs once per pg_attrdef row, which
 *   only columns with a default or a generation expression have.
 * - A collation is explicit only when it differs from the type's own (`typcollation`; 0 for
 *   types that are not collatable, whose columns have `attcollation` 0 too). It is printed the
 *   way PostgreSQL quotes it (`"C"`), qualified when not visible under the search path.
 */
const COLUMNS_QUERY = (tableOids: readonly number[]) => sql<ColumnRow>`
  select
    a.attrelid::int as "tableOid",
    a.attname::text as name,
    pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
    not a.attnotnull as nullable,
    pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) as expression,
    a.attgenerated::text as generated,
    a.attidentity::text as identity,
    case
      when a.attcollation = t.typcollation then null
      when pg_catalog.pg_collation_is_visible(co.oid) then pg_catalog.quote_ident(co.collname)
      else pg_catalog.quote_ident(con.nspname) || '.' || pg_catalog.quote_ident(co.collname)
    end as collation,
    d.description as comment
  from pg_catalog.pg_attribute a
  join pg_catalog.pg_type t on t.oid = a.atttypid
  left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
  left join pg_catalog.pg_collation co on co.oid = a.attcollation
  left join pg_catalog.pg_namespace con on con.oid = co.collnamespace
  left join pg_catalog.pg_description d
    on d.objoid = a.attrelid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = a.attnum
  where a.attrelid = any(${oidArray(tableOids)})
    and a.attnum > 0
    and not a.attisdropped
  order by a.attrelid, a.attnum
`

const IDENTITY_KINDS: Readonly<Record<string, IdentityKind | null>> = { '': null, a: 'always', d: 'by default' }

/** `attgenerated = 's'`: GENERATED ALWAYS AS (...) STORED. */
const STORED_GENERATED = 's'

export async function queryColumns(db: Kysely<any>, tableOids: readonly number[]): Promise<readonly TableElement<Column>[]> {
  const { rows } = await COLUMNS_QUERY(tableOids).execute(db)
  return rows.map((row) => ({ tableOid: row.tableOid, element: toColumn(row) }))
}

function toColumn(row: ColumnRow): Column {
  return {
    name: row.name,
    type: row.type,
    nullable: row.nullable,
    default: row.generated === '' ? row.expression : null,
    identity: IDENTITY_KINDS[row.identity] ?? null,
    generated: row.generated === STORED_GENERATED ? row.expression : null,
    collation: row.collation,
    comment: row.comment,
    renamedFrom: null,
    origin: catalogOrigin(row.tableOid),
  }
}
