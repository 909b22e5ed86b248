import { keyword, reference, type TypeExpression } from '../../src/pull/model-ast.js'

/**
 * The column types the generator uses: every spelling the type mapping supports (TypeScript
 * types, kysely-codegen's names, `@dbType`), each with what PostgreSQL allows on it, so that a
 * generated model is always valid. SQL snippets take the column, already quoted.
 */

export type IndexMethod = 'btree' | 'hash' | 'gin' | 'gist' | 'brin'

/** Types that cast to each other with `USING col::type` (anything casts to and from text). */
type Family = 'text' | 'number' | 'time' | 'json' | 'array' | 'boolean' | 'bytes' | 'uuid' | 'interval' | 'range' | 'tsvector' | 'point' | 'enum' | 'enumArray'

export interface ColumnTypeInfo {
  /** The select type as a model writes it. */
  readonly ts: TypeExpression
  /** `@dbType`, when the TypeScript type alone maps to another SQL type. */
  readonly dbType: string | null
  readonly family: Family
  /** Usable in a primary key, a unique constraint and a btree index. */
  readonly btree: boolean
  /** Other access methods a plain column key of this type can use. */
  readonly methods: readonly IndexMethod[]
  readonly identity: boolean
  readonly collatable: boolean
  readonly defaults: readonly string[]
  /** Boolean expressions over the column: checks and partial-index predicates (immutable). */
  readonly predicates: (column: string) => readonly string[]
  /** Immutable expressions over the column for btree expression keys. */
  readonly expressions: (column: string) => readonly string[]
}

const none = (_column: string): readonly string[] => []
const TEXT_PREDICATES = (c: string) => [`length(${c}) > 0`, `${c} <> ''`, `${c} IS NOT NULL`]
const TEXT_EXPRESSIONS = (c: string) => [`lower(${c})`, `(${c} || '!')`]
const NUMBER_PREDICATES = (c: string) => [`${c} > 0`, `${c} >= -100`, `${c} BETWEEN 0 AND 100`]
const NUMBER_EXPRESSIONS = (c: string) => [`(${c} + 1)`, `abs(${c})`]
const NOT_NULL = (c: string) => [`${c} IS NOT NULL`]

const text = (dbType: string | null, defaults: readonly string[]): ColumnTypeInfo => ({
  ts: keyword('string'), dbType, family: 'text', btree: true, methods: ['hash'], identity: false, collatable: true,
  defaults, predicates: TEXT_PREDICATES, expressions: TEXT_EXPRESSIONS,
})

const integer = (ts: TypeExpression, dbType: string | null): ColumnTypeInfo => ({
  ts, dbType, family: 'number', btree: true, methods: ['hash', 'brin'], identity: true, collatable: false,
  defaults: ['0', '42', '-1'], predicates: NUMBER_PREDICATES, expressions: NUMBER_EXPRESSIONS,
})

const decimal = (ts: TypeExpression, dbType: string | null): ColumnTypeInfo => ({
  ts, dbType, family: 'number', btree: true, methods: ['brin'], identity: false, collatable: false,
  defaults: ['0', '1.5'], predicates: NUMBER_PREDICATES, expressions: NUMBER_EXPRESSIONS,
})

const time = (ts: TypeExpression, dbType: string | null, defaults: readonly string[], expressions: (column: string) => readonly string[] = none): ColumnTypeInfo => ({
  ts, dbType, family: 'time', btree: true, methods: ['brin'], identity: false, collatable: false,
  defaults, predicates: NOT_NULL, expressions,
})

const json = (ts: TypeExpression, dbType: string | null): ColumnTypeInfo => ({
  ts, dbType, family: 'json', btree: true, methods: ['gin'], identity: false, collatable: false,
  defaults: [`'{}'::jsonb`, `'[1, 2]'`, `'{"on": true}'`],
  predicates: (c) => [`jsonb_typeof(${c}) = 'object'`, `${c} <> 'null'::jsonb`],
  expressions: (c) => [`(${c} ->> 'k')`],
})

const array = (element: TypeExpression, defaults: readonly string[]): ColumnTypeInfo => ({
  ts: { kind: 'array', element }, dbType: null, family: 'array', btree: true, methods: ['gin'], identity: false, collatable: false,
  defaults, predicates: (c) => [`cardinality(${c}) < 10`, `${c} <> '{}'`], expressions: none,
})

const INTEGER_TIMESTAMP = (c: string) => [`date_trunc('day', ${c})`]

export const COLUMN_TYPES = {
  text: text(null, [`'hello'`, `''`, `'it''s'`]),
  varchar: text('varchar(40)', [`'hello'`, `''`]),
  char: text('char(3)', [`'abc'`]),
  integer: integer(keyword('number'), null),
  smallint: integer(keyword('number'), 'smallint'),
  bigint: integer(keyword('bigint'), null),
  int8: integer(reference('Int8'), null),
  numeric: decimal(keyword('string'), 'numeric(12, 2)'),
  numericCodegen: decimal(reference('Numeric'), null),
  real: decimal(keyword('number'), 'real'),
  double: decimal(keyword('number'), 'double precision'),
  boolean: {
    ts: keyword('boolean'), dbType: null, family: 'boolean', btree: true, methods: ['hash'], identity: false, collatable: false,
    defaults: ['true', 'false'], predicates: (c) => [`${c} IS NOT FALSE`, ...NOT_NULL(c)], expressions: none,
  },
  timestamptz: time(reference('Date'), null, ['now()', `'2000-01-01 00:00:00+00'`, 'CURRENT_TIMESTAMP']),
  timestampCodegen: time(reference('Timestamp'), null, ['now()']),
  timestamp: time(reference('Date'), 'timestamp', ['LOCALTIMESTAMP', `'2000-01-01 00:00:00'`], INTEGER_TIMESTAMP),
  date: time(reference('Date'), 'date', ['CURRENT_DATE', `'2000-01-01'`]),
  jsonb: json(keyword('unknown'), null),
  jsonCodegen: json(reference('Json'), null),
  json: {
    ts: keyword('unknown'), dbType: 'json', family: 'json', btree: false, methods: [], identity: false, collatable: false,
    defaults: [`'{}'`], predicates: (c) => [`json_typeof(${c}) = 'object'`], expressions: none,
  },
  bytea: {
    ts: reference('Buffer'), dbType: null, family: 'bytes', btree: true, methods: ['hash'], identity: false, collatable: false,
    defaults: [`''::bytea`, `decode('00ff', 'hex')`], predicates: (c) => [`length(${c}) < 100`], expressions: none,
  },
  uuid: {
    ts: keyword('string'), dbType: 'uuid', family: 'uuid', btree: true, methods: ['hash'], identity: false, collatable: false,
    defaults: ['gen_random_uuid()', `'00000000-0000-0000-0000-000000000000'`], predicates: NOT_NULL, expressions: none,
  },
  textArray: { ...array(keyword('string'), [`'{}'`, `ARRAY['x', 'y']`]), collatable: true },
  integerArray: array(keyword('number'), [`'{}'`, 'ARRAY[1, 2]']),
  interval: {
    ts: keyword('string'), dbType: 'interval', family: 'interval', btree: true, methods: [], identity: false, collatable: false,
    defaults: [`'1 day'`, `interval '2 hours'`], predicates: (c) => [`${c} >= interval '0'`], expressions: none,
  },
  int4range: {
    ts: keyword('string'), dbType: 'int4range', family: 'range', btree: true, methods: ['gist'], identity: false, collatable: false,
    defaults: [`'[1,10)'`, 'int4range(1, 5)'], predicates: (c) => [`NOT isempty(${c})`], expressions: none,
  },
  tsvector: {
    ts: keyword('string'), dbType: 'tsvector', family: 'tsvector', btree: false, methods: ['gin', 'gist'], identity: false, collatable: false,
    defaults: [`''::tsvector`], predicates: NOT_NULL, expressions: none,
  },
  point: {
    ts: reference('Point'), dbType: null, family: 'point', btree: false, methods: ['gist'], identity: false, collatable: false,
    defaults: [`'(0,0)'`, 'point(1, 2)'], predicates: NOT_NULL, expressions: none,
  },
} as const satisfies Record<string, ColumnTypeInfo>

export type BaseTypeId = keyof typeof COLUMN_TYPES

export const BASE_TYPE_IDS = Object.keys(COLUMN_TYPES) as readonly BaseTypeId[]

/**
 * A retype the differ can emit as `USING col::type`: a cast exists between the two. The differ
 * casts through text (text[] from an array) when an enum is involved, so an enum retypes to and
 * from any scalar, and an array of enums to and from text and arrays.
 */
export function castable(from: ColumnTypeInfo, to: ColumnTypeInfo): boolean {
  const families = new Set([from.family, to.family])
  // Symmetric, as `down` casts back.
  if (families.has('enumArray')) return families.size === 1 || families.has('text') || families.has('array')
  if (families.has('enum')) return !families.has('array')
  return families.size === 1 || families.has('text')
}

/**
 * `@generated` expressions: a stored generated column of type `target` computed from one column
 * of a `sources` type.
 */
export interface GeneratedTemplate {
  readonly target: BaseTypeId
  readonly sources: readonly BaseTypeId[]
  readonly sql: (source: string) => string
}

const INTEGERS: readonly BaseTypeId[] = ['integer', 'smallint']
const TEXTS: readonly BaseTypeId[] = ['text', 'varchar']

export const GENERATED_TEMPLATES: readonly GeneratedTemplate[] = [
  { target: 'integer', sources: INTEGERS, sql: (c) => `${c} * 2` },
  { target: 'integer', sources: INTEGERS, sql: (c) => `${c} + 1` },
  { target: 'bigint', sources: ['bigint', 'int8'], sql: (c) => `${c} * 2` },
  { target: 'text', sources: TEXTS, sql: (c) => `lower(${c})` },
  { target: 'text', sources: TEXTS, sql: (c) => `${c} || '-'` },
  { target: 'boolean', sources: INTEGERS, sql: (c) => `${c} > 0` },
]
