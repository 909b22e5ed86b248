import { type Kysely, sql } from 'kysely'
import type { Index, IndexKey } from '../schema/schema.js'
import { type TableElement, catalogOrigin, oidArray } from './catalog-sql.js'
import { stripWrappingParentheses } from './strip-parentheses.js'

/** One entry of `indkey`, in position order: a column, or an expression when `column` is null. */
interface IndexKeyRow {
  readonly column: string | null
  readonly expression: string | null
  /** `indoption` bits; null for INCLUDE columns, which have no entry there. */
  readonly option: number | null
}

interface IndexRow {
  readonly oid: number
  readonly tableOid: number
  readonly name: string
  readonly unique: boolean
  readonly method: string
  /** `indnkeyatts`: the first this many entries are keys, the rest INCLUDE columns. */
  readonly keyCount: number
  readonly keys: readonly IndexKeyRow[]
  readonly where: string | null
  readonly nullsNotDistinct: boolean
}

/**
 * Indexes of the given tables that back no constraint, by name.
 *
 * - The constraint-backed indexes are anti-joined through the SET of `conindid` (a correlated
 *   subquery per index has no index to use and triples the query). Only primary key, unique and
 *   exclusion constraints own their index: a foreign key's `conindid` is the referenced
 *   table's index, which may be a plain unique index that must still be reported.
 * - `indkey` and `indoption` are `int2vector`s: cast to `int2[]` to unnest them, together and
 *   WITH ORDINALITY to keep the position. `indoption` only has the `indnkeyatts` key entries,
 *   so multi-argument unnest pads the INCLUDE positions with null.
 * - An `indkey` entry of 0 is an expression; `pg_get_indexdef(index, position, true)` prints just
 *   that key (and is only called for those: it deparses).
 * - `indnullsnotdistinct` exists since PostgreSQL 15.
 */
const INDEXES_QUERY = (tableOids: readonly number[]) => sql<IndexRow>`
  with constraint_index as (
    select distinct con.conindid
    from pg_catalog.pg_constraint con
    where con.contype in ('p', 'u', 'x')
  )
  select
    i.indexrelid::int as oid,
    i.indrelid::int as "tableOid",
    ic.relname::text as name,
    i.indisunique as unique,
    am.amname::text as method,
    i.indnkeyatts::int as "keyCount",
    keys.keys,
    pg_catalog.pg_get_expr(i.indpred, i.indrelid) as where,
    i.indnullsnotdistinct as "nullsNotDistinct"
  from pg_catalog.pg_index i
  join pg_catalog.pg_class ic on ic.oid = i.indexrelid
  join pg_catalog.pg_am am on am.oid = ic.relam
  left join constraint_index ci on ci.conindid = i.indexrelid
  cross join lateral (
    select json_agg(json_build_object(
      'column', att.attname,
      'expression', case when key.attnum = 0 then pg_catalog.pg_get_indexdef(i.indexrelid, key.position::int, true) end,
      'option', key.option
    ) order by key.position) as keys
    from unnest(i.indkey::int2[], i.indoption::int2[]) with ordinality as key(attnum, option, position)
    left join pg_catalog.pg_attribute att on att.attrelid = i.indrelid and att.attnum = key.attnum
  ) keys
  where i.indrelid = any(${oidArray(tableOids)})
    and ci.conindid is null
  order by ic.relname collate "C"
`

/** `indoption` bits (INDOPTION_DESC, INDOPTION_NULLS_FIRST in catalog/pg_index.h). */
const INDOPTION_DESC = 1
const INDOPTION_NULLS_FIRST = 2

export async function queryIndexes(db: Kysely<any>, tableOids: readonly number[]): Promise<readonly TableElement<Index>[]> {
  const { rows } = await INDEXES_QUERY(tableOids).execute(db)
  return rows.map((row) => ({ tableOid: row.tableOid, element: toIndex(row) }))
}

function toIndex(row: IndexRow): Index {
  return {
    name: row.name,
    unique: row.unique,
    method: row.method,
    keys: row.keys.slice(0, row.keyCount).map(toIndexKey),
    include: row.keys.slice(row.keyCount).map((key) => key.column!),
    where: row.where,
    nullsNotDistinct: row.nullsNotDistinct,
    origin: catalogOrigin(row.oid),
  }
}

function toIndexKey(key: IndexKeyRow): IndexKey {
  const option = key.option ?? 0
  const order = {
    direction: option & INDOPTION_DESC ? 'desc' : 'asc',
    nulls: option & INDOPTION_NULLS_FIRST ? 'first' : 'last',
  } as const
  return key.column === null
    ? { kind: 'expression', expression: stripWrappingParentheses(key.expression!), ...order }
    : { kind: 'column', column: key.column, ...order }
}
