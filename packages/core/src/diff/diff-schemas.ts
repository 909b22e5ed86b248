import type { Column, EnumType, ForeignKey, QualifiedName, Schema, Table } from '../schema/schema.js'
import { elementType, qualifiedKey, quoteQualified } from '../schema/names.js'
import type { Change, TypeUses } from './change.js'
import { type ColumnRework, checkUses, columnRework, indexUses, keyUses, reworkedColumns } from './column-dependents.js'
import { matchBy, sameDefinition } from './compare.js'
import { diffDatabaseObjects } from './diff-database-objects.js'
import { foreignKeysOverAddedKeys, foreignKeysOverDroppedKeys, withoutDetached } from './referenced-keys.js'
import { applyRenames, detachHeldNames, dropBeforeRenames } from './renames.js'
import { droppedElements, typeUses } from './type-uses.js'

/**
 * The changes that turn `current` into `desired`, as a pure function of the two. Both sides must
 * be canonical (printed by PostgreSQL), so that text comparison of types and expressions is
 * exact. The result is unordered in the dependency sense: `planChanges` orders it.
 *
 * Constraints and indexes are matched by name: a changed definition under the same name is a
 * drop plus an add, which is what PostgreSQL needs anyway. Renames (`applyRenames`) are listed
 * together: drops that must name objects by their old names before them, every other change
 * (naming objects by their new names) after them; `planChanges` keeps that barrier.
 */
export function diffSchemas(currentBeforeRenames: Schema, desired: Schema): readonly Change[] {
  const renamed = applyRenames(currentBeforeRenames, desired)
  const current = renamed.current
  const schemas = matchBy(current.schemas, desired.schemas, (name) => name)
  const enums = matchBy(current.enums, desired.enums, qualifiedKey)
  const tables = matchBy(current.tables, desired.tables, qualifiedKey)
  const context: TableContext = {
    reworks: new Map(tables.kept.map(([from, to]) => [qualifiedKey(to), columnRework(from, to)])),
    enumTypes: new Set([...current.enums, ...desired.enums].map(quoteQualified)),
  }
  const keptTableChanges = tables.kept.flatMap(([from, to]) => diffTable(from, to, context))
  const overDroppedKeys = foreignKeysOverDroppedKeys(keptTableChanges, current, desired)
  const overAddedKeys = foreignKeysOverAddedKeys(keptTableChanges, tables.added)
  const tableChanges = [...keptTableChanges, ...overDroppedKeys.changes, ...overAddedKeys.changes]
  const dropped = droppedElements(tableChanges)
  const usesOf = (type: QualifiedName): TypeUses => typeUses(type, current, desired, dropped)
  const objects = diffDatabaseObjects(current, desired, usesOf)
  const early = tableChanges.map((change) => dropBeforeRenames(change, renamed))
  const removed = tables.removed.map((table) => detachHeldNames(withoutDetached(table, overDroppedKeys.detached), renamed))
  return [
    ...early.filter((change) => change !== null),
    ...removed.flatMap((detached) => detached.early),
    ...renamed.changes,
    ...schemas.added.map((schema): Change => ({ kind: 'createSchema', schema })),
    ...objects.created,
    ...enums.added.map((type): Change => ({ kind: 'createEnum', enum: type })),
    ...enums.kept.flatMap(([from, to]) => diffEnum(from, to, usesOf)),
    ...tables.added.map((table): Change => ({ kind: 'createTable', table: withoutDetached(table, overAddedKeys.detached) })),
    ...tableChanges.filter((_, i) => early[i] === null),
    ...removed.map((detached): Change => ({ kind: 'dropTable', table: detached.table })),
    ...enums.removed.map((type): Change => ({ kind: 'dropEnum', enum: type })),
    ...objects.dropped,
    ...schemas.removed.map((schema): Change => ({ kind: 'dropSchema', schema })),
  ]
}

function diffEnum(from: EnumType, to: EnumType, usesOf: (type: QualifiedName) => TypeUses): readonly Change[] {
  const name: QualifiedName = { schema: to.schema, name: to.name }
  // The columns using the type are looked up only for a changed type: it is a scan of every table.
  const alter = (): Change => ({ kind: 'alterEnum', enum: name, from: from.values, to: to.values, ...usesOf(name), comment: from.comment, rebuild: false })
  return [
    ...(sameDefinition(from.values, to.values) ? [] : [alter()]),
    ...(from.comment === to.comment ? [] : [{ kind: 'setEnumComment', enum: name, from: from.comment, to: to.comment } as const]),
  ]
}

/** What `diffTable` needs to know beyond the table: see `diffTable`. */
interface TableContext {
  readonly reworks: ReadonlyMap<string, ColumnRework>
  /** Every enum type of both sides, as columns print it (`role`, `audit.kind`). */
  readonly enumTypes: ReadonlySet<string>
}

/**
 * `context.reworks` (by table key) says which columns are retyped or re-created: their indexes and
 * constraints, and foreign keys pointing at them, are dropped and created again around the
 * change even when unchanged (see column-dependents.ts).
 */
function diffTable(from: Table, to: Table, { reworks, enumTypes }: TableContext): readonly Change[] {
  const table: QualifiedName = { schema: to.schema, name: to.name }
  const rework = reworks.get(qualifiedKey(to)) ?? NO_REWORK
  const reworked = reworkedColumns(rework)
  const foreignKeyReworked = (fk: ForeignKey): boolean => {
    const target = reworks.get(qualifiedKey(fk.references))
    return keyUses(fk, reworked) || (target !== undefined && fk.referencedColumns.some((column) => reworkedColumns(target).has(column)))
  }
  const columns = matchBy(from.columns, to.columns, (column) => column.name)
  const primaryKeyChanged = !sameDefinition(from.primaryKey, to.primaryKey) || (from.primaryKey !== null && keyUses(from.primaryKey, reworked))
  return [
    ...columns.added.map((column): Change => ({ kind: 'addColumn', table, column })),
    ...columns.kept.flatMap(([a, b]): readonly Change[] =>
      rework.recreated.has(a.name)
        ? [
            { kind: 'dropColumn', table, column: a },
            { kind: 'addColumn', table, column: b },
          ]
        : diffColumn(table, a, b, enumTypes),
    ),
    ...columns.removed.map((column): Change => ({ kind: 'dropColumn', table, column })),
    ...(primaryKeyChanged && from.primaryKey !== null
      ? [{ kind: 'dropPrimaryKey', table, primaryKey: from.primaryKey } as const]
      : []),
    ...(primaryKeyChanged && to.primaryKey !== null
      ? [{ kind: 'addPrimaryKey', table, primaryKey: to.primaryKey } as const]
      : []),
    ...diffNamed(from.uniques, to.uniques, (unique) => keyUses(unique, reworked), (unique) => [
      { kind: 'dropUnique', table, unique },
      { kind: 'addUnique', table, unique },
    ]),
    ...diffNamed(from.checks, to.checks, (check) => checkUses(check, reworked), (check) => [
      { kind: 'dropCheck', table, check },
      { kind: 'addCheck', table, check },
    ]),
    ...diffNamed(from.foreignKeys, to.foreignKeys, foreignKeyReworked, (foreignKey) => [
      { kind: 'dropForeignKey', table, foreignKey },
      { kind: 'addForeignKey', table, foreignKey },
    ]),
    ...diffNamed(from.indexes, to.indexes, (index) => indexUses(index, reworked), (index) => [
      { kind: 'dropIndex', table, index },
      { kind: 'createIndex', table, index },
    ]),
    ...(from.comment === to.comment ? [] : [{ kind: 'setTableComment', table, from: from.comment, to: to.comment } as const]),
  ]
}

/**
 * A generation expression added or dropped is a change of its own (the planner puts it before or
 * after the other columns' changes, see plan/phases.ts); everything else is `alterColumn`.
 */
function diffColumn(table: QualifiedName, from: Column, to: Column, enumTypes: ReadonlySet<string>): readonly Change[] {
  if (sameDefinition(from, to)) return []
  const castThroughText = enumTypes.has(elementType(from.type)) || enumTypes.has(elementType(to.type))
  const transition = { table, from, to, castThroughText }
  if (from.generated === null && to.generated !== null) return [{ kind: 'addGeneration', ...transition }]
  if (from.generated !== null && to.generated === null) return [{ kind: 'dropGeneration', ...transition }]
  return [{ kind: 'alterColumn', ...transition }]
}

const NO_REWORK: ColumnRework = { retyped: new Set(), recreated: new Set(), generationAdded: new Set(), generationDropped: new Set() }

/**
 * Named constraints and indexes: drop what is gone or changed, add what is new or changed;
 * `mustRecreate(item)` marks unchanged ones to drop and add again (over a reworked column).
 * `changes(item)` gives the [drop, add] pair for one element.
 */
function diffNamed<T extends { readonly name: string }>(
  from: readonly T[],
  to: readonly T[],
  mustRecreate: (item: T) => boolean,
  changes: (item: T) => readonly [Change, Change],
): readonly Change[] {
  const matched = matchBy(from, to, (item) => item.name)
  const changed = matched.kept.filter(([a, b]) => !sameDefinition(a, b) || mustRecreate(a))
  return [
    ...matched.removed.map((item) => changes(item)[0]),
    ...changed.map(([a]) => changes(a)[0]),
    ...changed.map(([, b]) => changes(b)[1]),
    ...matched.added.map((item) => changes(item)[1]),
  ]
}
