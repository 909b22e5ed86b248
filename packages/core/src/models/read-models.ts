import { ModelError } from '../errors.js'
import type { Extension, ModelOrigin, Schema, Sequence } from '../schema/schema.js'
import { nameConstraints } from './constraint-names.js'
import { parseSequence } from './database-specs.js'
import { DomainRegistry, isDomainAlias } from './domain-types.js'
import { compare, EnumRegistry, isDeclaredEnumAlias } from './enum-types.js'
import { checkTagNames, type JsDocTag, readJsDoc, tagOrigin } from './jsdoc-tags.js'
import { displayPath, errorAt } from './model-errors.js'
import { originOf } from './model-location.js'
import { objectProperties } from './object-members.js'
import { readTable, type TableDraft } from './read-table.js'
import { findExport, typeAliases } from './resolve-aliases.js'
import { ModelSources } from './source-files.js'
import { parseTag } from './tag-values.js'
import { TypeMapper } from './type-mapping.js'
import { validateReferences } from './validate-references.js'

/**
 * The model reader: the TypeScript models (the Kysely `DB` interface and the table interfaces
 * it names) → the desired `Schema`. Static and AST-only (see source-files.ts); the language is
 * described in DESIGN.md, "The model language (contract)". Tables come in DB-key order, columns
 * in property order, enums sorted by schema and name.
 */

export interface ReadModelsOptions {
  /** The interface whose keys are the tables: `DB` by default. */
  readonly rootInterface?: string
}

const DEFAULT_ROOT = 'DB'
const PUBLIC_SCHEMA = 'public'
const ROOT_TAGS: ReadonlySet<string> = new Set(['schema', 'extension', 'sequence'])
const ONE_NAME = /^\S+$/

export function readModels(entryFile: string, options: ReadModelsOptions = {}): Schema {
  const rootName = options.rootInterface ?? DEFAULT_ROOT
  const sources = new ModelSources()
  const entry = sources.entry(entryFile)
  const root = findExport(sources, entry, rootName)
  if (root === null) throw new ModelError(displayPath(entry.fileName), 1, `no interface "${rootName}" (the root interface whose keys are the tables)`)

  const rootOrigin = originOf(root, rootName)
  const { tags } = readJsDoc(root)
  checkTagNames(tags, ROOT_TAGS, rootOrigin)
  const declaredSchemas = tags.filter((tag) => tag.name === 'schema').map((tag) => oneName(tag, rootOrigin, 'schema'))
  const extensions = readExtensions(tags, rootOrigin)
  const sequences = readSequences(tags, rootOrigin)

  const enums = new EnumRegistry()
  const domains = new DomainRegistry()
  const context = { sources, mapper: new TypeMapper(sources, enums, domains), rootName }
  const drafts = objectProperties(sources, root).map((key) => readTable(key, context))
  rejectDuplicateTables(drafts)
  validateReferences(drafts, rootName)
  const tables = nameConstraints(drafts)
  // `@domain` declares the domain even when no column uses it (an enum needs a column or `@enumType`).
  for (const alias of sources.loaded().flatMap(typeAliases)) {
    if (isDomainAlias(alias)) domains.use(alias)
    else if (isDeclaredEnumAlias(alias)) enums.use(alias)
  }
  const enumTypes = enums.list()
  const domainTypes = domains.list()
  const schemas = new Set(
    [PUBLIC_SCHEMA, ...declaredSchemas, ...tables, ...enumTypes, ...domainTypes, ...sequences].map((object) =>
      typeof object === 'string' ? object : object.schema,
    ),
  )
  return { schemas: [...schemas].sort(compare), extensions, enums: enumTypes, domains: domainTypes, sequences, tables }
}

function oneName(tag: JsDocTag, origin: ModelOrigin, what: string): string {
  if (!ONE_NAME.test(tag.text)) throw errorAt(tagOrigin(origin, tag), `@${tag.name} needs one ${what} name, found "${tag.text}"`)
  return tag.text
}

/** `@extension citext`, sorted by name; one tag per extension. */
function readExtensions(tags: readonly JsDocTag[], origin: ModelOrigin): readonly Extension[] {
  const extensions = tags
    .filter((tag) => tag.name === 'extension')
    .map((tag) => ({ name: oneName(tag, origin, 'extension'), origin: tagOrigin(origin, tag) }))
  rejectDuplicates(extensions.map((extension) => ({ key: extension.name, origin: extension.origin })), 'extension')
  return extensions.sort((a, b) => compare(a.name, b.name)) satisfies readonly Extension[]
}

/** `@sequence name [as type] [start n] [increment n] [ownedBy table.column]`, sorted by (schema, name). */
function readSequences(tags: readonly JsDocTag[], origin: ModelOrigin): readonly Sequence[] {
  const sequences = tags
    .filter((tag) => tag.name === 'sequence')
    .map((tag) => ({ ...parseTag(tag, origin, parseSequence), origin: tagOrigin(origin, tag) }))
  rejectDuplicates(sequences.map((sequence) => ({ key: `${sequence.schema}.${sequence.name}`, origin: sequence.origin })), 'sequence')
  return sequences.sort((a, b) => (a.schema === b.schema ? compare(a.name, b.name) : compare(a.schema, b.schema))) satisfies readonly Sequence[]
}

function rejectDuplicates(items: readonly { readonly key: string; readonly origin: ModelOrigin }[], what: string): void {
  const seen = new Set<string>()
  for (const { key, origin } of items) {
    if (seen.has(key)) throw errorAt(origin, `${what} "${key}" is declared twice`)
    seen.add(key)
  }
}

function rejectDuplicateTables(drafts: readonly TableDraft[]): void {
  const seen = new Set<string>()
  for (const draft of drafts) {
    const key = `${draft.name.schema}.${draft.name.name}`
    if (seen.has(key)) throw errorAt(draft.origin, `table "${key}" is declared twice in the root interface`)
    seen.add(key)
  }
}
