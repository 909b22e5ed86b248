import type { QualifiedName } from './schema.js'

/** PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes. */
export const MAX_IDENTIFIER_BYTES = 63

/** `public.users` prints as `users`; every other schema is spelled out. */
export function displayName(name: QualifiedName): string {
  return name.schema === 'public' ? name.name : `${name.schema}.${name.name}`
}

export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.schema === b.schema && a.name === b.name
}

/** `schema.name`, to look an object up by name in a Map. */
export function qualifiedKey(name: QualifiedName): string {
  return `${name.schema}.${name.name}`
}

/** Splits a `DB` key such as `'audit.events'` into schema and name (`public` by default). */
export function parseQualifiedName(text: string, defaultSchema = 'public'): QualifiedName {
  const dot = text.indexOf('.')
  return dot === -1
    ? { schema: defaultSchema, name: text }
    : { schema: text.slice(0, dot), name: text.slice(dot + 1) }
}

/** Double-quotes an identifier when PostgreSQL would need it to keep its spelling. */
export function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED_WORDS.has(name) ? name : `"${name.replaceAll('"', '""')}"`
}

export function quoteQualified(name: QualifiedName): string {
  return name.schema === 'public'
    ? quoteIdentifier(name.name)
    : `${quoteIdentifier(name.schema)}.${quoteIdentifier(name.name)}`
}

/** PostgreSQL prints an array of any dimension as the element type followed by `[]`. */
const ARRAY_SUFFIX = '[]'

/** The type of a column's values, as PostgreSQL prints it: `role` for `role` and for `role[]`. */
export function elementType(type: string): string {
  return type.endsWith(ARRAY_SUFFIX) ? type.slice(0, -ARRAY_SUFFIX.length) : type
}

/** A single-quoted SQL string literal. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/**
 * The name PostgreSQL gives a constraint or index created without one (ChooseRelationName in
 * src/backend/commands/indexcmds.c): `<table>_<columns joined by _>_<suffix>`, each part cut so
 * the whole fits in 63 bytes. Used so that unnamed constraints in models get the same names the
 * catalog reports, and a pulled model round-trips exactly.
 *
 * Collisions: PostgreSQL retries with the label `<suffix>1`, `<suffix>2`, ... (and cuts again),
 * which is this function with that label (see models/constraint-names.ts).
 */
export function defaultConstraintName(table: string, columns: readonly string[], suffix: string): string {
  const name2 = columns.join('_')
  return makeObjectName(table, name2 === '' ? null : name2, suffix)
}

/** makeObjectName from PostgreSQL's indexcmds.c: shortens the longer part first. */
function makeObjectName(name1: string, name2: string | null, label: string): string {
  let name1chars = Buffer.byteLength(name1)
  let name2chars = name2 === null ? 0 : Buffer.byteLength(name2)
  const overhead = Buffer.byteLength(label) + 1 + (name2 === null ? 0 : 1)
  const available = MAX_IDENTIFIER_BYTES - overhead
  while (name1chars + name2chars > available) {
    if (name1chars > name2chars) name1chars--
    else name2chars--
  }
  const part1 = clipBytes(name1, name1chars)
  const part2 = name2 === null ? null : clipBytes(name2, name2chars)
  return part2 === null ? `${part1}_${label}` : `${part1}_${part2}_${label}`
}

/** PostgreSQL's pg_mbcliplen: cut to at most `bytes` bytes without splitting a character. */
export function clipBytes(text: string, bytes: number): string {
  // Nearly every name fits: no character-by-character cut (quadratic in the name's length).
  if (Buffer.byteLength(text) <= bytes) return text
  let result = ''
  for (const char of text) {
    if (Buffer.byteLength(result + char) > bytes) break
    result += char
  }
  return result
}

/**
 * Reserved key words (PostgreSQL appendix C, "reserved" and "reserved (can be function or type)")
 * that must be quoted as identifiers.
 */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization',
  'binary', 'both', 'case', 'cast', 'check', 'collate', 'collation', 'column', 'concurrently',
  'constraint', 'create', 'cross', 'current_catalog', 'current_date', 'current_role',
  'current_schema', 'current_time', 'current_timestamp', 'current_user', 'default', 'deferrable',
  'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'freeze',
  'from', 'full', 'grant', 'group', 'having', 'ilike', 'in', 'initially', 'inner', 'intersect',
  'into', 'is', 'isnull', 'join', 'lateral', 'leading', 'left', 'like', 'limit', 'localtime',
  'localtimestamp', 'natural', 'not', 'notnull', 'null', 'offset', 'on', 'only', 'or', 'order',
  'outer', 'overlaps', 'placing', 'primary', 'references', 'returning', 'right', 'select',
  'session_user', 'similar', 'some', 'symmetric', 'system_user', 'table', 'tablesample', 'then',
  'to', 'trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic', 'verbose', 'when',
  'where', 'window', 'with',
])
