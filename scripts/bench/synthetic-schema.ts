/**
 * The synthetic benchmark schema, shaped like the DESIGN.md benchmark: `tables` tables of ~12
 * columns of mixed types each (identity key, enum, varchar, numeric, jsonb, array, timestamps with
 * defaults), two indexes (every third partial), a foreign key to an earlier table, a unique and a
 * check constraint; one enum per 10 tables.
 *
 * What varies from table to table is described here once, for the two files written from it: our
 * models (synthetic-models.ts) and the same schema in drizzle (synthetic-drizzle.ts). bench.ts
 * checks that the two load as the same schema before it times anything.
 */
const ENUM_EVERY = 10
const PARTIAL_INDEX_EVERY = 3

export const STATUS_VALUES = ['new', 'active', 'archived', 'deleted'] as const
/** The predicate of the partial (code, created_at desc) index. */
export const PARTIAL_PREDICATE = 'deleted_at is null'
/** The expression of every table's check constraint, named by `SyntheticTable.check`. */
export const AMOUNT_CHECK = 'amount >= 0'

export interface SyntheticTable {
  readonly number: number
  readonly name: string
  /** The number of the enum its `status` column has. */
  readonly status: number
  /** The table its nullable `parent_id` references (on delete cascade); the first table has none. */
  readonly parent: string | null
  /** Whether its (code, created_at desc) index is partial, on PARTIAL_PREDICATE. */
  readonly partial: boolean
  readonly check: string
}

export interface SyntheticSchema {
  readonly enumCount: number
  readonly tables: readonly SyntheticTable[]
}

export function syntheticSchema(tables: number): SyntheticSchema {
  return {
    enumCount: Math.ceil(tables / ENUM_EVERY),
    tables: Array.from({ length: tables }, (_, i) => syntheticTable(i)),
  }
}

function syntheticTable(i: number): SyntheticTable {
  const name = tableName(i)
  return {
    number: i,
    name,
    status: Math.floor(i / ENUM_EVERY),
    parent: i === 0 ? null : tableName(Math.floor(i / 2)),
    partial: i % PARTIAL_INDEX_EVERY === 0,
    check: `${name}_amount_positive`,
  }
}

function tableName(i: number): string {
  return `t${String(i).padStart(4, '0')}`
}
