import type { ts as TS } from 'ts-morph'
import type { CheckConstraint, Column, ForeignKey, IdentityKind, Index, ModelOrigin, PrimaryKey, UniqueConstraint } from '../schema/schema.js'
import { parseCheck, parseIndex, parsePrimaryKey, parseReferences, parseUnique } from './index-spec.js'
import { checkTagNames, readJsDoc, tagOrigin, type JsDocTag } from './jsdoc-tags.js'
import { errorAt } from './model-errors.js'
import { originOf } from './model-location.js'
import { propertyName } from './object-members.js'
import { declare, singleTag, tagText, type Declared } from './tag-values.js'
import type { TypeMapper } from './type-mapping.js'

type PropertySignature = TS.PropertySignature

/** A column and the constraints its tags declare. */
export interface ColumnDraft {
  readonly column: Column
  readonly origin: ModelOrigin
  /** `Generated<T>` / `GeneratedAlways<T>`: may imply an identity once the primary key is known. */
  readonly generatedWrapper: IdentityKind | null
  readonly primaryKey: Declared<PrimaryKey> | null
  readonly uniques: readonly Declared<UniqueConstraint>[]
  readonly checks: readonly Declared<CheckConstraint>[]
  readonly foreignKeys: readonly Declared<ForeignKey>[]
  readonly indexes: readonly Declared<Index>[]
}

const COLUMN_TAGS: ReadonlySet<string> = new Set([
  'dbType', 'primaryKey', 'identity', 'default', 'generated', 'unique', 'index', 'check', 'references', 'collate', 'renamedFrom',
])

export function readColumn(property: PropertySignature, tableSymbol: string, mapper: TypeMapper): ColumnDraft {
  const provisional = originOf(property, tableSymbol)
  const name = propertyName(property, provisional)
  const origin = { ...provisional, symbol: `${tableSymbol}.${name}` }
  const { description, tags } = readJsDoc(property)
  checkTagNames(tags, COLUMN_TAGS, origin)
  const typeNode = property.type
  if (typeNode === undefined) throw errorAt(origin, 'needs a type')
  const mapped = mapper.map(typeNode)
  const dbType = tagText(tags, 'dbType', origin, 'an SQL type')
  if (dbType === null && 'problem' in mapped.sql) throw errorAt(origin, mapped.sql.problem)
  const type = dbType ?? ('type' in mapped.sql ? mapped.sql.type : '')

  const defaultValue = tagText(tags, 'default', origin, 'an SQL expression')
  const generated = tagText(tags, 'generated', origin, 'an SQL expression')
  const identity = identityKind(singleTag(tags, 'identity', origin), origin)
  const exclusive = Object.entries({ '@identity': identity, '@default': defaultValue, '@generated': generated })
    .filter(([, value]) => value !== null)
    .map(([tag]) => tag)
  if (exclusive.length > 1) throw errorAt(origin, `${exclusive.join(' and ')} exclude each other`)
  if (identity !== null && mapped.nullable) throw errorAt(origin, 'an identity column cannot be nullable (remove "| null")')

  const all = (tagName: string): readonly JsDocTag[] => tags.filter((tag) => tag.name === tagName)
  const primaryKeyTag = singleTag(tags, 'primaryKey', origin)
  return {
    column: {
      name,
      type,
      nullable: mapped.nullable,
      default: defaultValue,
      identity,
      generated,
      collation: tagText(tags, 'collate', origin, 'a collation'),
      comment: description,
      renamedFrom: tagText(tags, 'renamedFrom', origin, 'the old column name'),
      origin,
    },
    origin,
    generatedWrapper: mapped.generated,
    primaryKey: primaryKeyTag === null ? null : declare(primaryKeyTag, origin, (text) => parsePrimaryKey(text, name)),
    uniques: all('unique').map((tag) => declare(tag, origin, (text) => parseUnique(text, name))),
    checks: all('check').map((tag) => declare(tag, origin, parseCheck)),
    foreignKeys: all('references').map((tag) => declare(tag, origin, (text) => parseReferences(text, name))),
    indexes: all('index').map((tag) => declare(tag, origin, (text) => parseIndex(text, name))),
  }
}

function identityKind(tag: JsDocTag | null, origin: ModelOrigin): IdentityKind | null {
  if (tag === null) return null
  if (tag.text === '') return 'by default'
  if (tag.text.toLowerCase() === 'always') return 'always'
  throw errorAt(tagOrigin(origin, tag), `@identity: expected nothing or "always", found "${tag.text}"`)
}
