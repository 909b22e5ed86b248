import { ENUM_TYPE_TAG, snakeCase } from '../models/enum-names.js'
import { defaultConstraintName, elementType, quoteIdentifier, quoteQualified } from '../schema/names.js'
import type { Column, Domain, EnumType, Schema, Sequence, Table } from '../schema/schema.js'
import { pullColumnType, type PulledType } from './column-types.js'
import { constraintTags, sqlText } from './constraint-tags.js'
import { helperDeclarations, helperNeedsColumnType } from './helper-types.js'
import {
  type AliasDeclaration,
  type Declaration,
  type DocTag,
  type InterfaceDeclaration,
  keyword,
  type Member,
  type ModelFile,
  reference,
  type TypeExpression,
  union,
} from './model-ast.js'

/**
 * A `Schema` (read from a database) → the models that say it, for `migrate pull`. Everything the
 * model reader would derive by itself is left out (default types, default constraint names,
 * PostgreSQL's default sequence options), so the file reads like hand-written models; reading
 * it back with `readModels` and canonicalising gives the same Schema.
 *
 * `unexpressible` lists what the database holds beyond the model language; it goes into the
 * header comment, together with enums and domains whose names no alias can give.
 */

export interface BuildModelFileOptions {
  readonly source: string
  readonly unexpressible: readonly string[]
}

const ROOT_INTERFACE = 'DB'
const PUBLIC_SCHEMA = 'public'
const TABLE_SUFFIX = 'Table'
const DEFAULT_SEQUENCE_TYPE = 'bigint'
const DOMAIN_CHECK_LABEL = 'check'
/** ` @word` starts a JSDoc tag and `*\/` ends the comment; descriptions have no escape for either. */
const UNSAYABLE = /(^|\s)@[A-Za-z]|\*\//

export function buildModelFile(schema: Schema, options: BuildModelFileOptions): ModelFile {
  const names = new Set<string>([ROOT_INTERFACE])
  const problems: string[] = []
  const typeAliases = new Map<string, string>()
  /**
   * A comment as a JSDoc description, or null (listed as a problem) when it would read as tags.
   * `what` names the commented object only then: most of thousands of columns have no comment.
   */
  const description = (comment: string | null, what: () => string): string | null => {
    if (comment === null || !UNSAYABLE.test(comment)) return comment
    problems.push(`comment on ${what()} (" @" or "*/" cannot be said in a JSDoc description)`)
    return null
  }
  const columnTypes = new Set(schema.tables.flatMap((table) => table.columns.map((column) => elementType(column.type))))
  const enumAliases = schema.enums.flatMap((type) => {
    const name = aliasName(type.name, names)
    if (name === null) {
      problems.push(`enum ${quoteQualified(type)} (its name is not the snake_case of a TypeScript name)`)
      return []
    }
    typeAliases.set(quoteQualified(type), name)
    const used = columnTypes.has(quoteQualified(type))
    return [enumAlias({ ...type, comment: description(type.comment, () => `type ${quoteQualified(type)}`) }, name, used)]
  })
  const domainEntries = schema.domains.flatMap((domain) => {
    const name = aliasName(domain.name, names)
    if (name === null) {
      problems.push(`domain ${quoteQualified(domain)} (its name is not the snake_case of a TypeScript name)`)
      return []
    }
    typeAliases.set(quoteQualified(domain), name)
    return [{ domain, name }]
  })
  const used = new Set<string>()
  // Thousands of columns share a few dozen types: each is pulled once.
  const pulledTypes = new Map<string, PulledType>()
  const typeOf = (sqlType: string): PulledType => {
    const known = pulledTypes.get(sqlType)
    if (known !== undefined) return known
    const pulled = pullColumnType(sqlType, typeAliases)
    collectReferences(pulled.type, used)
    pulledTypes.set(sqlType, pulled)
    return pulled
  }
  const domainAliases = domainEntries.map(({ domain, name }) => domainAlias(domain, name, typeOf(domain.type).type))
  const tags = constraintTags(schema.tables)
  const tables = schema.tables.map((table) => {
    const name = uniqueName(pascalCase(`${table.schema === PUBLIC_SCHEMA ? '' : `${table.schema}_`}${table.name}`) + TABLE_SUFFIX, names)
    const tableTags = tags.get(table)!
    const members = table.columns.map((column) => {
      const comment = description(column.comment, () => `column ${quoteQualified(table)}.${quoteIdentifier(column.name)}`)
      return columnMember(column, comment, tableTags.columns.get(column.name) ?? [], typeOf, used)
    })
    const doc = { description: description(table.comment, () => `table ${quoteQualified(table)}`), tags: tableTags.table }
    return { table, declaration: { kind: 'interface', name, doc, members } satisfies InterfaceDeclaration }
  })
  const root: InterfaceDeclaration = {
    kind: 'interface',
    name: ROOT_INTERFACE,
    doc: { description: null, tags: rootTags(schema) },
    members: tables.map(({ table, declaration }) => ({
      name: table.schema === PUBLIC_SCHEMA ? table.name : `${table.schema}.${table.name}`,
      doc: { description: null, tags: [] },
      type: reference(declaration.name),
    })),
  }
  const wrappers = ['Generated', 'GeneratedAlways'].filter((name) => used.has(name))
  const declarations: readonly Declaration[] = [
    ...helperDeclarations(used),
    ...enumAliases,
    ...domainAliases,
    root,
    ...tables.map(({ declaration }) => declaration),
  ]
  const unexpressible = [...options.unexpressible, ...problems]
  return {
    header: [
      `Models pulled from ${options.source} by \`migrate pull\`.`,
      ...(unexpressible.length === 0
        ? []
        : ['', 'Not expressible in the model language (autogenerate leaves them alone; manage them in migrations):', ...unexpressible.map((item) => `- ${item}`)]),
    ],
    kyselyImports: [...(helperNeedsColumnType(used) ? ['ColumnType'] : []), ...wrappers],
    declarations,
  }
}

function rootTags(schema: Schema): readonly DocTag[] {
  const occupied = new Set([...schema.tables, ...schema.enums, ...schema.domains, ...schema.sequences].map((object) => object.schema))
  return [
    ...schema.extensions.map((extension) => ({ name: 'extension', text: extension.name })),
    ...schema.schemas.filter((name) => name !== PUBLIC_SCHEMA && !occupied.has(name)).map((name) => ({ name: 'schema', text: name })),
    ...schema.sequences.map((sequence) => ({ name: 'sequence', text: sequenceText(sequence) })),
  ]
}

/** `name [as type] [start n] [increment n] [ownedBy table.column]`, leaving out PostgreSQL's defaults. */
function sequenceText(sequence: Sequence): string {
  const defaultStart = sequence.increment.startsWith('-') ? '-1' : '1'
  return [
    quoteQualified(sequence),
    sequence.type === DEFAULT_SEQUENCE_TYPE ? null : `as ${sequence.type}`,
    sequence.start === defaultStart ? null : `start ${sequence.start}`,
    sequence.increment === '1' ? null : `increment ${sequence.increment}`,
    sequence.ownedBy === null ? null : `ownedBy ${quoteQualified(sequence.ownedBy.table)}.${quoteIdentifier(sequence.ownedBy.column)}`,
  ]
    .filter((part) => part !== null)
    .join(' ')
}

/** `used`: some column has the type; else `@enumType` declares it (the reader counts used aliases only). */
function enumAlias(type: EnumType, name: string, used: boolean): AliasDeclaration {
  return {
    kind: 'alias',
    name,
    doc: { description: type.comment, tags: [...(used ? [] : [{ name: ENUM_TYPE_TAG, text: '' }]), ...schemaTag(type.schema)] },
    type: union(...type.values.map((value): TypeExpression => ({ kind: 'literal', value }))),
  }
}

/** `@domain <type> [not null] [default <sql>] [check [name:] <sql>]...`: check names only when not PostgreSQL's. */
function domainAlias(domain: Domain, name: string, type: TypeExpression): AliasDeclaration {
  let unnamed = 0
  const checks = domain.checks.map((check) => {
    const label = unnamed === 0 ? DOMAIN_CHECK_LABEL : `${DOMAIN_CHECK_LABEL}${unnamed}`
    if (check.name === defaultConstraintName(domain.name, [], label)) {
      unnamed++
      return `check ${sqlText(check.expression)}`
    }
    return `check ${quoteIdentifier(check.name)}: ${sqlText(check.expression)}`
  })
  const text = [domain.type, domain.notNull ? 'not null' : null, domain.default === null ? null : `default ${sqlText(domain.default)}`, ...checks]
    .filter((part) => part !== null)
    .join(' ')
  return { kind: 'alias', name, doc: { description: null, tags: [{ name: 'domain', text }, ...schemaTag(domain.schema)] }, type }
}

function schemaTag(schema: string): readonly DocTag[] {
  return schema === PUBLIC_SCHEMA ? [] : [{ name: 'schema', text: schema }]
}

/** `comment`: the column's, or null when it cannot be said (see `description`). */
function columnMember(
  column: Column,
  comment: string | null,
  constraintTags: readonly DocTag[],
  typeOf: (sqlType: string) => PulledType,
  used: Set<string>,
): Member {
  const pulled = typeOf(column.type)
  const selectType = column.nullable ? union(pulled.type, keyword('null')) : pulled.type
  const wrapper = column.identity === 'always' || column.generated !== null ? 'GeneratedAlways' : column.default !== null || column.identity !== null ? 'Generated' : null
  if (wrapper !== null) used.add(wrapper)
  // Nulls filtered out rather than arrays spread: spreads allocate iterators in code not yet
  // optimised, which is most of a single pull, for each of thousands of columns.
  const columnTags: readonly (DocTag | null)[] = [
    pulled.dbType === null ? null : { name: 'dbType', text: pulled.dbType },
    column.identity === null ? null : { name: 'identity', text: column.identity === 'always' ? 'always' : '' },
    column.default === null ? null : { name: 'default', text: sqlText(column.default) },
    column.generated === null ? null : { name: 'generated', text: sqlText(column.generated) },
    column.collation === null ? null : { name: 'collate', text: column.collation },
  ]
  const tags = columnTags.filter((tag): tag is DocTag => tag !== null).concat(constraintTags)
  return { name: column.name, doc: { description: comment, tags }, type: wrapper === null ? selectType : reference(wrapper, selectType) }
}

function collectReferences(type: TypeExpression, into: Set<string>): void {
  if (type.kind === 'reference') {
    into.add(type.name)
    type.args.forEach((arg) => collectReferences(arg, into))
  } else if (type.kind === 'array') collectReferences(type.element, into)
  else if (type.kind === 'union') type.members.forEach((member) => collectReferences(member, into))
}

/** `order_status` → `OrderStatus`, or null when the reader's snake_case would not give the name back. */
function aliasName(sqlName: string, taken: Set<string>): string | null {
  const name = pascalCase(sqlName)
  if (!/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name) || snakeCase(name) !== sqlName || taken.has(name)) return null
  taken.add(name)
  return name
}

function pascalCase(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== '')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')
}

/** `UsersTable`, then `UsersTable2`, ...: interfaces only need distinct names. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = /^[\p{L}_$]/u.test(name) ? name : `T${name}`
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`
  taken.add(candidate)
  return candidate
}
