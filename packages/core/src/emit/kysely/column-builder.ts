import type { Column } from '../../schema/schema.js'
import { type ArrowFunction, type Expression, type MethodCall, arrow, call, sqlTemplate, string } from './ast.js'
import { dataTypeArgument } from './data-type.js'

const COLUMN_PARAMETER = 'col'

/** Column-level constraints a CREATE TABLE prints inline (when they carry PostgreSQL's default name). */
export interface InlineConstraints {
  readonly primaryKey: boolean
  readonly unique: { readonly nullsNotDistinct: boolean } | null
}

const NO_INLINE_CONSTRAINTS: InlineConstraints = { primaryKey: false, unique: null }

/** The arguments of `.addColumn(name, type, (col) => ...)`; the callback only when needed. */
export function addColumnArguments(column: Column, inline: InlineConstraints = NO_INLINE_CONSTRAINTS): readonly Expression[] {
  const calls = columnCalls(column, inline)
  const build: readonly ArrowFunction[] = calls.length === 0 ? [] : [arrow(COLUMN_PARAMETER, calls)]
  return [string(column.name), dataTypeArgument(column.type), ...build]
}

/**
 * Defaults and generation expressions go through ``sql`...` `` so their SQL text stays exact
 * (`defaultTo('x')` would bind a value, and Kysely would quote it its own way). NOT NULL is left
 * out where a primary key or identity implies it. The collation is a front modifier: Kysely has
 * no `collate()`, and `modifyFront` prints it right after the type, where PostgreSQL expects it.
 */
function columnCalls(column: Column, inline: InlineConstraints): readonly MethodCall[] {
  const impliesNotNull = inline.primaryKey || column.identity !== null
  return [
    ...(column.collation === null ? [] : [call('modifyFront', sqlTemplate(`collate ${column.collation}`))]),
    ...(inline.primaryKey ? [call('primaryKey')] : []),
    ...(column.identity === null ? [] : [call(column.identity === 'always' ? 'generatedAlwaysAsIdentity' : 'generatedByDefaultAsIdentity')]),
    ...(column.generated === null ? [] : [call('generatedAlwaysAs', sqlTemplate(column.generated)), call('stored')]),
    ...(column.nullable || impliesNotNull ? [] : [call('notNull')]),
    ...(column.default === null ? [] : [call('defaultTo', sqlTemplate(column.default))]),
    ...(inline.unique === null ? [] : [call('unique'), ...(inline.unique.nullsNotDistinct ? [call('nullsNotDistinct')] : [])]),
  ]
}
