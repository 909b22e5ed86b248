import { type AlterEnumChange, type Change, type ChangeHandlers, type ColumnTransition, dispatchChange } from '../../diff/change.js'
import { invertChange } from '../../diff/invert-change.js'
import type { Column, QualifiedName } from '../../schema/schema.js'
import { columnActions } from './column-actions.js'
import { DATABASE_OBJECT_LOWERINGS } from './lower-database-objects.js'
import { enumValueAdditions } from './enum-values.js'
import type { Operation } from './operation.js'
import { OLD_TYPE_SUFFIX, rebuildDependents, rebuildsType, recastColumns } from './recast-columns.js'

const LOWERINGS: ChangeHandlers<readonly Operation[]> = {
  createSchema: (c) => [{ kind: 'createSchema', schema: c.schema }],
  dropSchema: (c) => [{ kind: 'dropSchema', schema: c.schema }],
  createEnum: (c) => [
    { kind: 'createEnum', name: nameOf(c.enum), values: c.enum.values },
    ...(c.enum.comment === null ? [] : [typeComment(c.enum, c.enum.comment)]),
  ],
  dropEnum: (c) => [{ kind: 'dropType', name: nameOf(c.enum) }],
  alterEnum: (c) => {
    if (rebuildsType(c)) return rebuildEnum(c)
    // Not a rebuild: `to` only inserts values into `from`.
    return enumValueAdditions(c.from, c.to)!.map(({ value, position }) => ({ kind: 'addEnumValue', name: c.enum, value, position }))
  },
  // The planner spells out indexes and the table comment as their own changes.
  createTable: (c) => [{ kind: 'createTable', table: c.table }, ...columnComments(c.table, c.table.columns)],
  dropTable: (c) => [{ kind: 'dropTable', table: nameOf(c.table) }],
  addColumn: (c) => addColumn(c.table, c.column),
  dropColumn: (c) => [{ kind: 'dropColumn', table: c.table, column: c.column.name }],
  alterColumn: alterColumn,
  dropGeneration: (c) => [
    { kind: 'alterColumn', table: c.table, column: c.from.name, action: { kind: 'dropExpression' } },
    ...alterColumn({ ...c, from: { ...c.from, generated: null } }),
  ],
  addGeneration: (c) => [{ kind: 'dropColumn', table: c.table, column: c.from.name }, ...addColumn(c.table, c.to)],
  addPrimaryKey: (c) => [{ kind: 'addConstraint', table: c.table, constraint: { kind: 'primaryKey', ...c.primaryKey } }],
  dropPrimaryKey: (c) => [{ kind: 'dropConstraint', table: c.table, name: c.primaryKey.name }],
  addUnique: (c) => [{ kind: 'addConstraint', table: c.table, constraint: { kind: 'unique', ...c.unique } }],
  dropUnique: (c) => [{ kind: 'dropConstraint', table: c.table, name: c.unique.name }],
  addCheck: (c) => [{ kind: 'addConstraint', table: c.table, constraint: { kind: 'check', ...c.check } }],
  dropCheck: (c) => [{ kind: 'dropConstraint', table: c.table, name: c.check.name }],
  addForeignKey: (c) => [{ kind: 'addConstraint', table: c.table, constraint: { kind: 'foreignKey', ...c.foreignKey } }],
  dropForeignKey: (c) => [{ kind: 'dropConstraint', table: c.table, name: c.foreignKey.name }],
  createIndex: (c) => [{ kind: 'createIndex', table: c.table, index: c.index }],
  dropIndex: (c) => [{ kind: 'dropIndex', table: c.table, name: c.index.name }],
  setTableComment: (c) => [{ kind: 'comment', target: { kind: 'table', table: c.table }, text: c.to }],
  renameTable: (c) => [{ kind: 'renameTable', table: { schema: c.schema, name: c.from }, newName: c.to }],
  renameColumn: (c) => [{ kind: 'renameColumn', table: c.table, column: c.from, newName: c.to }],
  renameConstraint: (c) => [{ kind: 'renameConstraint', table: c.table, name: c.from, newName: c.to }],
  renameIndex: (c) => [{ kind: 'renameIndex', table: c.table, name: c.from, newName: c.to }],
  renameEnumValue: (c) => [{ kind: 'renameEnumValue', name: c.enum, from: c.from, to: c.to }],
  setEnumComment: (c) => [typeComment(c.enum, c.to)],
  ...DATABASE_OBJECT_LOWERINGS,
}

/**
 * The DDL statements of one change, in execution order. A type rebuild drops the constraints and
 * indexes PostgreSQL cannot carry through it first and creates them again last (see `TypeUses`).
 */
export function lowerChange(change: Change): readonly Operation[] {
  const dependents = rebuildDependents(change)
  const recreated = [...dependents].reverse().map(invertChange)
  return [...dependents.flatMap(lowerChange), ...dispatchChange(change, LOWERINGS), ...recreated.flatMap(lowerChange)]
}

/**
 * PostgreSQL cannot remove or reorder enum values: rename the old type away, create the new one,
 * cast every column to it (see `recastColumns`), then drop the old type.
 */
function rebuildEnum(c: AlterEnumChange): readonly Operation[] {
  const oldName = `${c.enum.name}${OLD_TYPE_SUFFIX}`
  return [
    { kind: 'renameType', name: c.enum, newName: oldName },
    { kind: 'createEnum', name: c.enum, values: c.to },
    // The comment belonged to the old type.
    ...(c.comment === null ? [] : [typeComment(c.enum, c.comment)]),
    ...recastColumns(c.columns, c.enum, true),
    { kind: 'dropType', name: { schema: c.enum.schema, name: oldName } },
  ]
}

/** `ALTER COLUMN` actions, the identity's sequence moved past existing values, the comment. */
function alterColumn(c: ColumnTransition): readonly Operation[] {
  return [
    ...columnActions(c).map((action): Operation => ({ kind: 'alterColumn', table: c.table, column: c.to.name, action })),
    ...(c.from.identity === null && c.to.identity !== null ? [{ kind: 'continueIdentity', table: c.table, column: c.to.name } as const] : []),
    ...(c.from.comment === c.to.comment ? [] : [columnComment(c.table, c.to.name, c.to.comment)]),
  ]
}

function addColumn(table: QualifiedName, column: Column): readonly Operation[] {
  return [{ kind: 'addColumn', table, column }, ...columnComments(table, [column])]
}

function nameOf(name: QualifiedName): QualifiedName {
  return { schema: name.schema, name: name.name }
}

function typeComment(name: QualifiedName, text: string | null): Operation {
  return { kind: 'comment', target: { kind: 'type', name: nameOf(name) }, text }
}

function columnComments(table: QualifiedName, columns: readonly Column[]): readonly Operation[] {
  return columns.flatMap((column) => (column.comment === null ? [] : [columnComment(table, column.name, column.comment)]))
}

function columnComment(table: QualifiedName, column: string, text: string | null): Operation {
  return { kind: 'comment', target: { kind: 'column', table: nameOf(table), column }, text }
}
