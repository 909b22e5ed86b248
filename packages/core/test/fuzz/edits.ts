import { castable } from './column-types.js'
import type { CheckSpec, ColumnSpec, EnumSpec, ForeignKeySpec, IndexSpec, ModelSpec, PrimaryKeySpec, TableSpec, TypeRef, UniqueSpec, ValueSpec } from './model-spec.js'
import {
  resolveCheck,
  resolveColumn,
  resolveForeignKey,
  resolveIndex,
  resolvePrimaryKey,
  resolveTable,
  resolveType,
  resolveUnique,
  type Scope,
} from './resolve-references.js'
import { typeInfo } from './type-info.js'

/**
 * Edits that turn a model into the next one, as a user edits the models file: elements are
 * picked by small numbers (modulo what exists), and whatever an edit leaves invalid is dropped
 * by `validModel` afterwards. Renames change names only; ids stay, so the printer writes the
 * `@renamedFrom`/`@renamedValue` hints.
 */

type Raw<T> = Omit<T, 'id'>

export type Edit =
  | { readonly kind: 'addTable'; readonly table: Raw<TableSpec> }
  | { readonly kind: 'dropTable'; readonly table: number }
  | { readonly kind: 'renameTable'; readonly table: number; readonly name: string }
  | { readonly kind: 'moveTable'; readonly table: number }
  | { readonly kind: 'setTableComment'; readonly table: number; readonly comment: string | null }
  | { readonly kind: 'addColumn'; readonly table: number; readonly column: Raw<ColumnSpec> }
  | { readonly kind: 'dropColumn'; readonly table: number; readonly column: number }
  | { readonly kind: 'renameColumn'; readonly table: number; readonly column: number; readonly name: string }
  | { readonly kind: 'retypeColumn'; readonly table: number; readonly column: number; readonly type: TypeRef }
  | { readonly kind: 'toggleNullable'; readonly table: number; readonly column: number }
  | { readonly kind: 'toggleCollation'; readonly table: number; readonly column: number }
  | { readonly kind: 'setValue'; readonly table: number; readonly column: number; readonly value: ValueSpec }
  | { readonly kind: 'setColumnComment'; readonly table: number; readonly column: number; readonly comment: string | null }
  | { readonly kind: 'setPrimaryKey'; readonly table: number; readonly primaryKey: PrimaryKeySpec | null }
  | { readonly kind: 'editUniques'; readonly table: number; readonly position: number; readonly item: UniqueSpec | null }
  | { readonly kind: 'editChecks'; readonly table: number; readonly position: number; readonly item: CheckSpec | null }
  | { readonly kind: 'editForeignKeys'; readonly table: number; readonly position: number; readonly item: ForeignKeySpec | null }
  | { readonly kind: 'editIndexes'; readonly table: number; readonly position: number; readonly item: IndexSpec | null }
  | { readonly kind: 'addEnum'; readonly enum: Raw<EnumSpec> }
  | { readonly kind: 'addEnumValue'; readonly enum: number; readonly position: number; readonly label: string }
  | { readonly kind: 'removeEnumValue'; readonly enum: number; readonly position: number }
  | { readonly kind: 'renameEnumValue'; readonly enum: number; readonly position: number; readonly label: string }
  | { readonly kind: 'setEnumComment'; readonly enum: number; readonly comment: string | null }
  | { readonly kind: 'toggleDeclareAudit' }

type EditHandlers = { readonly [K in Edit['kind']]: (model: ModelSpec, edit: Extract<Edit, { kind: K }>) => ModelSpec }

export function applyEdits(model: ModelSpec, edits: readonly Edit[]): ModelSpec {
  return edits.reduce((current, edit) => (HANDLERS[edit.kind] as (model: ModelSpec, edit: Edit) => ModelSpec)(current, edit), model)
}

const nextId = (items: readonly { readonly id: number }[]): number => Math.max(-1, ...items.map((item) => item.id)) + 1
const scopeOf = (model: ModelSpec): Scope => ({ tables: model.tables, enumIds: model.enums.map((e) => e.id) })
const columnIds = (table: TableSpec): readonly number[] => table.columns.map((c) => c.id)

/** `model` with the `n`-th table (modulo) changed by `change`. */
function onTable(model: ModelSpec, n: number, change: (table: TableSpec) => TableSpec): ModelSpec {
  if (model.tables.length === 0) return model
  const target = model.tables[n % model.tables.length]
  return { ...model, tables: model.tables.map((table) => (table === target ? change(table) : table)) }
}

function onColumn(model: ModelSpec, table: number, n: number, change: (column: ColumnSpec, table: TableSpec) => ColumnSpec | null): ModelSpec {
  return onTable(model, table, (t) => {
    const target = t.columns[n % t.columns.length]
    return { ...t, columns: t.columns.flatMap((c) => (c === target ? [change(c, t)].filter((x) => x !== null) : [c])) }
  })
}

function onEnum(model: ModelSpec, n: number, change: (type: EnumSpec) => EnumSpec): ModelSpec {
  if (model.enums.length === 0) return model
  const target = model.enums[n % model.enums.length]
  return { ...model, enums: model.enums.map((e) => (e === target ? change(e) : e)) }
}

/** Removes the `position`-th item, replaces it with `item`, or appends `item` past the end. */
function editList<T>(items: readonly T[], position: number, item: T | null): readonly T[] {
  if (item === null) return items.length === 0 ? items : items.filter((_, i) => i !== position % items.length)
  return position < items.length ? items.map((existing, i) => (i === position ? item : existing)) : [...items, item]
}

const HANDLERS: EditHandlers = {
  addTable: (model, { table }) => {
    const added = resolveTable({ ...table, id: nextId(model.tables) }, scopeOf(model))
    return { ...model, tables: [...model.tables, added] }
  },
  dropTable: (model, { table }) => ({ ...model, tables: model.tables.filter((_, i) => i !== table % model.tables.length) }),
  renameTable: (model, { table, name }) => onTable(model, table, (t) => ({ ...t, name })),
  moveTable: (model, { table }) => onTable(model, table, (t) => ({ ...t, schema: t.schema === 'public' ? 'audit' : 'public' })),
  setTableComment: (model, { table, comment }) => onTable(model, table, (t) => ({ ...t, comment })),
  addColumn: (model, { table, column }) =>
    onTable(model, table, (t) => {
      const id = nextId(t.columns)
      return { ...t, columns: [...t.columns, resolveColumn({ ...column, id }, [...columnIds(t), id], scopeOf(model))] }
    }),
  dropColumn: (model, { table, column }) => onColumn(model, table, column, () => null),
  renameColumn: (model, { table, column, name }) => onColumn(model, table, column, (c) => ({ ...c, name })),
  retypeColumn: (model, { table, column, type }) =>
    onColumn(model, table, column, (c) => {
      const to = resolveType(type, scopeOf(model))
      if (to.kind === 'enum' && to.enum === -1) return c
      return castable(typeInfo(c.type, model.enums), typeInfo(to, model.enums)) ? { ...c, type: to } : c
    }),
  toggleNullable: (model, { table, column }) => onColumn(model, table, column, (c) => ({ ...c, nullable: !c.nullable })),
  toggleCollation: (model, { table, column }) => onColumn(model, table, column, (c) => ({ ...c, collateC: !c.collateC })),
  setValue: (model, { table, column, value }) =>
    onColumn(model, table, column, (c, t) => ({ ...c, value: resolveColumn({ ...c, value }, columnIds(t), scopeOf(model)).value })),
  setColumnComment: (model, { table, column, comment }) => onColumn(model, table, column, (c) => ({ ...c, comment })),
  setPrimaryKey: (model, { table, primaryKey }) =>
    onTable(model, table, (t) => ({ ...t, primaryKey: primaryKey && resolvePrimaryKey(primaryKey, columnIds(t)) })),
  editUniques: (model, { table, position, item }) =>
    onTable(model, table, (t) => ({ ...t, uniques: editList(t.uniques, position, item && resolveUnique(item, columnIds(t))) })),
  editChecks: (model, { table, position, item }) =>
    onTable(model, table, (t) => ({ ...t, checks: editList(t.checks, position, item && resolveCheck(item, columnIds(t))) })),
  editForeignKeys: (model, { table, position, item }) =>
    onTable(model, table, (t) => ({ ...t, foreignKeys: editList(t.foreignKeys, position, item && resolveForeignKey(item, columnIds(t), scopeOf(model))) })),
  editIndexes: (model, { table, position, item }) =>
    onTable(model, table, (t) => ({ ...t, indexes: editList(t.indexes, position, item && resolveIndex(item, columnIds(t))) })),
  addEnum: (model, { enum: type }) => ({ ...model, enums: [...model.enums, { ...type, id: nextId(model.enums) }] }),
  addEnumValue: (model, { enum: n, position, label }) =>
    onEnum(model, n, (e) => {
      const at = position % (e.values.length + 1)
      return { ...e, values: [...e.values.slice(0, at), { id: nextId(e.values), label }, ...e.values.slice(at)] }
    }),
  removeEnumValue: (model, { enum: n, position }) => onEnum(model, n, (e) => ({ ...e, values: e.values.filter((_, i) => i !== position % e.values.length) })),
  renameEnumValue: (model, { enum: n, position, label }) =>
    onEnum(model, n, (e) => ({ ...e, values: e.values.map((value, i) => (i === position % e.values.length ? { ...value, label } : value)) })),
  setEnumComment: (model, { enum: n, comment }) => onEnum(model, n, (e) => ({ ...e, comment })),
  toggleDeclareAudit: (model) => ({ ...model, declareAudit: !model.declareAudit }),
}
