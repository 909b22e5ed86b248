/** The synthetic schema (synthetic-schema.ts) in the model language: the models file bench.ts times. */
import { AMOUNT_CHECK, PARTIAL_PREDICATE, STATUS_VALUES, type SyntheticTable, syntheticSchema } from './synthetic-schema.js'

export function syntheticModels(tables: number): string {
  const schema = syntheticSchema(tables)
  const values = STATUS_VALUES.map((value) => `'${value}'`).join(' | ')
  const enums = Array.from({ length: schema.enumCount }, (_, i) => `export type Status${i} = ${values}`)
  const db = `export interface DB {\n${schema.tables.map((t) => `  ${t.name}: ${typeName(t)}`).join('\n')}\n}`
  return ["import type { ColumnType, Generated } from 'kysely'", '', ...enums, '', db, '', ...schema.tables.map(table), ''].join('\n')
}

/** t0042 -> T0042Table */
function typeName(table: SyntheticTable): string {
  return `T${table.name.slice(1)}Table`
}

function table(t: SyntheticTable): string {
  const partial = t.partial ? ` where ${PARTIAL_PREDICATE}` : ''
  const reference = t.parent === null ? '' : `  /** @references ${t.parent}.id onDelete cascade */\n  parent_id: number | null\n`
  return `/**
 * Synthetic table ${t.number}.
 * @index (code, created_at desc)${partial}
 * @index (status)
 * @unique (code, region)
 * @check ${t.check}: ${AMOUNT_CHECK}
 */
export interface ${typeName(t)} {
  /** @primaryKey */
  id: Generated<number>
${reference}  /** @dbType varchar(64) */
  code: string
  /** @dbType varchar(32) */
  region: string
  status: Status${t.status}
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
