import { ModelError } from '../errors.js'
import type { Schema } from '../schema/schema.js'
import { nameConstraints } from './constraint-names.js'
import { compare, EnumRegistry } from './enum-types.js'
import { checkTagNames, readJsDoc, tagOrigin } from './jsdoc-tags.js'
import { displayPath, errorAt, originOf } from './model-location.js'
import { objectProperties } from './object-members.js'
import { readTable, type TableDraft } from './read-table.js'
import { findExport } from './resolve-aliases.js'
import { ModelSources } from './source-files.js'
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
const ROOT_TAGS: ReadonlySet<string> = new Set(['schema'])

export function readModels(entryFile: string, options: ReadModelsOptions = {}): Schema {
  const rootName = options.rootInterface ?? DEFAULT_ROOT
  const sources = new ModelSources()
  const entry = sources.entry(entryFile)
  const root = findExport(sources, entry, rootName)
  if (root === null) throw new ModelError(displayPath(entry.getFilePath()), 1, `no interface "${rootName}" (the root interface whose keys are the tables)`)

  const rootOrigin = originOf(root, rootName)
  const { tags } = readJsDoc(root)
  checkTagNames(tags, ROOT_TAGS, rootOrigin)
  const declaredSchemas = tags.map((tag) => {
    if (!/^\S+$/.test(tag.text)) throw errorAt(tagOrigin(rootOrigin, tag), `@schema needs one schema name, found "${tag.text}"`)
    return tag.text
  })

  const enums = new EnumRegistry()
  const context = { sources, mapper: new TypeMapper(sources, enums), rootName }
  const drafts = objectProperties(sources, root).map((key) => readTable(key, context))
  rejectDuplicateTables(drafts)
  validateReferences(drafts, rootName)
  const tables = nameConstraints(drafts)
  const enumTypes = enums.list()
  const schemas = new Set([PUBLIC_SCHEMA, ...declaredSchemas, ...tables.map((table) => table.schema), ...enumTypes.map((type) => type.schema)])
  return { schemas: [...schemas].sort(compare), enums: enumTypes, tables }
}

function rejectDuplicateTables(drafts: readonly TableDraft[]): void {
  const seen = new Set<string>()
  for (const draft of drafts) {
    const key = `${draft.name.schema}.${draft.name.name}`
    if (seen.has(key)) throw errorAt(draft.origin, `table "${key}" is declared twice in the root interface`)
    seen.add(key)
  }
}
