import { GENERATED_TEMPLATES } from './column-types.js'
import type { ColumnSpec, EnumSpec, ForeignKeySpec, IndexSpec, ModelSpec, TableSpec, ValueSpec } from './model-spec.js'
import { sameType, typeInfo } from './type-info.js'

/**
 * Any spec → one the model reader and PostgreSQL accept, deterministically (so fast-check's
 * shrinking, which removes and simplifies parts freely, always shrinks to valid models): what
 * cannot be declared is left out, never guessed. Foreign key columns take the referenced
 * columns' types, as a user would declare them.
 */

/** Passes of foreign-key typing: a chain of references passes a type along one link per pass. */
const TYPING_PASSES = 3

export function validModel(spec: ModelSpec): ModelSpec {
  const enums = uniqueBy(spec.enums, (e) => e.alias)
    .map((e) => ({ ...e, values: uniqueBy(e.values, (value) => value.label) }))
    .filter((e) => e.values.length > 0)
  const tables = uniqueBy(spec.tables, (t) => `${t.schema}.${t.name}`)
    .map((table) => validColumns(table, enums))
    .filter((table) => table.columns.length > 0)
    .map((table) => validKeys(table, enums))
  const typed = typeForeignKeys(tables)
  const finished = typed.map((table) => validDependents(validValues(table, enums), enums))
  return { ...spec, enums, tables: uniqueNames(finished) }
}

/** The first item of each key. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  return items.filter((item, i) => items.findIndex((other) => key(other) === key(item)) === i)
}

function validColumns(table: TableSpec, enums: readonly EnumSpec[]): TableSpec {
  const columns = uniqueBy(table.columns, (c) => c.name).map((column): ColumnSpec => {
    if (column.type.kind === 'base' || enums.some((e) => e.id === (column.type as { enum: number }).enum)) return column
    return { ...column, type: { kind: 'base', type: column.type.array ? 'textArray' : 'text' } }
  })
  return { ...table, columns }
}

const has = (table: TableSpec, id: number): boolean => table.columns.some((c) => c.id === id)
const columnOf = (table: TableSpec, id: number): ColumnSpec => table.columns.find((c) => c.id === id)!
const distinct = (ids: readonly number[]): boolean => new Set(ids).size === ids.length

/** Key columns exist, once each, of a type with btree equality, and are not generated. */
function validKeys(table: TableSpec, enums: readonly EnumSpec[]): TableSpec {
  const keyable = (ids: readonly number[]): boolean =>
    ids.length > 0 && distinct(ids) &&
    ids.every((id) => has(table, id) && typeInfo(columnOf(table, id).type, enums).btree && columnOf(table, id).value?.kind !== 'generated')
  const primaryKey = table.primaryKey !== null && keyable(table.primaryKey.columns) ? table.primaryKey : null
  const uniques = table.uniques.filter((unique) => keyable(unique.columns))
  return { ...table, primaryKey, uniques }
}

/** The columns a foreign key to `target` references: its primary key, else a unique constraint of the same arity. */
export function referencedColumns(target: TableSpec, arity: number): readonly number[] | null {
  if (target.primaryKey?.columns.length === arity) return target.primaryKey.columns
  return target.uniques.find((unique) => unique.columns.length === arity)?.columns ?? null
}

function typeForeignKeys(input: readonly TableSpec[]): readonly TableSpec[] {
  let tables = input.map((table) => ({ ...table, foreignKeys: table.foreignKeys.filter((fk) => plausibleForeignKey(table, fk, input)) }))
  for (let pass = 0; pass < TYPING_PASSES; pass++) {
    tables = tables.map((table) => {
      let columns = table.columns
      for (const fk of table.foreignKeys) {
        const target = tables.find((t) => t.id === fk.target)!
        const referenced = referencedColumns(target, fk.columns.length)!
        fk.columns.forEach((id, i) => {
          const from = columnOf(target, referenced[i])
          columns = columns.map((c) => (c.id === id ? { ...c, type: from.type, collateC: from.collateC } : c))
        })
      }
      return { ...table, columns }
    })
  }
  return tables.map((table) => ({
    ...table,
    foreignKeys: table.foreignKeys.filter((fk) => {
      const target = tables.find((t) => t.id === fk.target)!
      const referenced = referencedColumns(target, fk.columns.length)!
      return fk.columns.every((id, i) => sameType(columnOf(table, id).type, columnOf(target, referenced[i]).type))
    }),
  }))
}

function plausibleForeignKey(table: TableSpec, fk: ForeignKeySpec, tables: readonly TableSpec[]): boolean {
  const target = tables.find((t) => t.id === fk.target)
  return (
    target !== undefined && fk.columns.length > 0 && distinct(fk.columns) && referencedColumns(target, fk.columns.length) !== null &&
    fk.columns.every((id) => has(table, id) && columnOf(table, id).value?.kind !== 'generated')
  )
}

/** Identity on an integer type, not null; a generated column over another plain column with a template for the two types; keys not null. */
function validValues(table: TableSpec, enums: readonly EnumSpec[]): TableSpec {
  const inPrimaryKey = (id: number): boolean => table.primaryKey?.columns.includes(id) ?? false
  const inForeignKey = (id: number): boolean => table.foreignKeys.some((fk) => fk.columns.includes(id))
  const columns = table.columns.map((column): ColumnSpec => {
    const value = validValue(table, column, enums, inPrimaryKey(column.id) || inForeignKey(column.id))
    const collateC = column.collateC && typeInfo(column.type, enums).collatable
    const notNull = inPrimaryKey(column.id) || value?.kind === 'identity'
    return { ...column, value, collateC, nullable: column.nullable && !notNull }
  })
  return { ...table, columns }
}

function validValue(table: TableSpec, column: ColumnSpec, enums: readonly EnumSpec[], inKey: boolean): ValueSpec {
  const value = column.value
  if (value?.kind === 'identity') return typeInfo(column.type, enums).identity ? value : null
  if (value?.kind !== 'generated') return value
  const source = table.columns.find((c) => c.id === value.source)
  if (inKey || source === undefined || source.id === column.id || source.value?.kind === 'generated') return null
  return generatedTemplates(column, source).length > 0 ? value : null
}

export function generatedTemplates(column: ColumnSpec, source: ColumnSpec): typeof GENERATED_TEMPLATES {
  return GENERATED_TEMPLATES.filter(
    (template) => column.type.kind === 'base' && source.type.kind === 'base' && template.target === column.type.type && template.sources.includes(source.type.type),
  )
}

/** Checks and indexes over existing columns, each index within what its access method supports. */
function validDependents(table: TableSpec, enums: readonly EnumSpec[]): TableSpec {
  const checks = table.checks.filter((check) => has(table, check.column))
  const indexes = table.indexes.flatMap((index) => {
    const valid = validIndex(table, index, enums)
    return valid === null ? [] : [valid]
  })
  return { ...table, checks, indexes }
}

function validIndex(table: TableSpec, index: IndexSpec, enums: readonly EnumSpec[]): IndexSpec | null {
  const info = (id: number) => typeInfo(columnOf(table, id).type, enums)
  const btree = index.method === 'btree'
  const keys = index.keys
    .filter((key) => has(table, key.column))
    .map((key) => (key.expression !== null && (!btree || info(key.column).expressions('c').length === 0) ? { ...key, expression: null } : key))
    .filter((key) => key.expression !== null || (btree ? info(key.column).btree : info(key.column).methods.includes(index.method)))
    .map((key) => (btree ? key : { ...key, order: { direction: null, nulls: null } }))
    .slice(0, index.method === 'hash' ? 1 : undefined)
  if (keys.length === 0) return null
  const keyColumns = keys.filter((key) => key.expression === null).map((key) => key.column)
  const include = btree || index.method === 'gist' ? [...new Set(index.include)].filter((id) => has(table, id) && !keyColumns.includes(id)) : []
  const unique = btree && index.unique
  return {
    ...index,
    keys,
    unique,
    nullsNotDistinct: unique && index.nullsNotDistinct,
    include,
    where: index.where !== null && has(table, index.where.column) ? index.where : null,
  }
}

/**
 * Explicit names, once each per schema (constraints and indexes alike, so no two clash in either
 * of PostgreSQL's namespaces); a name used again falls back to PostgreSQL's default name.
 */
function uniqueNames(tables: readonly TableSpec[]): readonly TableSpec[] {
  const taken = new Set<string>()
  const claim = <T extends { readonly name: string | null }>(schema: string, item: T): T => {
    if (item.name === null) return item
    const key = `${schema}.${item.name}`
    if (taken.has(key)) return { ...item, name: null }
    taken.add(key)
    return item
  }
  return tables.map((table) => ({
    ...table,
    primaryKey: table.primaryKey && claim(table.schema, table.primaryKey),
    uniques: table.uniques.map((unique) => claim(table.schema, unique)),
    checks: table.checks.map((check) => claim(table.schema, check)),
    foreignKeys: table.foreignKeys.map((fk) => claim(table.schema, fk)),
    indexes: table.indexes.map((index) => claim(table.schema, index)),
  }))
}
