import { clipBytes, MAX_IDENTIFIER_BYTES } from '../schema/names.js'
import type { IndexKey } from '../schema/schema.js'
import { isFunctionCall } from './index-spec.js'
import { isKeyword, isName, isParenthesised, sqlIdentifier, tokenize, type Token } from './sql-tokens.js'

/**
 * The column part of a default index name, as PostgreSQL chooses it (ChooseIndexColumnNames in
 * indexcmds.c, FigureIndexColname in parse_target.c): a column key gives its name, an expression
 * key the name of its function (`lower(title)` → `lower`), of its cast target type (`(a + b)::int`
 * → `int4`), `case`, `array`, or else `expr`; a name already used in the same index gets 1, 2, ...
 * INCLUDE columns count too (`t_a_b_idx` for `(a) include (b)`). Verified against PostgreSQL 18.
 */

const EXPRESSION_NAME = 'expr'

/** How sure FigureColnameInternal is of a name: a type name (1) yields to a column or function (2). */
const STRONG = 2
const WEAK = 1

/** SQL-standard type names the grammar rewrites to PostgreSQL's internal names. */
const INTERNAL_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['int', 'int4'],
  ['integer', 'int4'],
  ['smallint', 'int2'],
  ['bigint', 'int8'],
  ['real', 'float4'],
  ['float', 'float8'],
  ['double precision', 'float8'],
  ['decimal', 'numeric'],
  ['dec', 'numeric'],
  ['boolean', 'bool'],
  ['char', 'bpchar'],
  ['character', 'bpchar'],
  ['character varying', 'varchar'],
  ['char varying', 'varchar'],
  ['timestamp without time zone', 'timestamp'],
  ['timestamp with time zone', 'timestamptz'],
  ['time without time zone', 'time'],
  ['time with time zone', 'timetz'],
  ['bit varying', 'varbit'],
])

export function indexColumnNames(keys: readonly IndexKey[], include: readonly string[]): readonly string[] {
  const names: string[] = []
  const preliminary = [...keys.map((key) => (key.kind === 'column' ? key.column : figureIndexColname(key.expression))), ...include]
  for (const name of preliminary) {
    let candidate = name
    for (let i = 1; names.includes(candidate); i++) candidate = clipBytes(name, MAX_IDENTIFIER_BYTES - String(i).length) + i
    names.push(candidate)
  }
  return names
}

function figureIndexColname(expression: string): string {
  return figure(tokenize(expression))?.name ?? EXPRESSION_NAME
}

interface Figured {
  readonly name: string
  readonly strength: number
}

function figure(tokens: readonly Token[]): Figured | null {
  if (isParenthesised(tokens)) return figure(tokens.slice(1, -1))
  const collate = topLevelIndex(tokens, (token) => isKeyword(token, 'collate'))
  if (collate > 0) return figure(tokens.slice(0, collate))
  const cast = topLevelIndex(tokens, (token) => token.text === '::')
  if (cast > 0) return castName(figure(tokens.slice(0, cast)), tokens.slice(cast + 1))
  return primaryName(tokens)
}

/** `x::type`: the name of x when it is strong, else the type's. Casts chain left to right. */
function castName(inner: Figured | null, rest: readonly Token[]): Figured | null {
  const next = topLevelIndex(rest, (token) => token.text === '::')
  const typeTokens = next === -1 ? rest : rest.slice(0, next)
  const figured = inner !== null && inner.strength >= STRONG ? inner : { name: typeName(typeTokens), strength: WEAK }
  return next === -1 ? figured : castName(figured, rest.slice(next + 1))
}

function primaryName(tokens: readonly Token[]): Figured | null {
  const first = tokens[0]
  if (isKeyword(first, 'case')) return { name: 'case', strength: WEAK }
  if (isKeyword(first, 'array') && tokens[1]?.text === '[') return { name: 'array', strength: WEAK }
  if (isFunctionCall(tokens)) {
    const open = tokens.findIndex((token) => token.text === '(')
    const name = sqlIdentifier(tokens[open - 1])!
    // CAST(x AS type) is a type cast, not a function.
    if (name === 'cast' && open === 1) return castSyntax(tokens.slice(open + 1, -1))
    return { name, strength: STRONG }
  }
  // A column reference, possibly qualified: its last name.
  const names = tokens.filter((_, index) => index % 2 === 0)
  const dots = tokens.filter((_, index) => index % 2 === 1)
  if (names.every(isName) && dots.every((token) => token.text === '.') && tokens.length % 2 === 1) {
    return { name: sqlIdentifier(names[names.length - 1])!, strength: STRONG }
  }
  return null
}

function castSyntax(inside: readonly Token[]): Figured | null {
  const as = topLevelIndex(inside, (token) => isKeyword(token, 'as'))
  return as === -1 ? null : castName(figure(inside.slice(0, as)), inside.slice(as + 1))
}

/** `varchar(3)` → `varchar`, `double precision` → `float8`, `pg_catalog.text[]` → `text`. */
function typeName(tokens: readonly Token[]): string {
  const words = tokens.filter(isName).map((token) => sqlIdentifier(token)!)
  return INTERNAL_TYPE_NAMES.get(words.join(' ')) ?? words[words.length - 1] ?? EXPRESSION_NAME
}

function topLevelIndex(tokens: readonly Token[], matches: (token: Token) => boolean): number {
  let depth = 0
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === 'open') depth++
    else if (tokens[i].kind === 'close') depth--
    else if (depth === 0 && matches(tokens[i])) return i
  }
  return -1
}
