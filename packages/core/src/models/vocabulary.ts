import type { ts as TS } from 'ts-morph'
import type { IdentityKind } from '../schema/schema.js'
import { ts } from './typescript.js'

type SyntaxKind = TS.SyntaxKind

/**
 * Type names the reader knows by name, wherever they are declared: from `kysely`, or redeclared
 * in a kysely-codegen output file (which defines `Int8`, `Timestamp`, `Generated`, ... itself,
 * and whose definitions would resolve to the wrong SQL type: `Int8` is `ColumnType<string, ...>`).
 * A project's own alias with one of these names therefore means the listed type too.
 * SQL types are spelled the way PostgreSQL's `format_type` prints them.
 */

export const JSONB = 'jsonb'
const TIMESTAMPTZ = 'timestamp with time zone'

export const KEYWORD_TYPES: ReadonlyMap<SyntaxKind, string> = new Map([
  [ts.SyntaxKind.StringKeyword, 'text'],
  [ts.SyntaxKind.NumberKeyword, 'integer'],
  [ts.SyntaxKind.BigIntKeyword, 'bigint'],
  [ts.SyntaxKind.BooleanKeyword, 'boolean'],
  [ts.SyntaxKind.UnknownKeyword, JSONB],
  [ts.SyntaxKind.ObjectKeyword, JSONB],
])

export const NAMED_TYPES: ReadonlyMap<string, string> = new Map([
  ['Date', TIMESTAMPTZ],
  ['Buffer', 'bytea'],
  ['Uint8Array', 'bytea'],
  ['Record', JSONB],
  // kysely-codegen's PostgreSQL adapter:
  ['Int8', 'bigint'],
  ['Numeric', 'numeric'],
  // kysely-codegen prints `Timestamp` for timestamptz, timestamp and date alike: timestamptz is
  // the usual choice (and what `Date` means); other types need @dbType.
  ['Timestamp', TIMESTAMPTZ],
  ['Interval', 'interval'],
  ['IPostgresInterval', 'interval'],
  // kysely-codegen prints `Json` for json and jsonb alike: jsonb is the usual choice.
  ['Json', JSONB],
  ['JsonValue', JSONB],
  ['JsonArray', JSONB],
  ['JsonObject', JSONB],
  ['JsonPrimitive', JSONB],
  ['Point', 'point'],
  ['Circle', 'circle'],
])

/** Kysely's wrappers whose first type argument is the select type. */
export const GENERATED_WRAPPERS: ReadonlyMap<string, IdentityKind> = new Map([
  ['Generated', 'by default'],
  ['GeneratedAlways', 'always'],
])
export const SELECT_TYPE_WRAPPERS: ReadonlySet<string> = new Set(['ColumnType'])
/** Kysely's `JSONColumnType<S, I, U>`: jsonb, nullable when S includes null. */
export const JSON_WRAPPERS: ReadonlySet<string> = new Set(['JSONColumnType'])
/** `ArrayType<T>` is kysely-codegen's array of a ColumnType-wrapped element. */
export const ARRAY_WRAPPERS: ReadonlySet<string> = new Set(['Array', 'ReadonlyArray', 'ArrayType'])
