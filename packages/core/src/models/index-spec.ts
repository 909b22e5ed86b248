import type {
  CheckConstraint,
  ForeignKey,
  ForeignKeyAction,
  Index,
  IndexKey,
  PrimaryKey,
  QualifiedName,
  UniqueConstraint,
} from '../schema/schema.js'
import {
  isKeyword,
  isName,
  isParenthesised,
  matchingClose,
  splitTopLevel,
  TagSyntaxError,
  textOf,
  tokenize,
  type Token,
} from './sql-tokens.js'

/**
 * The grammar of the constraint and index tags (DESIGN.md, "The model language"). Table tags list
 * their columns in parentheses; the same tags on a property apply to that column and omit the
 * list. `name:` is optional everywhere; without it the reader later gives PostgreSQL's own
 * default name. Keywords are case-insensitive; column and table names are matched as written.
 * Column names are not checked here (see validate-references.ts).
 */

/** A constraint or index as declared: the name may still be missing. */
export type Unnamed<T> = Omit<T, 'name' | 'origin'> & { readonly name: string | null }

const DEFAULT_INDEX_METHOD = 'btree'
const DEFAULT_SCHEMA = 'public'

export function parsePrimaryKey(text: string, column: string | null): Unnamed<PrimaryKey> {
  const cursor = new TagCursor(text)
  const name = cursor.constraintName()
  const columns = column === null ? cursor.columnList() : [column]
  cursor.expectEnd()
  return { name, columns }
}

export function parseUnique(text: string, column: string | null): Unnamed<UniqueConstraint> {
  const cursor = new TagCursor(text)
  const name = cursor.constraintName()
  const columns = column === null ? cursor.columnList() : [column]
  const nullsNotDistinct = cursor.keyword('nullsNotDistinct')
  cursor.expectEnd()
  return { name, columns, nullsNotDistinct }
}

export function parseCheck(text: string): Unnamed<CheckConstraint> {
  const cursor = new TagCursor(text)
  const name = cursor.constraintName()
  const expression = cursor.rest()
  if (expression === '') throw new TagSyntaxError('needs a boolean SQL expression')
  return { name, expression }
}

/** `[name:] (key [asc|desc] [nulls first|last], ...) [unique] [nullsNotDistinct] [using m] [include (c)] [where p]`. */
export function parseIndex(text: string, column: string | null): Unnamed<Index> {
  const cursor = new TagCursor(text)
  const name = cursor.constraintName()
  const keys: readonly IndexKey[] =
    column === null ? cursor.group().map((item) => indexKey(text, item)) : [{ kind: 'column', column, direction: 'asc', nulls: 'last' }]
  let unique = false
  let nullsNotDistinct = false
  let method = DEFAULT_INDEX_METHOD
  let include: readonly string[] = []
  let where: string | null = null
  while (!cursor.atEnd()) {
    if (cursor.keyword('unique')) unique = true
    else if (cursor.keyword('nullsNotDistinct')) nullsNotDistinct = true
    else if (cursor.keyword('using')) method = cursor.name('an access method').toLowerCase()
    else if (cursor.keyword('include')) include = cursor.columnList()
    else if (cursor.keyword('where')) where = cursor.rest()
    else throw cursor.unexpected()
  }
  if (where === '') throw new TagSyntaxError('"where" needs a predicate')
  return { name, unique, method, keys, include, where, nullsNotDistinct }
}

/** Column tag: `[name:] <table>.<column> [onDelete a] [onUpdate a] [deferrable [initially deferred]]`. */
export function parseReferences(text: string, column: string): Unnamed<ForeignKey> {
  const cursor = new TagCursor(text)
  const name = cursor.constraintName()
  const path = cursor.path()
  if (path.length < 2 || path.length > 3) throw new TagSyntaxError(`expected <table>.<column> or <schema>.<table>.<column>, got "${path.join('.')}"`)
  const references = qualified(path.slice(0, -1))
  return { name, columns: [column], references, referencedColumns: path.slice(-1), ...foreignKeyOptions(cursor) }
}

/** Table tag: `[name:] (a, b) references <table> (x, y) [options]`. */
export function parseForeignKey(text: string): Unnamed<ForeignKey> {
  const cursor = new TagCursor(text)
  const name = cursor.constraintName()
  const columns = cursor.columnList()
  cursor.expectKeyword('references')
  const path = cursor.path()
  if (path.length > 2) throw new TagSyntaxError(`expected <table> or <schema>.<table>, got "${path.join('.')}"`)
  const references = qualified(path)
  const referencedColumns = cursor.columnList()
  if (referencedColumns.length !== columns.length) {
    throw new TagSyntaxError(`lists ${columns.length} column(s) but references ${referencedColumns.length}`)
  }
  return { name, columns, references, referencedColumns, ...foreignKeyOptions(cursor) }
}

type ForeignKeyOptions = Pick<ForeignKey, 'onDelete' | 'onUpdate' | 'deferrable' | 'initiallyDeferred'>

function foreignKeyOptions(cursor: TagCursor): ForeignKeyOptions {
  let options: ForeignKeyOptions = { onDelete: 'no action', onUpdate: 'no action', deferrable: false, initiallyDeferred: false }
  while (!cursor.atEnd()) {
    if (cursor.keyword('onDelete')) options = { ...options, onDelete: action(cursor) }
    else if (cursor.keyword('onUpdate')) options = { ...options, onUpdate: action(cursor) }
    else if (cursor.keyword('deferrable')) options = { ...options, deferrable: true, initiallyDeferred: initiallyDeferred(cursor) }
    else throw cursor.unexpected()
  }
  return options
}

/** `[initially deferred|immediate]` after `deferrable`. */
function initiallyDeferred(cursor: TagCursor): boolean {
  if (!cursor.keyword('initially')) return false
  if (cursor.keyword('deferred')) return true
  cursor.expectKeyword('immediate')
  return false
}

function action(cursor: TagCursor): ForeignKeyAction {
  if (cursor.keyword('cascade')) return 'cascade'
  if (cursor.keyword('restrict')) return 'restrict'
  if (cursor.keyword('set')) {
    if (cursor.keyword('null')) return 'set null'
    cursor.expectKeyword('default')
    return 'set default'
  }
  if (cursor.keyword('no')) {
    cursor.expectKeyword('action')
    return 'no action'
  }
  throw new TagSyntaxError(`expected cascade, restrict, set null, set default or no action${cursor.found()}`)
}

function qualified(path: readonly string[]): QualifiedName {
  return path.length === 1 ? { schema: DEFAULT_SCHEMA, name: path[0] } : { schema: path[0], name: path[1] }
}

/**
 * `title`, `(title)` → a column key; `lower(title)`, `(a + b)` → an expression key (without its
 * parentheses). PostgreSQL requires any other expression in parentheses, so a bare `title
 * gin_trgm_ops` (an operator class) is refused rather than passed on as an expression.
 */
function indexKey(source: string, item: readonly Token[]): IndexKey {
  let end = item.length
  let nulls: 'first' | 'last' | null = null
  if (end >= 2 && isKeyword(item[end - 2], 'nulls') && (isKeyword(item[end - 1], 'first') || isKeyword(item[end - 1], 'last'))) {
    nulls = isKeyword(item[end - 1], 'first') ? 'first' : 'last'
    end -= 2
  }
  let direction: 'asc' | 'desc' = 'asc'
  if (end >= 1 && (isKeyword(item[end - 1], 'asc') || isKeyword(item[end - 1], 'desc'))) {
    direction = isKeyword(item[end - 1], 'desc') ? 'desc' : 'asc'
    end -= 1
  }
  // PostgreSQL's defaults: nulls sort as larger than any value.
  const order = { direction, nulls: nulls ?? (direction === 'desc' ? 'first' : 'last') } as const
  const body = item.slice(0, end)
  const inner = isParenthesised(body) ? body.slice(1, -1) : body
  if (inner.length === 1 && isName(inner[0])) return { kind: 'column', column: inner[0].value, ...order }
  if (inner.length === 0 || (inner === body && !isFunctionCall(body))) {
    throw new TagSyntaxError(
      `index key "${textOf(source, item)}" must be a column, a function call or an expression in parentheses (operator classes and collations are not supported yet)`,
    )
  }
  return { kind: 'expression', expression: textOf(source, inner), ...order }
}

/** `f(...)` or `schema.f(...)` spanning all the tokens. */
export function isFunctionCall(tokens: readonly Token[]): boolean {
  let i = 0
  while (isName(tokens[i]) && tokens[i + 1]?.text === '.') i += 2
  return isName(tokens[i]) && tokens[i + 1]?.text === '(' && matchingClose(tokens, i + 1) === tokens.length - 1
}

/** Reads tag text token by token. */
export class TagCursor {
  private readonly tokens: readonly Token[]
  private position = 0

  constructor(private readonly source: string) {
    this.tokens = tokenize(source)
  }

  atEnd(): boolean {
    return this.position >= this.tokens.length
  }

  /** Consumes the keyword when it is next. */
  keyword(word: string): boolean {
    if (!isKeyword(this.tokens[this.position], word)) return false
    this.position++
    return true
  }

  expectKeyword(word: string): void {
    if (!this.keyword(word)) throw new TagSyntaxError(`expected "${word}"${this.found()}`)
  }

  expectEnd(): void {
    if (!this.atEnd()) throw this.unexpected()
  }

  /** An optional `name:` prefix (a single colon: `a::int` is a cast). */
  constraintName(): string | null {
    const [first, second] = this.tokens.slice(this.position, this.position + 2)
    if (!isName(first) || second?.text !== ':') return null
    this.position += 2
    return first.value
  }

  name(what: string): string {
    const token = this.tokens[this.position]
    if (!isName(token)) throw new TagSyntaxError(`expected ${what}${this.found()}`)
    this.position++
    return token.value
  }

  /** `a`, `a.b` or `a.b.c`. */
  path(): readonly string[] {
    const parts = [this.name('a table name')]
    while (this.tokens[this.position]?.text === '.') {
      this.position++
      parts.push(this.name('a name after "."'))
    }
    return parts
  }

  /** The comma-separated items of a parenthesised list. */
  group(): readonly (readonly Token[])[] {
    const open = this.tokens[this.position]
    if (open?.text !== '(') throw new TagSyntaxError(`expected "("${this.found()}`)
    const close = matchingClose(this.tokens, this.position)
    const items = splitTopLevel(this.tokens.slice(this.position + 1, close))
    this.position = close + 1
    if (items.some((item) => item.length === 0)) throw new TagSyntaxError('empty item in a parenthesised list')
    return items
  }

  /** `(a, b)`: each item one column name. */
  columnList(): readonly string[] {
    return this.group().map((item) => {
      if (item.length !== 1 || !isName(item[0])) throw new TagSyntaxError(`expected a column name, got "${textOf(this.source, item)}"`)
      return item[0].value
    })
  }

  /** The text up to the first top-level token where `stop(tokens, index)` holds, verbatim. */
  until(stop: (tokens: readonly Token[], index: number) => boolean): string {
    const start = this.position
    while (!this.atEnd() && !stop(this.tokens, this.position)) {
      this.position = this.tokens[this.position].kind === 'open' ? matchingClose(this.tokens, this.position) + 1 : this.position + 1
    }
    return textOf(this.source, this.tokens.slice(start, this.position))
  }

  /** The remaining text, verbatim. */
  rest(): string {
    const rest = textOf(this.source, this.tokens.slice(this.position))
    this.position = this.tokens.length
    return rest
  }

  unexpected(): TagSyntaxError {
    return new TagSyntaxError(`unexpected "${textOf(this.source, this.tokens.slice(this.position))}"`)
  }

  found(): string {
    return this.atEnd() ? ', found the end' : `, found "${this.tokens[this.position].text}"`
  }
}
