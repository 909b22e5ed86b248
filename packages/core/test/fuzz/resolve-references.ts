import type { CheckSpec, ColumnSpec, ForeignKeySpec, IndexSpec, ModelSpec, PrimaryKeySpec, TableSpec, TypeRef, UniqueSpec } from './model-spec.js'

/**
 * Arbitraries write references as small numbers; these turn them into the ids of what exists,
 * modulo the count (a column reference picks one of the table's columns, whatever it is).
 * A reference to an enum when there is none becomes -1, which `validModel` turns into text.
 */

export interface Scope {
  readonly tables: readonly TableSpec[]
  readonly enumIds: readonly number[]
}

const at = (ids: readonly number[], n: number): number => (ids.length === 0 ? -1 : ids[n % ids.length])

export function resolveModel(raw: ModelSpec): ModelSpec {
  const scope: Scope = { tables: raw.tables, enumIds: raw.enums.map((e) => e.id) }
  return { ...raw, tables: raw.tables.map((table) => resolveTable(table, scope)) }
}

export function resolveTable(table: TableSpec, scope: Scope): TableSpec {
  const ids = table.columns.map((c) => c.id)
  return {
    ...table,
    columns: table.columns.map((c) => resolveColumn(c, ids, scope)),
    primaryKey: table.primaryKey && resolvePrimaryKey(table.primaryKey, ids),
    uniques: table.uniques.map((unique) => resolveUnique(unique, ids)),
    checks: table.checks.map((check) => resolveCheck(check, ids)),
    foreignKeys: table.foreignKeys.map((fk) => resolveForeignKey(fk, ids, scope)),
    indexes: table.indexes.map((index) => resolveIndex(index, ids)),
  }
}

export function resolveColumn(column: ColumnSpec, ids: readonly number[], scope: Scope): ColumnSpec {
  const value = column.value?.kind === 'generated' ? { ...column.value, source: at(ids, column.value.source) } : column.value
  return { ...column, type: resolveType(column.type, scope), value }
}

export function resolveType(type: TypeRef, scope: Scope): TypeRef {
  return type.kind === 'base' ? type : { ...type, enum: at(scope.enumIds, type.enum) }
}

export function resolvePrimaryKey(primaryKey: PrimaryKeySpec, ids: readonly number[]): PrimaryKeySpec {
  return { ...primaryKey, columns: primaryKey.columns.map((n) => at(ids, n)) }
}

export function resolveUnique(unique: UniqueSpec, ids: readonly number[]): UniqueSpec {
  return { ...unique, columns: unique.columns.map((n) => at(ids, n)) }
}

export function resolveCheck(check: CheckSpec, ids: readonly number[]): CheckSpec {
  return { ...check, column: at(ids, check.column) }
}

export function resolveForeignKey(fk: ForeignKeySpec, ids: readonly number[], scope: Scope): ForeignKeySpec {
  return { ...fk, columns: fk.columns.map((n) => at(ids, n)), target: at(scope.tables.map((t) => t.id), fk.target) }
}

export function resolveIndex(index: IndexSpec, ids: readonly number[]): IndexSpec {
  return {
    ...index,
    keys: index.keys.map((key) => ({ ...key, column: at(ids, key.column) })),
    include: index.include.map((n) => at(ids, n)),
    where: index.where && { ...index.where, column: at(ids, index.where.column) },
  }
}
