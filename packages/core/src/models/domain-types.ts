import type { ts as TS } from 'ts-morph'
import { defaultConstraintName } from '../schema/names.js'
import type { Domain, QualifiedName } from '../schema/schema.js'
import { parseDomain } from './database-specs.js'
import { snakeCase } from './enum-names.js'
import { compare } from './enum-types.js'
import { checkTagNames, readJsDoc, tagOrigin } from './jsdoc-tags.js'
import { errorAt } from './model-errors.js'
import { originOf } from './model-location.js'
import { declarationName } from './resolve-aliases.js'
import { parseTag, tagText } from './tag-values.js'

type TypeAliasDeclaration = TS.TypeAliasDeclaration

/**
 * Domains: a type alias tagged `@domain <base type> [not null] [default <sql>] [check <sql>]`
 * (`export type Bytea20 = Buffer`) is the domain `bytea20`, in `public` unless the alias has
 * `@schema <name>`; columns typed with the alias have the domain as their type. Unlike enums,
 * an alias in a model file declares its domain even when no column uses it.
 */

const DOMAIN_TAG = 'domain'
const DOMAIN_TAGS: ReadonlySet<string> = new Set([DOMAIN_TAG, 'schema'])
const DEFAULT_SCHEMA = 'public'
/** PostgreSQL names an unnamed domain check `<domain>_check`, then `<domain>_check1`, ... */
const CHECK_SUFFIX = 'check'

export function isDomainAlias(alias: TypeAliasDeclaration): boolean {
  return readJsDoc(alias).tags.some((tag) => tag.name === DOMAIN_TAG)
}

function readDomain(alias: TypeAliasDeclaration): Domain {
  const origin = originOf(alias, declarationName(alias))
  const { tags } = readJsDoc(alias)
  checkTagNames(tags, DOMAIN_TAGS, origin)
  const schema = tagText(tags, 'schema', origin, 'one schema name') ?? DEFAULT_SCHEMA
  const tag = tags.find((t) => t.name === DOMAIN_TAG)
  if (tag === undefined || tags.filter((t) => t.name === DOMAIN_TAG).length > 1) throw errorAt(origin, 'needs exactly one @domain tag')
  const name = snakeCase(declarationName(alias))
  const spec = parseTag(tag, origin, parseDomain)
  let unnamed = 0
  const checks = spec.checks.map((check) => ({
    name: check.name ?? defaultConstraintName(name, [], checkLabel(unnamed++)),
    expression: check.expression,
    origin: tagOrigin(origin, tag),
  }))
  return { schema, name, ...spec, checks, origin }
}

function checkLabel(position: number): string {
  return position === 0 ? CHECK_SUFFIX : `${CHECK_SUFFIX}${position}`
}

/** The domains the columns use, each read once; two aliases may not claim the same SQL name. */
export class DomainRegistry {
  private readonly byAlias = new Map<TypeAliasDeclaration, Domain>()
  private readonly byName = new Map<string, TypeAliasDeclaration>()

  use(alias: TypeAliasDeclaration): QualifiedName {
    const known = this.byAlias.get(alias)
    if (known !== undefined) return known
    const domain = readDomain(alias)
    const key = `${domain.schema}.${domain.name}`
    const other = this.byName.get(key)
    if (other !== undefined) {
      const first = originOf(other, declarationName(other))
      throw errorAt(originOf(alias, declarationName(alias)), `domain "${key}" is already declared by ${first.symbol} at ${first.file}:${first.line}`)
    }
    this.byAlias.set(alias, domain)
    this.byName.set(key, alias)
    return domain
  }

  /** Sorted by schema and name. */
  list(): readonly Domain[] {
    return [...this.byAlias.values()].sort((a, b) => (a.schema === b.schema ? compare(a.name, b.name) : compare(a.schema, b.schema)))
  }
}
