/**
 * A small SQL tokenizer for tag text: enough to find top-level commas and parentheses, names,
 * keywords and column references, while skipping over string literals and quoted identifiers.
 * Tokens keep their offsets, so expressions are passed on exactly as the user wrote them.
 */

type TokenKind = 'identifier' | 'quoted' | 'string' | 'number' | 'open' | 'close' | 'comma' | 'operator'

export interface Token {
  readonly kind: TokenKind
  /** The token as written. */
  readonly text: string
  /** Identifiers as written, quoted identifiers and strings unescaped. */
  readonly value: string
  readonly start: number
  readonly end: number
}

/** A tag whose text does not follow its grammar; the caller adds file, line and symbol. */
export class TagSyntaxError extends Error {}

const IDENTIFIER_START = /[A-Za-z_\u0080-\uffff]/
const IDENTIFIER_PART = /[A-Za-z0-9_$\u0080-\uffff]/
const OPERATOR_CHAR = /[+\-*/<>=~!@#%^&|?.:;]/
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/

export function tokenize(sql: string): readonly Token[] {
  const tokens: Token[] = []
  let i = 0
  const push = (kind: TokenKind, end: number, value = sql.slice(i, end)): void => {
    tokens.push({ kind, text: sql.slice(i, end), value, start: i, end })
    i = end
  }
  while (i < sql.length) {
    const char = sql[i]
    if (/\s/.test(char)) i++
    else if (char === '(' || char === '[') push('open', i + 1)
    else if (char === ')' || char === ']') push('close', i + 1)
    else if (char === ',') push('comma', i + 1)
    else if (char === '"') push('quoted', ...readQuoted(sql, i, '"'))
    else if (char === "'") push('string', ...readQuoted(sql, i, "'"))
    else if (char === '$' && DOLLAR_TAG.test(sql.slice(i))) push('string', ...readDollarQuoted(sql, i))
    else if (IDENTIFIER_START.test(char)) push('identifier', scan(sql, i, IDENTIFIER_PART))
    else if (/[0-9]/.test(char)) push('number', scan(sql, i, /[0-9.eE]/))
    else if (char === ':' && sql[i + 1] === ':') push('operator', i + 2)
    else if (char === ':' || char === '.') push('operator', i + 1)
    else if (OPERATOR_CHAR.test(char)) push('operator', scan(sql, i, /[+\-*/<>=~!@#%^&|?]/))
    else throw new TagSyntaxError(`unexpected character "${char}"`)
  }
  return tokens
}

function scan(sql: string, start: number, part: RegExp): number {
  let end = start + 1
  while (end < sql.length && part.test(sql[end])) end++
  return end
}

/** `'it''s'` and `"a ""b"""`: the quote doubled inside stands for itself. */
function readQuoted(sql: string, start: number, quote: string): [number, string] {
  let value = ''
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== quote) value += sql[i]
    else if (sql[i + 1] === quote) value += sql[i++]
    else return [i + 1, value]
  }
  throw new TagSyntaxError(`unterminated ${quote} quote`)
}

function readDollarQuoted(sql: string, start: number): [number, string] {
  const tag = DOLLAR_TAG.exec(sql.slice(start))![0]
  const close = sql.indexOf(tag, start + tag.length)
  if (close === -1) throw new TagSyntaxError(`unterminated ${tag} quote`)
  return [close + tag.length, sql.slice(start + tag.length, close)]
}

/** The identifier as PostgreSQL sees it: unquoted names fold to lower case. */
export function sqlIdentifier(token: Token): string | null {
  if (token.kind === 'identifier') return token.text.toLowerCase()
  return token.kind === 'quoted' ? token.value : null
}

export function isName(token: Token | undefined): token is Token {
  return token !== undefined && (token.kind === 'identifier' || token.kind === 'quoted')
}

export function isKeyword(token: Token | undefined, keyword: string): boolean {
  return token?.kind === 'identifier' && token.text.toLowerCase() === keyword.toLowerCase()
}

/** Index of the `)` or `]` closing the bracket at `open`. */
export function matchingClose(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].kind === 'open') depth++
    else if (tokens[i].kind === 'close' && --depth === 0) return i
  }
  throw new TagSyntaxError('unbalanced parentheses')
}

/** Splits `tokens` at the commas that are not nested in brackets. */
export function splitTopLevel(tokens: readonly Token[]): readonly (readonly Token[])[] {
  const items: Token[][] = [[]]
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token.kind === 'comma') items.push([])
    else if (token.kind === 'open') {
      const close = matchingClose(tokens, i)
      items[items.length - 1].push(...tokens.slice(i, close + 1))
      i = close
    } else if (token.kind === 'close') throw new TagSyntaxError('unbalanced parentheses')
    else items[items.length - 1].push(token)
  }
  return items
}

/** The source text spanned by a run of tokens. */
export function textOf(source: string, tokens: readonly Token[]): string {
  return tokens.length === 0 ? '' : source.slice(tokens[0].start, tokens[tokens.length - 1].end)
}

/** True when the run is one bracketed group: `( ... )`. */
export function isParenthesised(tokens: readonly Token[]): boolean {
  return tokens.length >= 2 && tokens[0].text === '(' && matchingClose(tokens, 0) === tokens.length - 1
}
