import { quoteIdentifier, quoteQualified } from '../../schema/names.js'
import type { Column, ForeignKey, ForeignKeyAction, IndexKey } from '../../schema/schema.js'
import type { TableConstraint } from '../operations/operation.js'

/** What PostgreSQL assumes when ON DELETE / ON UPDATE is not written. */
const DEFAULT_FOREIGN_KEY_ACTION: ForeignKeyAction = 'no action'

/** `NULLS LAST` is the default for ascending keys, `NULLS FIRST` for descending ones. */
const DEFAULT_NULLS = { asc: 'last', desc: 'first' } as const

/**
 * `name type [collate c] [generated ...] [default x] [not null]`. Identity columns are NOT NULL
 * by definition, so it is not repeated for them.
 */
export function renderColumnDefinition(column: Column): string {
  return [
    quoteIdentifier(column.name),
    column.type,
    column.collation === null ? null : `collate ${column.collation}`,
    column.identity === null ? null : `generated ${column.identity} as identity`,
    column.generated === null ? null : `generated always as (${column.generated}) stored`,
    column.default === null ? null : `default ${column.default}`,
    column.nullable || column.identity !== null ? null : 'not null',
  ]
    .filter((part) => part !== null)
    .join(' ')
}

/** `constraint <name> <definition>`, for CREATE TABLE and ALTER TABLE ... ADD. */
export function renderConstraint(constraint: TableConstraint): string {
  return `constraint ${quoteIdentifier(constraint.name)} ${renderConstraintBody(constraint)}`
}

function renderConstraintBody(constraint: TableConstraint): string {
  switch (constraint.kind) {
    case 'primaryKey':
      return `primary key (${renderNames(constraint.columns)})`
    case 'unique':
      return `unique${constraint.nullsNotDistinct ? ' nulls not distinct' : ''} (${renderNames(constraint.columns)})`
    case 'check':
      return `check (${constraint.expression})`
    case 'foreignKey':
      return renderForeignKey(constraint)
  }
}

function renderForeignKey(fk: ForeignKey): string {
  return [
    `foreign key (${renderNames(fk.columns)}) references ${quoteQualified(fk.references)} (${renderNames(fk.referencedColumns)})`,
    isDefaultForeignKeyAction(fk.onDelete) ? null : `on delete ${fk.onDelete}`,
    isDefaultForeignKeyAction(fk.onUpdate) ? null : `on update ${fk.onUpdate}`,
    fk.deferrable ? 'deferrable' : null,
    fk.initiallyDeferred ? 'initially deferred' : null,
  ]
    .filter((part) => part !== null)
    .join(' ')
}

/** `col` or `(expr)`, then `desc` and `nulls first|last` only where they differ from the default. */
export function renderIndexKey(key: IndexKey): string {
  return [
    key.kind === 'column' ? quoteIdentifier(key.column) : `(${key.expression})`,
    key.direction === 'desc' ? 'desc' : null,
    isDefaultNulls(key) ? null : `nulls ${key.nulls}`,
  ]
    .filter((part) => part !== null)
    .join(' ')
}

export function isDefaultNulls(key: IndexKey): boolean {
  return key.nulls === DEFAULT_NULLS[key.direction]
}

export function isDefaultForeignKeyAction(action: ForeignKeyAction): boolean {
  return action === DEFAULT_FOREIGN_KEY_ACTION
}

export function renderNames(names: readonly string[]): string {
  return names.map(quoteIdentifier).join(', ')
}
