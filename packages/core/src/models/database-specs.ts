import type { Domain, Sequence } from '../schema/schema.js'
import { TagCursor } from './index-spec.js'
import { isKeyword, type Token, TagSyntaxError } from './sql-tokens.js'

/**
 * Grammars of the database-level tags (DESIGN.md, "Database-level declarations"):
 *
 *   @sequence <name> [as <type>] [start <n>] [increment <n>] [ownedBy <table>.<column>]
 *   @domain <base type> [not null] [default <sql>] [check [name:] <sql>]...
 *
 * What a tag leaves out is what PostgreSQL would choose; the canonical form comes from the
 * scratch database anyway, so only the written parts need to be right here.
 */

export type SequenceSpec = Omit<Sequence, 'origin'>
export type DomainSpec = Omit<Domain, 'schema' | 'name' | 'origin' | 'checks'> & {
  readonly checks: readonly { readonly name: string | null; readonly expression: string }[]
}

const SEQUENCE_TYPE = 'bigint'
const SEQUENCE_KEYWORDS: readonly string[] = ['as', 'start', 'increment', 'ownedBy']
const DOMAIN_KEYWORDS: readonly string[] = ['default', 'check']

export function parseSequence(text: string): SequenceSpec {
  const cursor = new TagCursor(text)
  const path = cursor.path()
  if (path.length > 2) throw new TagSyntaxError(`expected <name> or <schema>.<name>, got "${path.join('.')}"`)
  let type = SEQUENCE_TYPE
  let start: string | null = null
  let increment = '1'
  let ownedBy: Sequence['ownedBy'] = null
  const value = (what: string): string => {
    const found = cursor.until(atKeyword(SEQUENCE_KEYWORDS))
    if (found === '') throw new TagSyntaxError(`"${what}" needs a value`)
    return found
  }
  while (!cursor.atEnd()) {
    if (cursor.keyword('as')) type = value('as')
    else if (cursor.keyword('start')) start = integer(value('start'))
    else if (cursor.keyword('increment')) increment = integer(value('increment'))
    else if (cursor.keyword('ownedBy')) {
      const owner = cursor.path()
      if (owner.length < 2 || owner.length > 3) throw new TagSyntaxError(`ownedBy expects <table>.<column>, got "${owner.join('.')}"`)
      const table = owner.slice(0, -1)
      ownedBy = { table: table.length === 1 ? { schema: 'public', name: table[0] } : { schema: table[0], name: table[1] }, column: owner[owner.length - 1] }
    } else throw cursor.unexpected()
  }
  const name = path.length === 1 ? { schema: 'public', name: path[0] } : { schema: path[0], name: path[1] }
  // PostgreSQL starts an ascending sequence at 1 and a descending one at -1.
  return { ...name, type, start: start ?? (increment.startsWith('-') ? '-1' : '1'), increment, ownedBy }
}

export function parseDomain(text: string): DomainSpec {
  const cursor = new TagCursor(text)
  const stop = (tokens: readonly Token[], index: number): boolean => atKeyword(DOMAIN_KEYWORDS)(tokens, index) || isNotNull(tokens, index)
  const type = cursor.until(stop)
  if (type === '') throw new TagSyntaxError('needs a base type')
  let notNull = false
  let defaultValue: string | null = null
  const checks: { name: string | null; expression: string }[] = []
  while (!cursor.atEnd()) {
    if (cursor.keyword('not')) {
      cursor.expectKeyword('null')
      notNull = true
    } else if (cursor.keyword('default')) {
      defaultValue = cursor.until(stop)
      if (defaultValue === '') throw new TagSyntaxError('"default" needs an expression')
    } else if (cursor.keyword('check')) {
      const name = cursor.constraintName()
      const expression = cursor.until(stop)
      if (expression === '') throw new TagSyntaxError('"check" needs a boolean expression on VALUE')
      checks.push({ name, expression })
    } else throw cursor.unexpected()
  }
  return { type, notNull, default: defaultValue, checks }
}

function atKeyword(keywords: readonly string[]): (tokens: readonly Token[], index: number) => boolean {
  return (tokens, index) => keywords.some((keyword) => isKeyword(tokens[index], keyword))
}

function isNotNull(tokens: readonly Token[], index: number): boolean {
  return isKeyword(tokens[index], 'not') && isKeyword(tokens[index + 1], 'null')
}

function integer(text: string): string {
  const compact = text.replace(/\s+/g, '')
  if (!/^-?\d+$/.test(compact)) throw new TagSyntaxError(`expected an integer, got "${text}"`)
  return compact
}
