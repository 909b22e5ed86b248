import type { Column, EnumType, QualifiedName, Schema, Table } from '../schema/schema.js'
import { quoteQualified } from '../schema/names.js'
import type { Change, EnumColumnUse } from './change.js'
import { matchBy, sameDefinition } from './compare.js'

/**
 * The changes that turn `current` into `desired`, as a pure function of the two. Both sides must
 * be canonical (printed by PostgreSQL), so that text comparison of types and expressions is
 * exact. The result is unordered in the dependency sense: `planChanges` orders it.
 *
 * Constraints and indexes are matched by name: a changed definition under the same name is a
 * drop plus an add, which is what PostgreSQL needs anyway.
 */
export function diffSchemas(current: Schema, desired: Schema): readonly Change[] {
  const schemas = matchBy(current.schemas, desired.schemas, (name) => name)
  const enums = matchBy(current.enums, desired.enums, qualifiedKey)
  const tables = matchBy(current.tables, desired.tables, qualifiedKey)
  return [
    ...schemas.added.map((schema): Change => ({ kind: 'createSchema', schema })),
    ...enums.added.map((type): Change => ({ kind: 'createEnum', enum: type })),
    ...enums.kept.flatMap(([from, to]) => diffEnum(from, to, current)),
    ...tables.added.map((table): Change => ({ kind: 'createTable', table })),
    ...tables.kept.flatMap(([from, to]) => diffTable(from, to)),
    ...tables.removed.map((table): Change => ({ kind: 'dropTable', table })),
    ...enums.removed.map((type): Change => ({ kind: 'dropEnum', enum: type })),
    ...schemas.removed.map((schema): Change => ({ kind: 'dropSchema', schema })),
  ]
}

function qualifiedKey(name: QualifiedName): string {
  return `${name.schema}.${name.name}`
}

function diffEnum(from: EnumType, to: EnumType, current: Schema): readonly Change[] {
  if (sameDefinition(from.values, to.values)) return []
  return [
    {
      kind: 'alterEnum',
      enum: { schema: to.schema, name: to.name },
      from: from.values,
      to: to.values,
      columns: enumColumnUses(from, current),
    },
  ]
}

/** Columns of the current schema typed with the enum (or an array of it). */
function enumColumnUses(type: EnumType, schema: Schema): readonly EnumColumnUse[] {
  const typeName = quoteQualified(type)
  return schema.tables.flatMap((table) =>
    table.columns
      .filter((column) => column.type === typeName || column.type === `${typeName}[]`)
      .map((column) => ({
        table: { schema: table.schema, name: table.name },
        column: column.name,
        default: column.default,
        array: column.type.endsWith('[]'),
      })),
  )
}

function diffTable(from: Table, to: Table): readonly Change[] {
  const table: QualifiedName = { schema: to.schema, name: to.name }
  const columns = matchBy(from.columns, to.columns, (column) => column.name)
  const primaryKeyChanged = !sameDefinition(from.primaryKey, to.primaryKey)
  return [
    ...columns.added.map((column): Change => ({ kind: 'addColumn', table, column })),
    ...columns.kept.flatMap(([a, b]) => diffColumn(table, a, b)),
    ...columns.removed.map((column): Change => ({ kind: 'dropColumn', table, column })),
    ...(primaryKeyChanged && from.primaryKey !== null
      ? [{ kind: 'dropPrimaryKey', table, primaryKey: from.primaryKey } as const]
      : []),
    ...(primaryKeyChanged && to.primaryKey !== null
      ? [{ kind: 'addPrimaryKey', table, primaryKey: to.primaryKey } as const]
      : []),
    ...diffNamed(from.uniques, to.uniques, (unique) => [
      { kind: 'dropUnique', table, unique },
      { kind: 'addUnique', table, unique },
    ]),
    ...diffNamed(from.checks, to.checks, (check) => [
      { kind: 'dropCheck', table, check },
      { kind: 'addCheck', table, check },
    ]),
    ...diffNamed(from.foreignKeys, to.foreignKeys, (foreignKey) => [
      { kind: 'dropForeignKey', table, foreignKey },
      { kind: 'addForeignKey', table, foreignKey },
    ]),
    ...diffNamed(from.indexes, to.indexes, (index) => [
      { kind: 'dropIndex', table, index },
      { kind: 'createIndex', table, index },
    ]),
    ...(from.comment === to.comment ? [] : [{ kind: 'setTableComment', table, from: from.comment, to: to.comment } as const]),
  ]
}

function diffColumn(table: QualifiedName, from: Column, to: Column): readonly Change[] {
  return sameDefinition(from, to) ? [] : [{ kind: 'alterColumn', table, from, to }]
}

/**
 * Named constraints and indexes: drop what is gone or changed, add what is new or changed.
 * `changes(item)` gives the [drop, add] pair for one element.
 */
function diffNamed<T extends { readonly name: string }>(
  from: readonly T[],
  to: readonly T[],
  changes: (item: T) => readonly [Change, Change],
): readonly Change[] {
  const matched = matchBy(from, to, (item) => item.name)
  const changed = matched.kept.filter(([a, b]) => !sameDefinition(a, b))
  return [
    ...matched.removed.map((item) => changes(item)[0]),
    ...changed.map(([a]) => changes(a)[0]),
    ...changed.map(([, b]) => changes(b)[1]),
    ...matched.added.map((item) => changes(item)[1]),
  ]
}
