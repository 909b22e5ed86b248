import type { ts as TS } from 'ts-morph'
import { displayName, parseQualifiedName } from '../schema/names.js'
import type {
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  ModelOrigin,
  PrimaryKey,
  QualifiedName,
  UniqueConstraint,
} from '../schema/schema.js'
import { parseCheck, parseForeignKey, parseIndex, parsePrimaryKey, parseUnique } from './index-spec.js'
import { checkTagNames, readJsDoc, tagOrigin, type JsDocTag } from './jsdoc-tags.js'
import { errorAt } from './model-errors.js'
import { originOf } from './model-location.js'
import { objectProperties, propertyName } from './object-members.js'
import { readColumn, type ColumnDraft } from './read-column.js'
import { declarationName, findDeclaration, type TypeDeclaration } from './resolve-aliases.js'
import type { ModelSources } from './source-files.js'
import { declare, singleTag, tagText, type Declared } from './tag-values.js'
import type { TypeMapper } from './type-mapping.js'
import { ts } from './typescript.js'

export type { Declared } from './tag-values.js'

type PropertySignature = TS.PropertySignature

/** A table before its constraints and indexes are named. */
export interface TableDraft {
  readonly name: QualifiedName
  /** The interface or alias name, for messages. */
  readonly symbol: string
  readonly origin: ModelOrigin
  readonly comment: string | null
  readonly renamedFrom: string | null
  readonly columns: readonly Column[]
  readonly primaryKey: Declared<PrimaryKey> | null
  readonly uniques: readonly Declared<UniqueConstraint>[]
  readonly checks: readonly Declared<CheckConstraint>[]
  readonly foreignKeys: readonly Declared<ForeignKey>[]
  readonly indexes: readonly Declared<Index>[]
}

export interface ReadContext {
  readonly sources: ModelSources
  readonly mapper: TypeMapper
  /** The root interface's name, for messages (`DB.users`). */
  readonly rootName: string
}

const TABLE_TAGS: ReadonlySet<string> = new Set(['primaryKey', 'unique', 'index', 'check', 'foreignKey', 'renamedFrom'])

/** Types `Generated<T>` may make an identity column of (with format_type's spellings). */
const INTEGER_TYPES: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint', 'int', 'int2', 'int4', 'int8'])

/** One key of the root interface: `users: UserTable` or `'audit.events': AuditEventTable`. */
export function readTable(key: PropertySignature, context: ReadContext): TableDraft {
  const keyOrigin = originOf(key, context.rootName)
  const keyName = propertyName(key, keyOrigin)
  const declaration = tableDeclaration(key, { ...keyOrigin, symbol: `${context.rootName}.${keyName}` }, context)
  const symbol = declarationName(declaration)
  const origin = originOf(declaration, symbol)
  const { description, tags } = readJsDoc(declaration)
  checkTagNames(tags, TABLE_TAGS, origin)

  const drafts = objectProperties(context.sources, declaration).map((property) => readColumn(property, symbol, context.mapper))
  rejectDuplicateColumns(drafts)
  const all = (tagName: string): readonly JsDocTag[] => tags.filter((tag) => tag.name === tagName)
  const tablePrimaryKey = singleTag(tags, 'primaryKey', origin)
  const primaryKeys = [
    ...drafts.flatMap((draft) => (draft.primaryKey === null ? [] : [draft.primaryKey])),
    ...(tablePrimaryKey === null ? [] : [declare(tablePrimaryKey, origin, (text) => parsePrimaryKey(text, null))]),
  ]
  if (primaryKeys.length > 1) throw errorAt(primaryKeys[1].origin, 'a table has one primary key: list its columns in one @primaryKey (a, b) on the table')
  const primaryKey = primaryKeys[0] ?? null

  const name = parseQualifiedName(keyName)
  return {
    name,
    symbol,
    origin,
    comment: description,
    renamedFrom: oldTableName(tags, name, origin),
    columns: drafts.map((draft) => finishColumn(draft, primaryKey?.spec.columns ?? [])),
    primaryKey,
    uniques: [...drafts.flatMap((draft) => draft.uniques), ...all('unique').map((tag) => declare(tag, origin, (text) => parseUnique(text, null)))],
    checks: [...drafts.flatMap((draft) => draft.checks), ...all('check').map((tag) => declare(tag, origin, parseCheck))],
    foreignKeys: [...drafts.flatMap((draft) => draft.foreignKeys), ...all('foreignKey').map((tag) => declare(tag, origin, parseForeignKey))],
    indexes: [...drafts.flatMap((draft) => draft.indexes), ...all('index').map((tag) => declare(tag, origin, (text) => parseIndex(text, null)))],
  }
}

/**
 * `@renamedFrom old` or `@renamedFrom schema.old` in the table's own schema. A table moved to
 * another schema (`ALTER TABLE ... SET SCHEMA`) is refused rather than read as a stale hint,
 * which would drop the old table and create the new one empty.
 */
function oldTableName(tags: readonly JsDocTag[], table: QualifiedName, origin: ModelOrigin): string | null {
  const text = tagText(tags, 'renamedFrom', origin, 'the old table name')
  if (text === null) return null
  const old = parseQualifiedName(text, table.schema)
  if (old.schema !== table.schema) {
    const at = tags.find((tag) => tag.name === 'renamedFrom')!
    throw errorAt(tagOrigin(origin, at), `@renamedFrom: moving a table to another schema (${displayName(old)} → ${displayName(table)}) is not supported; move it by hand in a blank migration (migrate revision) with ALTER TABLE ... SET SCHEMA`)
  }
  return old.name
}

function tableDeclaration(key: PropertySignature, origin: ModelOrigin, context: ReadContext): TypeDeclaration {
  const typeNode = key.type
  if (typeNode === undefined || !ts.isTypeReferenceNode(typeNode) || !ts.isIdentifier(typeNode.typeName) || (typeNode.typeArguments?.length ?? 0) > 0) {
    throw errorAt(origin, `must name a table interface, found "${typeNode?.getText() ?? ''}"`)
  }
  const name = typeNode.typeName.text
  const declaration = findDeclaration(context.sources, key.getSourceFile(), name)
  if (declaration === null) throw errorAt(origin, `cannot find the table type "${name}" (declare it in this file or import it from a relative file)`)
  return declaration
}

function rejectDuplicateColumns(drafts: readonly ColumnDraft[]): void {
  const seen = new Set<string>()
  for (const { column, origin } of drafts) {
    if (seen.has(column.name)) throw errorAt(origin, `duplicate column "${column.name}"`)
    seen.add(column.name)
  }
}

/**
 * A primary key column is not null; `Generated<number>` (or `GeneratedAlways<number>`) in the
 * primary key without @default, @generated or @identity is an identity column, as PostgreSQL
 * has no other way to generate it.
 */
function finishColumn(draft: ColumnDraft, primaryKey: readonly string[]): Column {
  const { column, origin } = draft
  if (!primaryKey.includes(column.name)) return column
  if (column.nullable) throw errorAt(origin, 'a primary key column cannot be nullable (remove "| null")')
  const implied = draft.generatedWrapper !== null && column.default === null && column.generated === null && column.identity === null
  return implied && INTEGER_TYPES.has(column.type.toLowerCase()) ? { ...column, identity: draft.generatedWrapper } : column
}
