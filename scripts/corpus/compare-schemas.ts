import { displayName, sameName } from '../../packages/core/src/schema/names.js'
import type { Schema } from '../../packages/core/src/schema/schema.js'

/** Keys that say where something came from, not what it is. */
const IGNORED_KEYS: ReadonlySet<string> = new Set(['origin', 'renamedFrom'])

/**
 * Every object of a Schema under a readable key (`column public.users.email`), with its
 * definition as JSON. Columns, constraints and indexes are objects of their own, so a
 * difference names the one that differs rather than the whole table.
 */
export function flattenSchema(schema: Schema): ReadonlyMap<string, string> {
  const objects = new Map<string, string>()
  const put = (key: string, value: unknown): void => {
    objects.set(key, JSON.stringify(value, (field, inner) => (IGNORED_KEYS.has(field) ? undefined : inner)))
  }
  schema.schemas.forEach((name) => put(`schema ${name}`, name))
  schema.extensions.forEach((extension) => put(`extension ${extension.name}`, extension))
  schema.enums.forEach((type) => put(`enum ${displayName(type)}`, type))
  schema.domains.forEach((domain) => put(`domain ${displayName(domain)}`, domain))
  schema.sequences.forEach((sequence) => put(`sequence ${displayName(sequence)}`, sequence))
  for (const table of schema.tables) {
    const name = displayName(table)
    put(`table ${name}`, { comment: table.comment })
    // Positions are compared apart (see columnOrder), so a moved column is not read as changed.
    table.columns.forEach((column) => put(`column ${name}.${column.name}`, column))
    if (table.primaryKey !== null) put(`primary key ${name}.${table.primaryKey.name}`, table.primaryKey)
    table.uniques.forEach((unique) => put(`unique ${name}.${unique.name}`, unique))
    table.checks.forEach((check) => put(`check ${name}.${check.name}`, check))
    table.foreignKeys.forEach((fk) => put(`foreign key ${name}.${fk.name}`, fk))
    table.indexes.forEach((index) => put(`index ${name}.${index.name}`, index))
  }
  return objects
}

/** What differs between the expected and the actual schema, one line per object (and per table whose columns are in another order). */
export function compareSchemas(expected: Schema, actual: Schema): readonly string[] {
  const a = flattenSchema(expected)
  const b = flattenSchema(actual)
  return [
    ...[...a.keys()].filter((key) => !b.has(key)).map((key) => `missing ${key}`),
    ...[...b.keys()].filter((key) => !a.has(key)).map((key) => `extra ${key}`),
    ...[...a].filter(([key, value]) => b.has(key) && b.get(key) !== value).map(([key, value]) => `differs ${key}: ${value} vs ${b.get(key)}`),
    ...columnOrder(expected, actual),
  ]
}

/**
 * Tables whose columns (those on both sides) come in another order. PostgreSQL cannot move a
 * column: a migration keeps existing columns where they are, and a column it must re-create
 * (to give it a generation expression) comes last.
 */
function columnOrder(expected: Schema, actual: Schema): readonly string[] {
  return expected.tables.flatMap((table) => {
    const other = actual.tables.find((t) => sameName(t, table))
    if (other === undefined) return []
    const shared = (columns: readonly { readonly name: string }[], others: readonly { readonly name: string }[]): readonly string[] =>
      columns.map((column) => column.name).filter((name) => others.some((column) => column.name === name))
    const want = shared(table.columns, other.columns)
    const got = shared(other.columns, table.columns)
    if (want.every((name, i) => got[i] === name)) return []
    return [`column order of ${displayName(table)}: ${want.join(', ')} expected, ${got.join(', ')} after the migration (PostgreSQL cannot move a column)`]
  })
}
