import { defaultConstraintName } from '../../schema/names.js'
import type { Column, ForeignKey, Index, IndexKey, QualifiedName, Table } from '../../schema/schema.js'
import { type ColumnAction, type Operation, type OperationHandlers, type TableConstraint, dispatchOperation } from '../operations/operation.js'
import { renderOperationSql } from '../sql/render-operation.js'
import { isDefaultForeignKeyAction, isDefaultNulls, renderIndexKey } from '../sql/render-parts.js'
import { type CallChain, type Expression, type MethodCall, array, arrow, call, sqlTemplate, string } from './ast.js'
import { type InlineConstraints, addColumnArguments } from './column-builder.js'
import { rawStatement, referencedTable, schemaStatement } from './schema-chain.js'

const CONSTRAINT_PARAMETER = 'constraint'
/** Kysely's createIndex uses btree unless told otherwise; saying so would be noise. */
const DEFAULT_INDEX_METHOD = 'btree'
/** PostgreSQL's suffixes for default constraint names (ChooseConstraintName callers). */
const PRIMARY_KEY_SUFFIX = 'pkey'
const UNIQUE_SUFFIX = 'key'

const STATEMENTS: OperationHandlers<CallChain> = {
  createSchema: (op) => schemaStatement('public', [call('createSchema', string(op.schema)), call('ifNotExists')]),
  dropSchema: (op) => schemaStatement('public', [call('dropSchema', string(op.schema))]),
  createEnum: (op) =>
    schemaStatement(op.name.schema, [call('createType', string(op.name.name)), call('asEnum', array(op.values.map(string)))]),
  addEnumValue: (op) =>
    schemaStatement(op.name.schema, [
      call('alterType', string(op.name.name)),
      call('addValue', string(op.value)),
      ...(op.position.kind === 'append' ? [] : [call(op.position.kind, string(op.position.neighbour))]),
    ]),
  renameType: (op) =>
    schemaStatement(op.name.schema, [call('alterType', string(op.name.name)), call('renameTo', string(op.newName))]),
  // No RENAME VALUE in Kysely's alterType builder.
  renameEnumValue: (op) => rawStatement(renderOperationSql(op)),
  dropType: (op) => schemaStatement(op.name.schema, [call('dropType', string(op.name.name))]),
  createTable: (op) => schemaStatement(op.table.schema, createTableCalls(op.table)),
  dropTable: (op) => schemaStatement(op.table.schema, [call('dropTable', string(op.table.name))]),
  renameTable: (op) => alterTable(op.table, call('renameTo', string(op.newName))),
  renameColumn: (op) => alterTable(op.table, call('renameColumn', string(op.column), string(op.newName))),
  addColumn: (op) => alterTable(op.table, call('addColumn', ...addColumnArguments(op.column))),
  dropColumn: (op) => alterTable(op.table, call('dropColumn', string(op.column))),
  alterColumn: (op) => {
    const alteration = columnAlteration(op.action)
    if (alteration === null) return rawStatement(renderOperationSql(op))
    return alterTable(op.table, call('alterColumn', string(op.column), arrow('col', [alteration])))
  },
  // A query over the table's rows, not a schema statement.
  continueIdentity: raw,
  addConstraint: (op) => alterTable(op.table, addConstraintCall(op.table.schema, op.constraint)),
  dropConstraint: (op) => alterTable(op.table, call('dropConstraint', string(op.name))),
  renameConstraint: (op) => alterTable(op.table, call('renameConstraint', string(op.name), string(op.newName))),
  createIndex: (op) => {
    // No INCLUDE in Kysely's createIndex builder.
    if (op.index.include.length > 0) return rawStatement(renderOperationSql(op))
    return schemaStatement(op.table.schema, createIndexCalls(op.table, op.index))
  },
  dropIndex: (op) => schemaStatement(op.table.schema, [call('dropIndex', string(op.name))]),
  // No ALTER INDEX in Kysely.
  renameIndex: (op) => rawStatement(renderOperationSql(op)),
  // No COMMENT ON in Kysely.
  comment: (op) => rawStatement(renderOperationSql(op)),
  // No extension, domain or sequence builders in Kysely.
  createExtension: raw,
  dropExtension: raw,
  createDomain: raw,
  alterDomain: raw,
  dropDomain: raw,
  createSequence: raw,
  alterSequence: raw,
  setSequenceOwner: raw,
  dropSequence: raw,
}

function raw(operation: Operation): CallChain {
  return rawStatement(renderOperationSql(operation))
}

/** The `await`ed expression for one operation: a builder chain where Kysely says it exactly. */
export function operationStatement(operation: Operation): CallChain {
  return dispatchOperation(operation, STATEMENTS)
}

function alterTable(table: QualifiedName, alteration: MethodCall): CallChain {
  return schemaStatement(table.schema, [call('alterTable', string(table.name)), alteration])
}

/**
 * Single-column primary keys and uniques that carry PostgreSQL's default name are written on the
 * column (`col.primaryKey()`, `col.unique()`), as a person would: PostgreSQL then picks that same
 * name. Every other constraint is a named table constraint.
 */
function createTableCalls(table: Table): readonly MethodCall[] {
  const primaryKey = table.primaryKey
  // PostgreSQL names a primary key `<table>_pkey`, without its columns.
  const inlinePrimaryKey =
    primaryKey !== null && primaryKey.columns.length === 1 && primaryKey.name === defaultConstraintName(table.name, [], PRIMARY_KEY_SUFFIX)
      ? primaryKey
      : null
  const inlineUniques = table.uniques.filter(
    (unique) => unique.columns.length === 1 && unique.name === defaultConstraintName(table.name, unique.columns, UNIQUE_SUFFIX),
  )
  const inlineFor = (column: Column): InlineConstraints => {
    const unique = inlineUniques.find((u) => u.columns[0] === column.name)
    return {
      primaryKey: inlinePrimaryKey?.columns[0] === column.name,
      unique: unique === undefined ? null : { nullsNotDistinct: unique.nullsNotDistinct },
    }
  }
  const constraints: readonly TableConstraint[] = [
    ...(primaryKey === null || inlinePrimaryKey !== null ? [] : [{ kind: 'primaryKey', ...primaryKey } as const]),
    ...table.uniques.filter((u) => !inlineUniques.includes(u)).map((u) => ({ kind: 'unique', ...u }) as const),
    ...table.checks.map((check) => ({ kind: 'check', ...check }) as const),
    ...table.foreignKeys.map((fk) => ({ kind: 'foreignKey', ...fk }) as const),
  ]
  return [
    call('createTable', string(table.name)),
    ...table.columns.map((column) => call('addColumn', ...addColumnArguments(column, inlineFor(column)))),
    ...constraints.map((constraint) => addConstraintCall(table.schema, constraint)),
  ]
}


/** `addPrimaryKeyConstraint(...)` and friends: the same call on createTable and alterTable. */
function addConstraintCall(schema: string, constraint: TableConstraint): MethodCall {
  const name = string(constraint.name)
  switch (constraint.kind) {
    case 'primaryKey':
      return call('addPrimaryKeyConstraint', name, columnList(constraint.columns))
    case 'unique': {
      const build = constraint.nullsNotDistinct ? [arrow(CONSTRAINT_PARAMETER, [call('nullsNotDistinct')])] : []
      return call('addUniqueConstraint', name, columnList(constraint.columns), ...build)
    }
    case 'check':
      return call('addCheckConstraint', name, sqlTemplate(constraint.expression))
    case 'foreignKey': {
      const options = foreignKeyOptions(constraint)
      const build = options.length === 0 ? [] : [arrow(CONSTRAINT_PARAMETER, options)]
      const target = string(referencedTable(schema, constraint.references))
      return call('addForeignKeyConstraint', name, columnList(constraint.columns), target, columnList(constraint.referencedColumns), ...build)
    }
  }
}

function foreignKeyOptions(fk: ForeignKey): readonly MethodCall[] {
  return [
    ...(isDefaultForeignKeyAction(fk.onDelete) ? [] : [call('onDelete', string(fk.onDelete))]),
    ...(isDefaultForeignKeyAction(fk.onUpdate) ? [] : [call('onUpdate', string(fk.onUpdate))]),
    ...(fk.deferrable ? [call('deferrable')] : []),
    ...(fk.initiallyDeferred ? [call('initiallyDeferred')] : []),
  ]
}

function columnList(columns: readonly string[]): Expression {
  return array(columns.map(string))
}

/** The four ALTER COLUMN actions Kysely's AlterColumnBuilder can say; null for the rest. */
function columnAlteration(action: ColumnAction): MethodCall | null {
  switch (action.kind) {
    case 'dropDefault':
      return call('dropDefault')
    case 'setDefault':
      return call('setDefault', sqlTemplate(action.expression))
    case 'setNotNull':
      return call('setNotNull')
    case 'dropNotNull':
      return call('dropNotNull')
    // setDataType has no USING (kysely/dist/operation-node/alter-column-node.js); identity and
    // generation changes have no builder method at all.
    case 'setType':
    case 'dropIdentity':
    case 'addIdentity':
    case 'setIdentity':
    case 'dropExpression':
      return null
  }
}

function createIndexCalls(table: QualifiedName, index: Index): readonly MethodCall[] {
  return [
    call('createIndex', string(index.name)),
    call('on', string(table.name)),
    ...(index.unique ? [call('unique')] : []),
    ...(index.method === DEFAULT_INDEX_METHOD ? [] : [call('using', string(index.method))]),
    ...indexKeyCalls(index.keys),
    ...(index.nullsNotDistinct ? [call('nullsNotDistinct')] : []),
    ...(index.where === null ? [] : [call('where', sqlTemplate(index.where, 'boolean'))]),
  ]
}

/**
 * Column keys go through `.column('a')`/`.columns(['a', 'b desc'])`, which Kysely splits on the
 * space into name and direction. A `nulls first|last` suffix would be CUT silently
 * (`'a desc nulls last'` compiles to `"a" desc`, parseOrderedColumnName in
 * kysely/dist/parser/reference-parser.js reads two words only), so such keys, expression keys
 * and names with whitespace or a dot (which Kysely would split) become ``sql`...` `` fragments via `.expression()`, which prints
 * them as written. Kysely keeps the call order, so mixed keys stay in order.
 */
function indexKeyCalls(keys: readonly IndexKey[]): readonly MethodCall[] {
  const plain = keys.map(plainColumnKey)
  if (plain.every((key) => key !== null)) {
    return plain.length === 1 ? [call('column', string(plain[0]))] : [call('columns', array(plain.map(string)))]
  }
  return keys.map((key, i) => {
    const column = plain[i]
    return column === null ? call('expression', sqlTemplate(renderIndexKey(key))) : call('column', string(column))
  })
}

/** `'a'` or `'a desc'` when Kysely's string form says the key exactly, else null. */
function plainColumnKey(key: IndexKey): string | null {
  if (key.kind !== 'column' || !isDefaultNulls(key) || /[\s.]/.test(key.column)) return null
  return key.direction === 'desc' ? `${key.column} desc` : key.column
}
