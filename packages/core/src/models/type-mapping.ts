import type { ts as TS } from 'ts-morph'
import type { IdentityKind } from '../schema/schema.js'
import { quoteQualified } from '../schema/names.js'
import { type DomainRegistry, isDomainAlias } from './domain-types.js'
import { isNull, isNullish, stringLiterals, type EnumRegistry } from './enum-types.js'
import { checkTagNames, readJsDoc } from './jsdoc-tags.js'
import { originOf } from './model-location.js'
import { declarationName, findDeclaration } from './resolve-aliases.js'
import type { ModelSources } from './source-files.js'
import { ts } from './typescript.js'
import {
  ARRAY_WRAPPERS,
  GENERATED_WRAPPERS,
  JSON_WRAPPERS,
  JSONB,
  KEYWORD_TYPES,
  NAMED_TYPES,
  SELECT_TYPE_WRAPPERS,
} from './vocabulary.js'

type TypeAliasDeclaration = TS.TypeAliasDeclaration
type TypeNode = TS.TypeNode
type TypeReferenceNode = TS.TypeReferenceNode
type UnionTypeNode = TS.UnionTypeNode

/**
 * TypeScript type → SQL type, by walking type nodes and resolving aliases by hand. A type that
 * has no SQL type is not an error here but a `problem`: the column may give `@dbType`, and then
 * only nullability and `Generated` matter. Enums are registered only when their type is used.
 */

export type SqlType = { readonly type: string } | { readonly problem: string }

export interface MappedType {
  readonly sql: SqlType
  /** `| null` somewhere in the type (`| undefined` means nothing to the database). */
  readonly nullable: boolean
  /** `Generated<T>` → `by default`, `GeneratedAlways<T>` → `always`. */
  readonly generated: IdentityKind | null
}

/** Type parameters of a generic alias, bound to the arguments at its use. */
type Bindings = ReadonlyMap<string, { readonly node: TypeNode; readonly bindings: Bindings }>

const NO_BINDINGS: Bindings = new Map()
/** A plain (non-enum) alias may carry a description, no tags. */
const NO_TAGS: ReadonlySet<string> = new Set()
const UNKNOWN_HINT = '(use @dbType to give its SQL type)'

export class TypeMapper {
  /** Aliases being expanded, to stop on circular aliases. */
  private readonly expanding = new Set<TypeAliasDeclaration>()

  constructor(
    private readonly sources: ModelSources,
    private readonly enums: EnumRegistry,
    private readonly domains: DomainRegistry,
  ) {}

  map(node: TypeNode, bindings: Bindings = NO_BINDINGS): MappedType {
    if (ts.isParenthesizedTypeNode(node)) return this.map(node.type, bindings)
    if (ts.isUnionTypeNode(node)) return this.union(node, bindings)
    if (ts.isTypeReferenceNode(node)) return this.reference(node, bindings)
    if (ts.isArrayTypeNode(node)) return this.array(node.elementType, bindings)
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return this.map(node.type, bindings)
    if (ts.isTypeLiteralNode(node) || ts.isTupleTypeNode(node) || ts.isMappedTypeNode(node)) return plain(JSONB)
    const keyword = KEYWORD_TYPES.get(node.kind)
    if (keyword !== undefined) return plain(keyword)
    if (isNullish(node)) return problem(`"${node.getText()}" alone has no SQL type`)
    if (stringLiterals(node) !== null) return problem(inlineEnumProblem(node))
    return problem(`unsupported type "${node.getText()}" ${UNKNOWN_HINT}`)
  }

  private union(node: UnionTypeNode, bindings: Bindings): MappedType {
    const members = node.types
    const rest = members.filter((member) => !isNullish(member))
    const nullable = members.some(isNull)
    if (stringLiterals(node) !== null) return { ...problem(inlineEnumProblem(node)), nullable }
    const mapped = rest.map((member) => this.map(member, bindings))
    const sql = mapped.map((member) => member.sql)
    const types = new Set(sql.map((member) => ('type' in member ? member.type : null)))
    return {
      sql: sql.find((member) => 'problem' in member) ?? (types.size === 1 ? sql[0] : { problem: `union type "${node.getText()}" has no single SQL type ${UNKNOWN_HINT}` }),
      nullable: nullable || mapped.some((member) => member.nullable),
      generated: mapped.find((member) => member.generated !== null)?.generated ?? null,
    }
  }

  private array(element: TypeNode, bindings: Bindings): MappedType {
    const inner = this.map(element, bindings)
    return { sql: 'type' in inner.sql ? { type: `${inner.sql.type}[]` } : inner.sql, nullable: false, generated: null }
  }

  private reference(node: TypeReferenceNode, bindings: Bindings): MappedType {
    const typeName = node.typeName
    const name = ts.isIdentifier(typeName) ? typeName.text : typeName.right.text
    const args = node.typeArguments ?? []
    const bound = ts.isIdentifier(typeName) ? bindings.get(name) : undefined
    if (bound !== undefined) return this.map(bound.node, bound.bindings)
    const generated = GENERATED_WRAPPERS.get(name)
    if (generated !== undefined && args.length > 0) return { ...this.map(args[0], bindings), generated }
    if (SELECT_TYPE_WRAPPERS.has(name) && args.length > 0) return this.map(args[0], bindings)
    if (JSON_WRAPPERS.has(name) && args.length > 0) return { ...plain(JSONB), nullable: this.map(args[0], bindings).nullable }
    if (ARRAY_WRAPPERS.has(name) && args.length > 0) return this.array(args[0], bindings)
    const named = NAMED_TYPES.get(name)
    if (named !== undefined) return plain(named)
    const declaration = ts.isIdentifier(typeName) ? findDeclaration(this.sources, node.getSourceFile(), name) : null
    if (declaration === null) return problem(`unknown type "${typeName.getText()}" ${UNKNOWN_HINT}`)
    // An interface is an object: stored as JSON.
    if (ts.isInterfaceDeclaration(declaration)) return plain(JSONB)
    return this.alias(declaration, args, bindings)
  }

  private alias(alias: TypeAliasDeclaration, args: readonly TypeNode[], bindings: Bindings): MappedType {
    const body = alias.type
    if (stringLiterals(body) !== null) {
      const nullable = ts.isUnionTypeNode(body) && body.types.some(isNull)
      return { ...plain(quoteQualified(this.enums.use(alias))), nullable }
    }
    if (isDomainAlias(alias)) return plain(quoteQualified(this.domains.use(alias)))
    checkTagNames(readJsDoc(alias).tags, NO_TAGS, originOf(alias, declarationName(alias)))
    if (this.expanding.has(alias)) return problem(`type "${declarationName(alias)}" refers to itself ${UNKNOWN_HINT}`)
    // Arguments are read where they were written; defaults where the alias declares them.
    const bound = new Map<string, { readonly node: TypeNode; readonly bindings: Bindings }>()
    alias.typeParameters?.forEach((parameter, index) => {
      const fallback = parameter.default
      if (args[index] !== undefined) bound.set(parameter.name.text, { node: args[index], bindings })
      else if (fallback !== undefined) bound.set(parameter.name.text, { node: fallback, bindings: NO_BINDINGS })
    })
    this.expanding.add(alias)
    try {
      return this.map(body, bound)
    } finally {
      this.expanding.delete(alias)
    }
  }
}

function plain(type: string): MappedType {
  return { sql: { type }, nullable: false, generated: null }
}

function problem(text: string): MappedType {
  return { sql: { problem: text }, nullable: false, generated: null }
}

function inlineEnumProblem(node: TypeNode): string {
  return `a union of string literals has no SQL type unless it is named: declare \`export type Name = ${node.getText()}\` to make it an enum, or use @dbType`
}
