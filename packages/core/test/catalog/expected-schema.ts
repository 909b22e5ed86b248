import { column as baseColumn, table as baseTable } from '../support/schema-builders.js'
import { type Column, EMPTY_SCHEMA, type EnumType, type ForeignKey, type Index, type IndexKey, type Schema, type Table } from '../../src/schema/schema.js'

/**
 * Builders for the whole objects the catalog reader must return. Every field has an explicit
 * value (the builders only spell out the common ones), so `toEqual` checks all of them; the
 * one thing left loose is the origin oid, which differs between databases.
 */

export const CATALOG_ORIGIN = { kind: 'catalog', oid: expect.any(Number) } as const

/** Columns read from a catalog: nullable unless said otherwise, with a catalog origin. */
export function column(name: string, type: string, fields: Partial<Column> = {}): Column {
  return baseColumn(name, type, { nullable: true, origin: CATALOG_ORIGIN, ...fields })
}

export function table(qualified: string, columns: readonly Column[], fields: Partial<Table> = {}): Table {
  return baseTable(qualified, columns, { origin: CATALOG_ORIGIN, ...fields })
}

export function enumType(qualified: string, values: readonly string[], comment: string | null = null): EnumType {
  const [schema, name] = qualified.split('.')
  return { schema, name, values, comment, renamedValues: [], origin: CATALOG_ORIGIN }
}

export function index(name: string, keys: readonly IndexKey[], fields: Partial<Index> = {}): Index {
  return {
    name,
    unique: false,
    method: 'btree',
    keys,
    include: [],
    where: null,
    nullsNotDistinct: false,
    origin: CATALOG_ORIGIN,
    ...fields,
  }
}

export function foreignKey(
  name: string,
  columns: readonly string[],
  references: string,
  referencedColumns: readonly string[],
  fields: Partial<ForeignKey> = {},
): ForeignKey {
  const [schema, table] = references.split('.')
  return {
    name,
    columns,
    references: { schema, name: table },
    referencedColumns,
    onDelete: 'no action',
    onUpdate: 'no action',
    deferrable: false,
    initiallyDeferred: false,
    origin: CATALOG_ORIGIN,
    ...fields,
  }
}

/** An ascending column key with PostgreSQL's default `nulls last`. */
export function asc(name: string): IndexKey {
  return { kind: 'column', column: name, direction: 'asc', nulls: 'last' }
}

export function schema(fields: Partial<Schema>): Schema {
  return { ...EMPTY_SCHEMA, ...fields }
}

/** The Schema as a diff sees it when comparing two databases: without catalog oids. */
export function withoutOrigins(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOrigins)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key === 'origin' ? null : withoutOrigins(field)]),
  )
}
