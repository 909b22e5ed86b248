/**
 * The synthetic schema (synthetic-schema.ts) as a drizzle schema file (pgTable, pgEnum): what
 * bench.ts gives drizzle-kit `generate` to compare with our full create. Constraints and indexes
 * are named as PostgreSQL and kysely-autogen name them by default (drizzle's own defaults differ,
 * e.g. `t0001_parent_id_t0000_id_fk`), so that the two schemas dump the same (bench.ts checks that they do).
 */
import { AMOUNT_CHECK, PARTIAL_PREDICATE, STATUS_VALUES, type SyntheticTable, syntheticSchema } from './synthetic-schema.js'

const PG_CORE_IMPORTS = ['boolean', 'check', 'foreignKey', 'index', 'integer', 'jsonb', 'numeric', 'pgEnum', 'pgTable', 'text', 'timestamp', 'unique', 'varchar']

export function syntheticDrizzle(tables: number): string {
  const schema = syntheticSchema(tables)
  const values = STATUS_VALUES.map((value) => `'${value}'`).join(', ')
  const enums = Array.from({ length: schema.enumCount }, (_, i) => `export const status${i} = pgEnum('status${i}', [${values}])`)
  return [
    "import { sql } from 'drizzle-orm'",
    `import { ${PG_CORE_IMPORTS.join(', ')} } from 'drizzle-orm/pg-core'`,
    '',
    ...enums,
    '',
    ...schema.tables.map(drizzleTable),
  ].join('\n')
}

/**
 * One table. `desc().nullsFirst()`: drizzle's desc() is NULLS LAST, where PostgreSQL's and the
 * model language's `desc` is NULLS FIRST.
 */
function drizzleTable(table: SyntheticTable): string {
  const where = table.partial ? `.where(sql\`${PARTIAL_PREDICATE}\`)` : ''
  const parentColumn = table.parent === null ? '' : '    parent_id: integer(),\n'
  // A parent is always an earlier table, so its constant is declared by then.
  const foreignKey = table.parent === null
    ? ''
    : `    foreignKey({ name: '${table.name}_parent_id_fkey', columns: [t.parent_id], foreignColumns: [${table.parent}.id] }).onDelete('cascade'),\n`
  return `export const ${table.name} = pgTable(
  '${table.name}',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
${parentColumn}    code: varchar({ length: 64 }).notNull(),
    region: varchar({ length: 32 }).notNull(),
    status: status${table.status}().notNull(),
    amount: numeric({ precision: 12, scale: 2 }).notNull(),
    attributes: jsonb().default(sql\`'{}'::jsonb\`).notNull(),
    tags: text().array(),
    flagged: boolean().default(false).notNull(),
    note: text(),
    created_at: timestamp({ withTimezone: true }).defaultNow().notNull(),
    deleted_at: timestamp({ withTimezone: true }),
  },
  (t) => [
${foreignKey}    index('${table.name}_code_created_at_idx').on(t.code, t.created_at.desc().nullsFirst())${where},
    index('${table.name}_status_idx').on(t.status),
    unique('${table.name}_code_region_key').on(t.code, t.region),
    check('${table.check}', sql\`${AMOUNT_CHECK}\`),
  ],
)
`
}
