import { parseQualifiedName } from '../../src/schema/names.js'
import { type Column, EMPTY_SCHEMA, type ForeignKey, type Schema, type Table } from '../../src/schema/schema.js'

/**
 * The one set of builders for Schema values in tests: every field explicit, overridable. Test
 * files wrap them with their own defaults (a catalog origin, nullable columns).
 */
export function column(name: string, type: string, overrides: Partial<Column> = {}): Column {
  return {
    name,
    type,
    nullable: false,
    default: null,
    identity: null,
    generated: null,
    collation: null,
    comment: null,
    renamedFrom: null,
    origin: null,
    ...overrides,
  }
}

/** `name` is `table` (in public) or `schema.table`. */
export function table(name: string, columns: readonly Column[], overrides: Partial<Table> = {}): Table {
  return {
    ...parseQualifiedName(name),
    columns,
    primaryKey: null,
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [],
    comment: null,
    renamedFrom: null,
    origin: null,
    ...overrides,
  }
}

export function foreignKey(name: string, columns: readonly string[], references: string, referencedColumns: readonly string[]): ForeignKey {
  return {
    name,
    columns,
    references: { schema: 'public', name: references },
    referencedColumns,
    onDelete: 'no action',
    onUpdate: 'no action',
    deferrable: false,
    initiallyDeferred: false,
    origin: null,
  }
}

export function schema(tables: readonly Table[], overrides: Partial<Schema> = {}): Schema {
  return { ...EMPTY_SCHEMA, tables, ...overrides }
}
