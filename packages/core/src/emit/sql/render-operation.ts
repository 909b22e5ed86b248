import { quoteIdentifier, quoteLiteral, quoteQualified } from '../../schema/names.js'
import {
  type ColumnAction,
  type CommentTarget,
  type EnumValuePosition,
  type Operation,
  type OperationHandlers,
  dispatchOperation,
} from '../operations/operation.js'
import { DATABASE_OBJECT_RENDERERS } from './render-database-objects.js'
import { renderColumnDefinition, renderConstraint, renderIndexKey, renderNames } from './render-parts.js'

/** Indentation of column and constraint lines inside CREATE TABLE. */
const TABLE_ELEMENT_INDENT = '  '

const RENDERERS: OperationHandlers<string> = {
  // IF NOT EXISTS: the schema may exist without being managed yet (or in a scratch database).
  createSchema: (op) => `create schema if not exists ${quoteIdentifier(op.schema)}`,
  dropSchema: (op) => `drop schema ${quoteIdentifier(op.schema)}`,
  createEnum: (op) => `create type ${quoteQualified(op.name)} as enum (${op.values.map(quoteLiteral).join(', ')})`,
  addEnumValue: (op) => `alter type ${quoteQualified(op.name)} add value ${quoteLiteral(op.value)}${renderPosition(op.position)}`,
  renameType: (op) => `alter type ${quoteQualified(op.name)} rename to ${quoteIdentifier(op.newName)}`,
  renameEnumValue: (op) => `alter type ${quoteQualified(op.name)} rename value ${quoteLiteral(op.from)} to ${quoteLiteral(op.to)}`,
  dropType: (op) => `drop type ${quoteQualified(op.name)}`,
  createTable: (op) => {
    const elements = [
      ...op.table.columns.map(renderColumnDefinition),
      ...(op.table.primaryKey === null ? [] : [renderConstraint({ kind: 'primaryKey', ...op.table.primaryKey })]),
      ...op.table.uniques.map((unique) => renderConstraint({ kind: 'unique', ...unique })),
      ...op.table.checks.map((check) => renderConstraint({ kind: 'check', ...check })),
      ...op.table.foreignKeys.map((foreignKey) => renderConstraint({ kind: 'foreignKey', ...foreignKey })),
    ]
    const body = elements.map((element) => `${TABLE_ELEMENT_INDENT}${element}`).join(',\n')
    return `create table ${quoteQualified(op.table)} (\n${body}\n)`
  },
  dropTable: (op) => `drop table ${quoteQualified(op.table)}`,
  renameTable: (op) => `alter table ${quoteQualified(op.table)} rename to ${quoteIdentifier(op.newName)}`,
  renameColumn: (op) =>
    `alter table ${quoteQualified(op.table)} rename column ${quoteIdentifier(op.column)} to ${quoteIdentifier(op.newName)}`,
  addColumn: (op) => `alter table ${quoteQualified(op.table)} add column ${renderColumnDefinition(op.column)}`,
  dropColumn: (op) => `alter table ${quoteQualified(op.table)} drop column ${quoteIdentifier(op.column)}`,
  alterColumn: (op) =>
    `alter table ${quoteQualified(op.table)} alter column ${quoteIdentifier(op.column)} ${renderColumnAction(op.action)}`,
  continueIdentity: ({ table, column }) => {
    const sequence = `pg_get_serial_sequence(${quoteLiteral(quoteQualified(table))}, ${quoteLiteral(column)})`
    return `select setval(${sequence}, greatest(max(${quoteIdentifier(column)}) + 1, 1), false) from ${quoteQualified(table)}`
  },
  addConstraint: (op) => `alter table ${quoteQualified(op.table)} add ${renderConstraint(op.constraint)}`,
  dropConstraint: (op) => `alter table ${quoteQualified(op.table)} drop constraint ${quoteIdentifier(op.name)}`,
  renameConstraint: (op) =>
    `alter table ${quoteQualified(op.table)} rename constraint ${quoteIdentifier(op.name)} to ${quoteIdentifier(op.newName)}`,
  createIndex: ({ table, index }) =>
    [
      `create${index.unique ? ' unique' : ''} index ${quoteIdentifier(index.name)} on ${quoteQualified(table)}`,
      `using ${index.method} (${index.keys.map(renderIndexKey).join(', ')})`,
      index.include.length === 0 ? null : `include (${renderNames(index.include)})`,
      index.nullsNotDistinct ? 'nulls not distinct' : null,
      index.where === null ? null : `where ${index.where}`,
    ]
      .filter((part) => part !== null)
      .join(' '),
  dropIndex: (op) => `drop index ${quoteQualified({ schema: op.table.schema, name: op.name })}`,
  renameIndex: (op) =>
    `alter index ${quoteQualified({ schema: op.table.schema, name: op.name })} rename to ${quoteIdentifier(op.newName)}`,
  comment: (op) => `comment on ${renderCommentTarget(op.target)} is ${op.text === null ? 'null' : quoteLiteral(op.text)}`,
  ...DATABASE_OBJECT_RENDERERS,
}

/** The SQL text of one operation (no trailing semicolon). */
export function renderOperationSql(operation: Operation): string {
  return dispatchOperation(operation, RENDERERS)
}

function renderPosition(position: EnumValuePosition): string {
  return position.kind === 'append' ? '' : ` ${position.kind} ${quoteLiteral(position.neighbour)}`
}

function renderColumnAction(action: ColumnAction): string {
  switch (action.kind) {
    case 'dropDefault':
      return 'drop default'
    case 'setDefault':
      return `set default ${action.expression}`
    case 'dropIdentity':
      return 'drop identity'
    case 'addIdentity':
      return `add generated ${action.identity} as identity`
    case 'setIdentity':
      return `set generated ${action.identity}`
    case 'setType':
      return `type ${action.type}${action.collation === null ? '' : ` collate ${action.collation}`}${action.using === null ? '' : ` using ${action.using}`}`
    case 'setNotNull':
      return 'set not null'
    case 'dropNotNull':
      return 'drop not null'
    case 'dropExpression':
      return 'drop expression'
  }
}

function renderCommentTarget(target: CommentTarget): string {
  switch (target.kind) {
    case 'table':
      return `table ${quoteQualified(target.table)}`
    case 'column':
      return `column ${quoteQualified(target.table)}.${quoteIdentifier(target.column)}`
    case 'type':
      return `type ${quoteQualified(target.name)}`
  }
}
