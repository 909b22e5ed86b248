import { defaultConstraintName } from '../schema/names.js'
import type { CheckConstraint, ForeignKey, Index, Origin, PrimaryKey, Table, UniqueConstraint } from '../schema/schema.js'
import { indexColumnNames } from './index-key-names.js'
import { errorAt } from './model-errors.js'
import { sqlIdentifier, tokenize } from './sql-tokens.js'
import type { Declared, TableDraft } from './read-table.js'

/**
 * Gives every constraint and index its name: the explicit `name:` when there is one, otherwise
 * the name PostgreSQL would choose, so that models and catalog agree without names in the models.
 *
 * Namespaces, as in PostgreSQL: indexes, and the indexes behind primary keys and unique
 * constraints, are relations and share one namespace per schema with the tables; default names
 * of constraints (pkey, unique, check, foreign key) also avoid every constraint name in the
 * schema (ChooseRelationName / ChooseConstraintName). A taken default name gets 1, 2, ... after
 * its label, and the name is cut to 63 bytes again with the longer label (`users_email_key1`).
 *
 * Order: explicit names are reserved first; then, table by table in DB-key order, the primary
 * key, unique constraints, checks, foreign keys and indexes, each kind in declaration order
 * (column tags in column order, then table tags).
 */

type Kind = 'relation' | 'constraint' | 'constraintIndex'

const LABELS = { primaryKey: 'pkey', unique: 'key', check: 'check', foreignKey: 'fkey', index: 'idx' } as const

/** The names of a draft's constraints and indexes, in the order of its fields. */
export interface DraftNames {
  readonly primaryKey: string | null
  readonly uniques: readonly string[]
  readonly checks: readonly string[]
  readonly foreignKeys: readonly string[]
  readonly indexes: readonly string[]
}

export function nameConstraints(drafts: readonly TableDraft[]): readonly Table[] {
  return chooseNames(drafts).map((names, i) => namedTable(drafts[i], names))
}

/**
 * The names alone, without building the tables: `migrate pull` asks for them over and over
 * (pull/constraint-tags.ts) and needs nothing else.
 */
export function chooseNames(drafts: readonly TableDraft[]): readonly DraftNames[] {
  const names = new SchemaNames()
  for (const draft of drafts) names.take(draft.name.schema, draft.name.name, 'relation')
  for (const draft of drafts) reserveExplicitNames(draft, names)
  return drafts.map((draft) => draftNames(draft, names))
}

function reserveExplicitNames(draft: TableDraft, names: SchemaNames): void {
  const schema = draft.name.schema
  const tableConstraints = new Set<string>()
  const reserve = (declared: Declared<{ name: string }>, kind: Kind): void => {
    const name = declared.spec.name
    if (name === null) return
    if (kind !== 'constraint' && names.taken(schema, name, 'relation')) {
      throw errorAt(declared.origin, `the name "${name}" is already used by a table or index in schema "${schema}"`)
    }
    if (kind !== 'relation' && tableConstraints.has(name)) {
      throw errorAt(declared.origin, `the name "${name}" is already used by another constraint of this table`)
    }
    if (kind !== 'relation') tableConstraints.add(name)
    names.take(schema, name, kind)
  }
  if (draft.primaryKey !== null) reserve(draft.primaryKey, 'constraintIndex')
  draft.uniques.forEach((unique) => reserve(unique, 'constraintIndex'))
  draft.checks.forEach((check) => reserve(check, 'constraint'))
  draft.foreignKeys.forEach((foreignKey) => reserve(foreignKey, 'constraint'))
  draft.indexes.forEach((index) => reserve(index, 'relation'))
}

function draftNames(draft: TableDraft, names: SchemaNames): DraftNames {
  const { schema, name: table } = draft.name
  // `columns` is called only for an element without a name: the names of a check's or an
  // index's columns take tokenizing its SQL.
  const choose = (declared: Declared<{ name: string }>, columns: () => readonly string[], label: string, kind: Kind): string =>
    declared.spec.name ?? names.choose(schema, table, columns(), label, kind)
  const columnNames = (): readonly string[] => draft.columns.map((column) => column.name)
  return {
    primaryKey: draft.primaryKey === null ? null : choose(draft.primaryKey, () => [], LABELS.primaryKey, 'constraintIndex'),
    uniques: draft.uniques.map((unique) => choose(unique, () => unique.spec.columns, LABELS.unique, 'constraintIndex')),
    checks: draft.checks.map((check) => choose(check, () => checkColumns(check.spec.expression, columnNames()), LABELS.check, 'constraint')),
    foreignKeys: draft.foreignKeys.map((foreignKey) => choose(foreignKey, () => foreignKey.spec.columns, LABELS.foreignKey, 'constraint')),
    indexes: draft.indexes.map((index) => choose(index, () => indexColumnNames(index.spec.keys, index.spec.include), LABELS.index, 'relation')),
  }
}

function namedTable(draft: TableDraft, names: DraftNames): Table {
  return {
    schema: draft.name.schema,
    name: draft.name.name,
    columns: draft.columns,
    primaryKey: draft.primaryKey === null ? null : withName<PrimaryKey>(draft.primaryKey, names.primaryKey!),
    uniques: draft.uniques.map((unique, i) => withName<UniqueConstraint>(unique, names.uniques[i])),
    checks: draft.checks.map((check, i) => withName<CheckConstraint>(check, names.checks[i])),
    foreignKeys: draft.foreignKeys.map((foreignKey, i) => withName<ForeignKey>(foreignKey, names.foreignKeys[i])),
    indexes: draft.indexes.map((index, i) => withName<Index>(index, names.indexes[i])),
    comment: draft.comment,
    renamedFrom: draft.renamedFrom,
    origin: draft.origin,
  }
}

/** The one cast: a declared spec plus its name and origin is the Schema element. */
function withName<T extends { readonly name: string; readonly origin: Origin | null }>(declared: Declared<T>, name: string): T {
  return { ...declared.spec, name, origin: declared.origin } as unknown as T
}

/**
 * PostgreSQL names a check `<table>_<column>_check` when its expression uses exactly one column
 * and `<table>_check` otherwise, wherever it was written. Column references are found as the
 * expression's identifiers (folded like PostgreSQL folds them) that name a column, leaving out
 * function names and cast targets.
 */
function checkColumns(expression: string, columns: readonly string[]): readonly string[] {
  const tokens = tokenize(expression)
  const used = new Set<string>()
  tokens.forEach((token, index) => {
    const name = sqlIdentifier(token)
    const isFunction = tokens[index + 1]?.text === '('
    const isCastTarget = tokens[index - 1]?.text === '::'
    if (name !== null && !isFunction && !isCastTarget && columns.includes(name)) used.add(name)
  })
  return used.size === 1 ? [...used] : []
}

/** The relation and constraint names taken in each schema. */
class SchemaNames {
  private readonly relations = new Map<string, Set<string>>()
  private readonly constraints = new Map<string, Set<string>>()

  taken(schema: string, name: string, namespace: 'relation' | 'constraint'): boolean {
    return this.set(namespace, schema).has(name)
  }

  take(schema: string, name: string, kind: Kind): void {
    if (kind !== 'constraint') this.set('relation', schema).add(name)
    if (kind !== 'relation') this.set('constraint', schema).add(name)
  }

  choose(schema: string, table: string, columns: readonly string[], label: string, kind: Kind): string {
    for (let pass = 0; ; pass++) {
      const name = defaultConstraintName(table, columns, pass === 0 ? label : `${label}${pass}`)
      const clash = (kind !== 'constraint' && this.taken(schema, name, 'relation')) || (kind !== 'relation' && this.taken(schema, name, 'constraint'))
      if (!clash) {
        this.take(schema, name, kind)
        return name
      }
    }
  }

  private set(namespace: 'relation' | 'constraint', schema: string): Set<string> {
    const map = namespace === 'relation' ? this.relations : this.constraints
    let set = map.get(schema)
    if (set === undefined) map.set(schema, (set = new Set()))
    return set
  }
}
