/**
 * A tiny typed AST of a models file, as `migrate pull` writes it (in the spirit of
 * kysely-codegen's): the builder decides what to say, `serializeModels` decides how it looks.
 */

export interface ModelFile {
  /** Lines of the comment at the top of the file. */
  readonly header: readonly string[]
  /** Names imported as types from `kysely`. */
  readonly kyselyImports: readonly string[]
  readonly declarations: readonly Declaration[]
}

export type Declaration = AliasDeclaration | InterfaceDeclaration

export interface AliasDeclaration {
  readonly kind: 'alias'
  readonly name: string
  readonly doc: Doc
  readonly type: TypeExpression
}

export interface InterfaceDeclaration {
  readonly kind: 'interface'
  readonly name: string
  readonly doc: Doc
  readonly members: readonly Member[]
}

export interface Member {
  /** Written quoted when it is not an identifier. */
  readonly name: string
  readonly doc: Doc
  readonly type: TypeExpression
}

export interface Doc {
  readonly description: string | null
  readonly tags: readonly DocTag[]
}

export interface DocTag {
  readonly name: string
  readonly text: string
}

export type TypeExpression =
  | { readonly kind: 'keyword'; readonly name: 'string' | 'number' | 'boolean' | 'bigint' | 'null' | 'undefined' | 'unknown' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'reference'; readonly name: string; readonly args: readonly TypeExpression[] }
  | { readonly kind: 'array'; readonly element: TypeExpression }
  | { readonly kind: 'union'; readonly members: readonly TypeExpression[] }
  | { readonly kind: 'object'; readonly members: readonly Member[] }

export const NO_DOC: Doc = { description: null, tags: [] }

export function keyword(name: Extract<TypeExpression, { kind: 'keyword' }>['name']): TypeExpression {
  return { kind: 'keyword', name }
}

export function reference(name: string, ...args: readonly TypeExpression[]): TypeExpression {
  return { kind: 'reference', name, args }
}

export function union(...members: readonly TypeExpression[]): TypeExpression {
  return members.length === 1 ? members[0] : { kind: 'union', members }
}
