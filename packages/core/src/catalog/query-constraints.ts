import { type Kysely, sql } from 'kysely'
import type { CheckConstraint, ForeignKey, ForeignKeyAction, PrimaryKey, UniqueConstraint } from '../schema/schema.js'
import { type TableElement, catalogOrigin, keyColumnNames, oidArray } from './catalog-sql.js'

export type TableConstraint =
  | { readonly kind: 'primaryKey'; readonly constraint: PrimaryKey }
  | { readonly kind: 'unique'; readonly constraint: UniqueConstraint }
  | { readonly kind: 'check'; readonly constraint: CheckConstraint }
  | { readonly kind: 'foreignKey'; readonly constraint: ForeignKey }

interface ConstraintRow {
  readonly oid: number
  readonly tableOid: number
  readonly name: string
  /** `contype`: primary key, unique, check, foreign key. */
  readonly type: 'p' | 'u' | 'c' | 'f'
  readonly columns: readonly string[]
  readonly expression: string | null
  readonly nullsNotDistinct: boolean
  readonly referencedSchema: string | null
  readonly referencedTable: string | null
  readonly referencedColumns: readonly string[]
  readonly onDelete: string
  readonly onUpdate: string
  readonly deferrable: boolean
  readonly initiallyDeferred: boolean
}

/**
 * Primary key, unique, check and foreign-key constraints of the given tables, by name.
 *
 * - Not read: NOT NULL constraints (contype 'n', in pg_constraint since PostgreSQL 18;
 *   nullability comes from `attnotnull` on every version), exclusion constraints ('x', a later
 *   issue) and constraint triggers ('t').
 * - `nulls not distinct` is a property of the unique constraint's backing index
 *   (`indnullsnotdistinct`, PostgreSQL 15+).
 * - A check's `pg_get_expr(conbin)` is the bare expression; `pg_get_constraintdef` would add
 *   the `CHECK (...)` wrapper. It only runs for checks.
 * - Foreign-key columns pair up by position in `conkey`/`confkey`, hence ordinality, not a join.
 * - For a foreign key `conindid` is the REFERENCED table's index: the join to pg_index is
 *   only for unique constraints.
 */
const CONSTRAINTS_QUERY = (tableOids: readonly number[]) => sql<ConstraintRow>`
  select
    con.oid::int as oid,
    con.conrelid::int as "tableOid",
    con.conname::text as name,
    con.contype::text as type,
    ${keyColumnNames(sql`con.conkey`, sql`con.conrelid`)} as columns,
    case when con.contype = 'c' then pg_catalog.pg_get_expr(con.conbin, con.conrelid) end as expression,
    coalesce(i.indnullsnotdistinct, false) as "nullsNotDistinct",
    rn.nspname::text as "referencedSchema",
    rc.relname::text as "referencedTable",
    ${keyColumnNames(sql`con.confkey`, sql`con.confrelid`)} as "referencedColumns",
    con.confdeltype::text as "onDelete",
    con.confupdtype::text as "onUpdate",
    con.condeferrable as deferrable,
    con.condeferred as "initiallyDeferred"
  from pg_catalog.pg_constraint con
  left join pg_catalog.pg_index i on con.contype = 'u' and i.indexrelid = con.conindid
  left join pg_catalog.pg_class rc on rc.oid = con.confrelid
  left join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
  where con.conrelid = any(${oidArray(tableOids)})
    and con.contype in ('p', 'u', 'c', 'f')
  order by con.conname collate "C"
`

/** `confdeltype` / `confupdtype` codes. */
const FOREIGN_KEY_ACTIONS: Readonly<Record<string, ForeignKeyAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
}

export async function queryConstraints(
  db: Kysely<any>,
  tableOids: readonly number[],
): Promise<readonly TableElement<TableConstraint>[]> {
  const { rows } = await CONSTRAINTS_QUERY(tableOids).execute(db)
  return rows.map((row) => ({ tableOid: row.tableOid, element: toConstraint(row) }))
}

function toConstraint(row: ConstraintRow): TableConstraint {
  const origin = catalogOrigin(row.oid)
  switch (row.type) {
    case 'p':
      return { kind: 'primaryKey', constraint: { name: row.name, columns: row.columns, origin } }
    case 'u':
      return {
        kind: 'unique',
        constraint: { name: row.name, columns: row.columns, nullsNotDistinct: row.nullsNotDistinct, origin },
      }
    case 'c':
      return { kind: 'check', constraint: { name: row.name, expression: row.expression!, origin } }
    case 'f':
      return {
        kind: 'foreignKey',
        constraint: {
          name: row.name,
          columns: row.columns,
          references: { schema: row.referencedSchema!, name: row.referencedTable! },
          referencedColumns: row.referencedColumns,
          onDelete: FOREIGN_KEY_ACTIONS[row.onDelete],
          onUpdate: FOREIGN_KEY_ACTIONS[row.onUpdate],
          deferrable: row.deferrable,
          initiallyDeferred: row.initiallyDeferred,
          origin,
        },
      }
  }
}
