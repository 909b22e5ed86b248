import fc from 'fast-check'
import type { ForeignKeyAction } from '../../src/schema/schema.js'
import { BASE_TYPE_IDS, type IndexMethod } from './column-types.js'
import type { Edit } from './edits.js'
import type {
  CheckSpec,
  ColumnSpec,
  EnumSpec,
  ForeignKeySpec,
  IndexKeySpec,
  IndexSpec,
  KeyOrder,
  ModelSpec,
  PrimaryKeySpec,
  TableSpec,
  TypeRef,
  UniqueSpec,
  ValueSpec,
} from './model-spec.js'

/**
 * fast-check arbitraries for model specs and their edits, built only from records, arrays and
 * small choices, so that shrinking removes tables, columns, constraints and edits one by one.
 * References are small numbers resolved against what exists (see resolve-references.ts):
 * arbitraries do not know which ids exist.
 */

/** Names that need quoting, or are reserved words, next to ordinary ones. */
const TABLE_NAMES = ['users', 'notes', 'items', 'events', 'Order Lines', 'select'] as const
const COLUMN_NAMES = ['id', 'name', 'code', 'amount', 'owner_id', 'created_at', 'body', 'status', 'Mixed', 'with space', 'order', 'x'] as const
/** Distinct from table names: indexes share their namespace. */
const CONSTRAINT_NAMES = ['k_main', 'k_other', 'chk_main', 'fk_main', 'idx_main', 'Named Key'] as const
/** Distinct from table names: an enum's name is a type name, as is every table's row type. */
const ENUM_ALIASES = ['Mood', 'TicketStatus', 'Level'] as const
const ENUM_LABELS = ['new', 'open', 'done', 'plain member', 'Admin', "it's", 'x'] as const
const COMMENTS = ['Registered users.', "It's here.", 'Two\nlines.', 'café ☕'] as const
const ACTIONS: readonly ForeignKeyAction[] = ['no action', 'restrict', 'cascade', 'set null', 'set default']
const METHODS: readonly IndexMethod[] = ['btree', 'hash', 'gin', 'gist', 'brin']

/** A reference to something that exists, resolved modulo what there is. */
const ref = fc.nat({ max: 7 })
const choice = fc.nat({ max: 5 })
/** True about one time in six. */
const rarely = fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
const refs = (max: number) => fc.array(ref, { minLength: 1, maxLength: max })

export const nameOf = {
  table: fc.constantFrom(...TABLE_NAMES),
  column: fc.constantFrom(...COLUMN_NAMES),
  enumLabel: fc.constantFrom(...ENUM_LABELS),
}
const constraintName = fc.option(fc.constantFrom(...CONSTRAINT_NAMES), { freq: 3 })
export const comment = fc.option(fc.constantFrom(...COMMENTS), { freq: 2 })

export const typeRef: fc.Arbitrary<TypeRef> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('base' as const), type: fc.constantFrom(...BASE_TYPE_IDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('enum' as const), enum: ref, array: fc.boolean() }) },
)

export const value: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('default' as const), choice }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('identity' as const), always: fc.boolean(), implied: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('generated' as const), source: ref, choice }) },
)

export const column: fc.Arbitrary<Omit<ColumnSpec, 'id'>> = fc.record({
  name: nameOf.column,
  type: typeRef,
  nullable: fc.boolean(),
  value,
  collateC: rarely,
  comment,
})

const order: fc.Arbitrary<KeyOrder> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ direction: null, nulls: null }) },
  { weight: 1, arbitrary: fc.record({ direction: fc.constantFrom('asc' as const, 'desc' as const, null), nulls: fc.constantFrom('first' as const, 'last' as const, null) }) },
)

export const primaryKey: fc.Arbitrary<PrimaryKeySpec> = fc.record({ name: constraintName, columns: refs(2) })

export const unique: fc.Arbitrary<UniqueSpec> = fc.record({
  name: constraintName,
  columns: refs(2),
  nullsNotDistinct: fc.boolean(),
  onColumn: fc.boolean(),
})

export const check: fc.Arbitrary<CheckSpec> = fc.record({ name: constraintName, column: ref, choice, onColumn: fc.boolean() })

export const foreignKey: fc.Arbitrary<ForeignKeySpec> = fc.record({
  name: constraintName,
  columns: refs(2),
  target: ref,
  onDelete: fc.constantFrom(...ACTIONS),
  onUpdate: fc.constantFrom(...ACTIONS),
  deferrable: fc.constantFrom('no' as const, 'immediate' as const, 'deferred' as const),
  onColumn: fc.boolean(),
})

const indexKey: fc.Arbitrary<IndexKeySpec> = fc.record({ column: ref, expression: fc.option(choice, { freq: 3 }), order })

export const index: fc.Arbitrary<IndexSpec> = fc.record({
  name: constraintName,
  keys: fc.array(indexKey, { minLength: 1, maxLength: 2 }),
  unique: fc.boolean(),
  nullsNotDistinct: fc.boolean(),
  method: fc.oneof({ weight: 4, arbitrary: fc.constant('btree' as IndexMethod) }, { weight: 3, arbitrary: fc.constantFrom(...METHODS) }),
  include: fc.array(ref, { maxLength: 2 }),
  where: fc.option(fc.record({ column: ref, choice }), { freq: 3 }),
  onColumn: fc.boolean(),
})

/** A table whose column ids and references are still raw (see resolve-references.ts). */
export const table: fc.Arbitrary<Omit<TableSpec, 'id'>> = fc.record({
  schema: fc.constantFrom('public' as const, 'public' as const, 'audit' as const),
  name: nameOf.table,
  comment,
  columns: fc.array(column, { minLength: 1, maxLength: 5 }).map((columns) => columns.map((c, id) => ({ ...c, id }))),
  primaryKey: fc.option(primaryKey, { freq: 2 }),
  uniques: fc.array(unique, { maxLength: 2 }),
  checks: fc.array(check, { maxLength: 2 }),
  foreignKeys: fc.array(foreignKey, { maxLength: 2 }),
  indexes: fc.array(index, { maxLength: 2 }),
})

export const enumType: fc.Arbitrary<Omit<EnumSpec, 'id'>> = fc.record({
  alias: fc.constantFrom(...ENUM_ALIASES),
  schema: fc.constantFrom('public' as const, 'audit' as const),
  values: fc.uniqueArray(nameOf.enumLabel, { minLength: 1, maxLength: 4 }).map((labels) => labels.map((label, id) => ({ id, label }))),
  comment,
})

/** A model: `declareAudit`, enums and tables with raw references. */
export const model: fc.Arbitrary<ModelSpec> = fc.record({
  declareAudit: fc.boolean(),
  enums: fc.array(enumType, { maxLength: 2 }).map((enums) => enums.map((e, id) => ({ ...e, id }))),
  tables: fc.array(table, { minLength: 1, maxLength: 3 }).map((tables) => tables.map((t, id) => ({ ...t, id }))),
})

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('addTable' as const), table }),
  fc.record({ kind: fc.constant('dropTable' as const), table: ref }),
  fc.record({ kind: fc.constant('renameTable' as const), table: ref, name: nameOf.table }),
  fc.record({ kind: fc.constant('moveTable' as const), table: ref }),
  fc.record({ kind: fc.constant('setTableComment' as const), table: ref, comment }),
  fc.record({ kind: fc.constant('addColumn' as const), table: ref, column }),
  fc.record({ kind: fc.constant('dropColumn' as const), table: ref, column: ref }),
  fc.record({ kind: fc.constant('renameColumn' as const), table: ref, column: ref, name: nameOf.column }),
  fc.record({ kind: fc.constant('retypeColumn' as const), table: ref, column: ref, type: typeRef }),
  fc.record({ kind: fc.constant('toggleNullable' as const), table: ref, column: ref }),
  fc.record({ kind: fc.constant('toggleCollation' as const), table: ref, column: ref }),
  fc.record({ kind: fc.constant('setValue' as const), table: ref, column: ref, value }),
  fc.record({ kind: fc.constant('setColumnComment' as const), table: ref, column: ref, comment }),
  fc.record({ kind: fc.constant('setPrimaryKey' as const), table: ref, primaryKey: fc.option(primaryKey) }),
  fc.record({ kind: fc.constant('editUniques' as const), table: ref, position: ref, item: fc.option(unique) }),
  fc.record({ kind: fc.constant('editChecks' as const), table: ref, position: ref, item: fc.option(check) }),
  fc.record({ kind: fc.constant('editForeignKeys' as const), table: ref, position: ref, item: fc.option(foreignKey) }),
  fc.record({ kind: fc.constant('editIndexes' as const), table: ref, position: ref, item: fc.option(index) }),
  fc.record({ kind: fc.constant('addEnum' as const), enum: enumType }),
  fc.record({ kind: fc.constant('addEnumValue' as const), enum: ref, position: ref, label: nameOf.enumLabel }),
  fc.record({ kind: fc.constant('removeEnumValue' as const), enum: ref, position: ref }),
  fc.record({ kind: fc.constant('renameEnumValue' as const), enum: ref, position: ref, label: nameOf.enumLabel }),
  fc.record({ kind: fc.constant('setEnumComment' as const), enum: ref, comment }),
  fc.record({ kind: fc.constant('toggleDeclareAudit' as const) }),
)
