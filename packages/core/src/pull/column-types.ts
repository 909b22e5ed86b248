import { keyword, reference, type TypeExpression } from './model-ast.js'

/**
 * SQL type (as `format_type` prints it) → the TypeScript type a model says it with, and the
 * `@dbType` needed when the TypeScript type alone would read back as another SQL type. Types the
 * model reader maps by itself (vocabulary.ts) need no tag: `integer` is `number`, `bigint` is
 * kysely-codegen's `Int8`, `timestamp with time zone` its `Timestamp`, `jsonb` its `Json`.
 */

export interface PulledType {
  readonly type: TypeExpression
  /** Null when `type` reads back as the SQL type exactly. */
  readonly dbType: string | null
}

/** SQL types the model reader derives from a TypeScript type without `@dbType`. */
const EXACT: ReadonlyMap<string, TypeExpression> = new Map([
  ['integer', keyword('number')],
  ['text', keyword('string')],
  ['boolean', keyword('boolean')],
  ['bigint', reference('Int8')],
  ['numeric', reference('Numeric')],
  ['timestamp with time zone', reference('Timestamp')],
  ['jsonb', reference('Json')],
  ['bytea', reference('Buffer')],
])

/** The TypeScript side of types that need `@dbType`, by the type's leading words. */
const NEAREST: readonly (readonly [RegExp, TypeExpression])[] = [
  [/^(smallint|real|double precision|oid)\b/, keyword('number')],
  [/^(timestamp|date)\b/, reference('Date')],
  [/^json\b/, reference('Json')],
]

/**
 * `aliases` maps an enum or domain (as format_type prints its name) to the alias declaring it.
 */
export function pullColumnType(sqlType: string, aliases: ReadonlyMap<string, string>): PulledType {
  const exact = exactType(sqlType, aliases)
  if (exact !== null) return { type: exact, dbType: null }
  return { type: nearestType(sqlType), dbType: sqlType }
}

function exactType(sqlType: string, aliases: ReadonlyMap<string, string>): TypeExpression | null {
  if (sqlType.endsWith('[]')) {
    const element = exactType(sqlType.slice(0, -2), aliases)
    return element === null ? null : { kind: 'array', element }
  }
  const alias = aliases.get(sqlType)
  if (alias !== undefined) return reference(alias)
  return EXACT.get(sqlType) ?? null
}

function nearestType(sqlType: string): TypeExpression {
  if (sqlType.endsWith('[]')) return { kind: 'array', element: nearestType(sqlType.slice(0, -2)) }
  return NEAREST.find(([pattern]) => pattern.test(sqlType))?.[1] ?? keyword('string')
}
