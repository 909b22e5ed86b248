/**
 * A synthetic schema of `tables` tables in the model language, shaped like the DESIGN.md
 * benchmark: ~12 columns of mixed types each (identity key, enum, varchar, numeric, jsonb, array,
 * timestamps with defaults), two indexes (every third partial), a foreign key to an earlier
 * table, a unique and a check constraint; one enum per 10 tables.
 */
const ENUM_EVERY = 10

export function syntheticModels(tables: number): string {
  const names = Array.from({ length: tables }, (_, i) => tableName(i))
  const enums = Array.from({ length: Math.ceil(tables / ENUM_EVERY) }, (_, i) => `export type Status${i} = 'new' | 'active' | 'archived' | 'deleted'`)
  const db = `export interface DB {\n${names.map((name, i) => `  ${name}: ${typeName(i)}`).join('\n')}\n}`
  return ["import type { ColumnType, Generated } from 'kysely'", '', ...enums, '', db, '', ...names.map((name, i) => table(name, i)), ''].join('\n')
}

function tableName(i: number): string {
  return `t${String(i).padStart(4, '0')}`
}

function typeName(i: number): string {
  return `T${String(i).padStart(4, '0')}Table`
}

function table(name: string, i: number): string {
  const partial = i % 3 === 0 ? ' where deleted_at is null' : ''
  const reference = i === 0 ? '' : `  /** @references ${tableName(Math.floor(i / 2))}.id onDelete cascade */\n  parent_id: number | null\n`
  return `/**
 * Synthetic table ${i}.
 * @index (code, created_at desc)${partial}
 * @index (status)
 * @unique (code, region)
 * @check ${name}_amount_positive: amount >= 0
 */
export interface ${typeName(i)} {
  /** @primaryKey */
  id: Generated<number>
${reference}  /** @dbType varchar(64) */
  code: string
  /** @dbType varchar(32) */
  region: string
  status: Status${Math.floor(i / ENUM_EVERY)}
  /** @dbType numeric(12, 2) */
  amount: ColumnType<string, string | number, string | number>
  /** @default '{}'::jsonb */
  attributes: Generated<unknown>
  tags: string[] | null
  /** @default false */
  flagged: Generated<boolean>
  note: string | null
  /** @default now() */
  created_at: Generated<Date>
  deleted_at: Date | null
}
`
}
