import type { ts as TS } from 'ts-morph'
import type { EnumType, EnumValueRename, ModelOrigin, QualifiedName } from '../schema/schema.js'
import { checkTagNames, type JsDocTag, readJsDoc, tagOrigin } from './jsdoc-tags.js'
import { errorAt } from './model-errors.js'
import { originOf } from './model-location.js'
import { ENUM_TYPE_TAG, snakeCase } from './enum-names.js'
import { declarationName } from './resolve-aliases.js'
import { tokenize } from './sql-tokens.js'
import { ts } from './typescript.js'

type TypeAliasDeclaration = TS.TypeAliasDeclaration
type TypeNode = TS.TypeNode

/**
 * Enum types: a named union of string literals (`export type OrderStatus = 'new' | 'paid'`) is
 * the enum `order_status`, values in declared order, in `public` unless the alias has
 * `@schema <name>`; its description is the type's comment. Only aliases some column uses count,
 * and aliases tagged `@enumType` (an enum no column uses, e.g. one a function takes).
 * `@renamedValue <old> <new>` (one per renamed value; quote a value with spaces as 'a b') says
 * that the value <new> was called <old>: ALTER TYPE ... RENAME VALUE keeps the rows using it.
 */

const ENUM_TAGS: ReadonlySet<string> = new Set(['schema', 'renamedValue', ENUM_TYPE_TAG])
const DEFAULT_SCHEMA = 'public'

/** The string literal members when `node` is a union of string literals (null/undefined aside). */
export function stringLiterals(node: TypeNode): readonly string[] | null {
  const members = ts.isUnionTypeNode(node) ? node.types : [node]
  const values = members.filter((member) => !isNullish(member)).map(stringLiteral)
  return values.length > 0 && values.every((value) => value !== null) ? (values as string[]) : null
}

function stringLiteral(node: TypeNode): string | null {
  if (!ts.isLiteralTypeNode(node)) return null
  const literal = node.literal
  return ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal) ? literal.text : null
}

export function isNull(node: TypeNode): boolean {
  return ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword
}

/** `null` or `undefined` (the latter means nothing to the database: Kysely's optional insert). */
export function isNullish(node: TypeNode): boolean {
  return isNull(node) || node.kind === ts.SyntaxKind.UndefinedKeyword
}

/** An alias tagged `@enumType`: its enum is declared even when no column uses it. */
export function isDeclaredEnumAlias(alias: TypeAliasDeclaration): boolean {
  const tag = readJsDoc(alias).tags.find((t) => t.name === ENUM_TYPE_TAG)
  if (tag === undefined) return false
  const origin = tagOrigin(originOf(alias, declarationName(alias)), tag)
  if (tag.text !== '') throw errorAt(origin, `@${ENUM_TYPE_TAG} takes no text, found "${tag.text}"`)
  if (stringLiterals(alias.type) === null) throw errorAt(origin, `@${ENUM_TYPE_TAG} needs a union of string literals`)
  return true
}

/** Reads an enum alias (its type node must satisfy `stringLiterals`). */
function readEnum(alias: TypeAliasDeclaration): EnumType {
  const origin = originOf(alias, declarationName(alias))
  const doc = readJsDoc(alias)
  checkTagNames(doc.tags, ENUM_TAGS, origin)
  const schemaTags = doc.tags.filter((tag) => tag.name === 'schema')
  if (schemaTags.length > 1) throw errorAt(origin, 'more than one @schema tag')
  const schema = schemaTags.length === 0 ? DEFAULT_SCHEMA : schemaTags[0].text
  if (!/^\S+$/.test(schema)) throw errorAt({ ...origin, line: schemaTags[0].line }, `@schema needs one schema name, got "${schema}"`)
  const values = stringLiterals(alias.type) ?? []
  const duplicate = values.find((value, index) => values.indexOf(value) !== index)
  if (duplicate !== undefined) throw errorAt(origin, `enum value "${duplicate}" is listed twice`)
  const renamedValues = doc.tags.filter((tag) => tag.name === 'renamedValue').map((tag) => readValueRename(tag, values, origin))
  return { schema, name: snakeCase(declarationName(alias)), values, comment: doc.description, renamedValues, origin }
}

/** `old new`: two words or single-quoted strings; `new` is a value, `old` no longer is. */
function readValueRename(tag: JsDocTag, values: readonly string[], origin: ModelOrigin): EnumValueRename {
  const at = tagOrigin(origin, tag)
  let tokens
  try {
    tokens = tokenize(tag.text)
  } catch {
    tokens = null
  }
  const words = tokens?.every((token) => token.kind === 'identifier' || token.kind === 'string') ? tokens.map((token) => token.value) : []
  if (words.length !== 2) throw errorAt(at, `@renamedValue needs the old and the new value ("@renamedValue old_value new_value"), found "${tag.text}"`)
  const [from, to] = words
  if (!values.includes(to)) throw errorAt(at, `@renamedValue: "${to}" is not a value of this enum`)
  if (values.includes(from)) throw errorAt(at, `@renamedValue: "${from}" is still a value of this enum`)
  return { from, to }
}

/** The enums the columns use, each read once; two aliases may not claim the same SQL name. */
export class EnumRegistry {
  private readonly byAlias = new Map<TypeAliasDeclaration, EnumType>()
  private readonly byName = new Map<string, TypeAliasDeclaration>()

  use(alias: TypeAliasDeclaration): QualifiedName {
    const known = this.byAlias.get(alias)
    if (known !== undefined) return known
    const type = readEnum(alias)
    const key = `${type.schema}.${type.name}`
    const other = this.byName.get(key)
    if (other !== undefined) {
      const first = originOf(other, declarationName(other))
      throw errorAt(originOf(alias, declarationName(alias)), `enum "${key}" is already declared by ${first.symbol} at ${first.file}:${first.line}`)
    }
    this.byAlias.set(alias, type)
    this.byName.set(key, alias)
    return type
  }

  /** Sorted by schema and name, so the output does not depend on which table used them first. */
  list(): readonly EnumType[] {
    return [...this.byAlias.values()].sort((a, b) => (a.schema === b.schema ? compare(a.name, b.name) : compare(a.schema, b.schema)))
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
