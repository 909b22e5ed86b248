import { elementType, quoteQualified, sameName } from '../schema/names.js'
import type { QualifiedName, Schema, Table } from '../schema/schema.js'
import type { Change, TypeColumnUse, TypeDependent, TypeUses } from './change.js'
import { checkUses, indexUses, keyUses } from './column-dependents.js'
import { droppedElement } from './dropped-element.js'

const NO_COLUMNS: ReadonlySet<string> = new Set()

/**
 * What rebuilding `type` (an enum or a domain) touches in a migration from `current` to
 * `desired` (see `TypeUses`). `dropped` are the constraints and indexes the migration drops
 * itself, changed or gone (`droppedElements`): they are no dependents. A migration that changes
 * nothing else (`current` and `desired` the same, nothing dropped) rebuilds around every column
 * and dependent there is.
 */
export function typeUses(type: QualifiedName, current: Schema, desired: Schema, dropped: DroppedElements): TypeUses {
  const columns = typeColumnUses(type, current, desired)
  const desiredTables = new Set(desired.tables.map(tableKey))
  const kept = current.tables.filter((table) => desiredTables.has(tableKey(table)))
  return { columns, columnsAfter: typeColumnUses(type, desired, current), dependents: typeDependents(columns, kept, dropped) }
}

/** Constraints and indexes by table and name (`elementKey`). */
export type DroppedElements = ReadonlySet<string>

/** The constraints and indexes `changes` drop. */
export function droppedElements(changes: readonly Change[]): DroppedElements {
  return new Set(changes.flatMap((change) => {
    const element = droppedElement(change)
    return element === null ? [] : [elementKey(element.table, element.name)]
  }))
}

function elementKey(table: QualifiedName, name: string): string {
  return JSON.stringify([table.schema, table.name, name])
}

function tableKey(table: QualifiedName): string {
  return JSON.stringify([table.schema, table.name])
}

/**
 * Columns of `schema` typed with `type`, or with an array of it, in the tables `other` has too.
 * A default is restored after a rebuild only when the column keeps it in `other`.
 */
function typeColumnUses(type: QualifiedName, schema: Schema, other: Schema): readonly TypeColumnUse[] {
  const typeName = quoteQualified(type)
  return schema.tables.flatMap((table) => {
    const typed = table.columns.filter((column) => elementType(column.type) === typeName)
    // Only then: finding the other side's table is a scan of every table.
    const otherTable = typed.length === 0 ? undefined : other.tables.find((t) => sameName(t, table))
    if (otherTable === undefined) return []
    return typed.map((column) => {
      const otherColumn = otherTable.columns.find((c) => c.name === column.name)
      return {
        table: { schema: table.schema, name: table.name },
        column: column.name,
        default: column.default,
        restoredDefault: otherColumn?.default === column.default ? column.default : null,
        array: column.type !== elementType(column.type),
      }
    })
  })
}

/**
 * The constraints and indexes of `tables` over the columns in `uses`, and the foreign keys
 * referencing them, but for the `dropped` ones: foreign keys first, then table by table indexes,
 * checks, uniques and the primary key (created again in the reverse order, keys before the
 * foreign keys that reference them).
 */
function typeDependents(uses: readonly TypeColumnUse[], tables: readonly Table[], dropped: DroppedElements): readonly TypeDependent[] {
  const castByTable = new Map<string, Set<string>>()
  for (const use of uses) castByTable.set(tableKey(use.table), (castByTable.get(tableKey(use.table)) ?? new Set<string>()).add(use.column))
  const cast = (table: QualifiedName): ReadonlySet<string> => castByTable.get(tableKey(table)) ?? NO_COLUMNS
  const kept = (dependent: TypeDependent): boolean => {
    const element = droppedElement(dependent)!
    return !dropped.has(elementKey(element.table, element.name))
  }
  const foreignKeys = tables.flatMap((table) => {
    const columns = cast(table)
    return table.foreignKeys
      .filter((fk) => keyUses(fk, columns) || fk.referencedColumns.some((column) => cast(fk.references).has(column)))
      .map((foreignKey): TypeDependent => ({ kind: 'dropForeignKey', table: nameOf(table), foreignKey }))
  })
  const others = tables.flatMap((table): readonly TypeDependent[] => {
    const columns = cast(table)
    if (columns.size === 0) return []
    const name = nameOf(table)
    return [
      ...table.indexes.filter((index) => indexUses(index, columns)).map((index): TypeDependent => ({ kind: 'dropIndex', table: name, index })),
      ...table.checks.filter((check) => checkUses(check, columns)).map((check): TypeDependent => ({ kind: 'dropCheck', table: name, check })),
      ...table.uniques.filter((unique) => keyUses(unique, columns)).map((unique): TypeDependent => ({ kind: 'dropUnique', table: name, unique })),
      ...(table.primaryKey !== null && keyUses(table.primaryKey, columns) ? [{ kind: 'dropPrimaryKey', table: name, primaryKey: table.primaryKey } as const] : []),
    ]
  })
  return [...foreignKeys, ...others].filter(kept)
}

function nameOf(table: QualifiedName): QualifiedName {
  return { schema: table.schema, name: table.name }
}
