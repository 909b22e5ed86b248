import { chooseNames, type DraftNames } from '../models/constraint-names.js'
import type { Unnamed } from '../models/index-spec.js'
import type { Declared, TableDraft } from '../models/read-table.js'
import { quoteIdentifier, quoteQualified } from '../schema/names.js'
import type { CheckConstraint, ForeignKey, Index, ModelOrigin, PrimaryKey, Table, UniqueConstraint } from '../schema/schema.js'
import { isDefaultForeignKeyAction, isDefaultNulls, renderIndexKey } from '../emit/sql/render-parts.js'
import type { DocTag } from './model-ast.js'

/**
 * Where each constraint and index of a table goes in the models, and whether its name must be
 * written. Single-column keys go on the column (`@primaryKey`, `@unique`, `@references`,
 * `@index`), the rest on the table interface. A name is written only when the model reader
 * would not choose the same one by itself: the reader's own naming (models/constraint-names.ts)
 * runs on the tags as they will be written, and names it gets wrong are written out, until it
 * gets every other name right (writing a name can change the default names of others).
 */

export interface TableTags {
  readonly columns: ReadonlyMap<string, readonly DocTag[]>
  readonly table: readonly DocTag[]
}

type Element = PrimaryKey | UniqueConstraint | CheckConstraint | ForeignKey | Index
type Kind = 'primaryKey' | 'unique' | 'check' | 'foreignKey' | 'index'

interface Placed {
  readonly kind: Kind
  readonly element: Element
  /** The column whose JSDoc holds the tag, or null for the table's. */
  readonly column: string | null
}

/** An element as the reader's naming is given it: with its name written out, and without. */
interface Choice {
  readonly element: Element
  readonly named: Declared<Element>
  readonly unnamed: Declared<Element>
}

/** A table's elements by kind, each kind in declaration order. */
type Choices = Readonly<Record<Kind, readonly Choice[]>>

/** Placeholder origin of the drafts given to the reader's naming (never shown). */
const NO_ORIGIN: ModelOrigin = { kind: 'model', file: '', line: 0, symbol: '' }
const DEFAULT_INDEX_METHOD = 'btree'

export function constraintTags(tables: readonly Table[]): ReadonlyMap<Table, TableTags> {
  const placed = new Map(tables.map((table) => [table, placeTable(table)] as const))
  // Built once: the naming runs at least twice over every table (once more after names are added).
  const choices = tables.map((table) => tableChoices(placed.get(table)!))
  const explicit = new Set<Element>()
  for (;;) {
    const named = chooseNames(tables.map((table, i) => draft(table, choices[i], explicit)))
    const wrong = tables.flatMap((table, i) => misnamed(placed.get(table)!, named[i]))
    const added = wrong.filter((element) => !explicit.has(element))
    if (added.length === 0) break
    added.forEach((element) => explicit.add(element))
  }
  return new Map(tables.map((table) => [table, renderTags(placed.get(table)!, explicit)] as const))
}

/** Declaration order as the reader sees it: column tags in column order, then table tags. */
function placeTable(table: Table): readonly Placed[] {
  const single = (columns: readonly string[]): string | null => (columns.length === 1 ? columns[0] : null)
  const primaryKey: readonly Placed[] = table.primaryKey === null ? [] : [{ kind: 'primaryKey', element: table.primaryKey, column: single(table.primaryKey.columns) }]
  // concat, not spreads: see columnMember in build-model-file.ts.
  const items = primaryKey.concat(
    table.uniques.map((unique): Placed => ({ kind: 'unique', element: unique, column: single(unique.columns) })),
    table.checks.map((check): Placed => ({ kind: 'check', element: check, column: null })),
    table.foreignKeys.map((fk): Placed => ({ kind: 'foreignKey', element: fk, column: single(fk.columns) })),
    table.indexes.map((index): Placed => ({ kind: 'index', element: index, column: plainIndexColumn(index) })),
  )
  const position = (item: Placed): number => (item.column === null ? table.columns.length : table.columns.findIndex((c) => c.name === item.column))
  // Array.prototype.sort is stable: within one column (and among table tags) the catalog's order by name stays.
  return items.sort((a, b) => position(a) - position(b))
}

/** An index that `@index` on a column says exactly: one ascending column key and nothing else. */
function plainIndexColumn(index: Index): string | null {
  const [key] = index.keys
  const plain =
    index.keys.length === 1 && key.kind === 'column' && key.direction === 'asc' && isDefaultNulls(key) && !index.unique &&
    index.method === DEFAULT_INDEX_METHOD && index.include.length === 0 && index.where === null && !index.nullsNotDistinct
  return plain && key.kind === 'column' ? key.column : null
}

function tableChoices(placed: readonly Placed[]): Choices {
  const choices = (kind: Kind): readonly Choice[] =>
    placed
      .filter((item) => item.kind === kind)
      .map(({ element }) => ({
        element,
        named: { spec: element as Unnamed<Element>, tag: kind, origin: NO_ORIGIN },
        unnamed: { spec: { ...element, name: null } as Unnamed<Element>, tag: kind, origin: NO_ORIGIN },
      }))
  return { primaryKey: choices('primaryKey'), unique: choices('unique'), check: choices('check'), foreignKey: choices('foreignKey'), index: choices('index') }
}

function draft(table: Table, choices: Choices, explicit: ReadonlySet<Element>): TableDraft {
  const declared = <T extends Element>(kind: Kind): readonly Declared<T>[] =>
    choices[kind].map((choice) => (explicit.has(choice.element) ? choice.named : choice.unnamed) as unknown as Declared<T>)
  return {
    name: { schema: table.schema, name: table.name },
    symbol: table.name,
    origin: NO_ORIGIN,
    comment: table.comment,
    renamedFrom: null,
    columns: table.columns,
    primaryKey: declared<PrimaryKey>('primaryKey')[0] ?? null,
    uniques: declared<UniqueConstraint>('unique'),
    checks: declared<CheckConstraint>('check'),
    foreignKeys: declared<ForeignKey>('foreignKey'),
    indexes: declared<Index>('index'),
  }
}

/** Elements whose name the reader, given `placed` as written, would get wrong. */
function misnamed(placed: readonly Placed[], named: DraftNames): readonly Element[] {
  const byKind: Record<Kind, readonly string[]> = {
    primaryKey: named.primaryKey === null ? [] : [named.primaryKey],
    unique: named.uniques,
    check: named.checks,
    foreignKey: named.foreignKeys,
    index: named.indexes,
  }
  const seen: Record<Kind, number> = { primaryKey: 0, unique: 0, check: 0, foreignKey: 0, index: 0 }
  return placed.filter((item) => byKind[item.kind][seen[item.kind]++] !== item.element.name).map((item) => item.element)
}

function renderTags(placed: readonly Placed[], explicit: ReadonlySet<Element>): TableTags {
  const columns = new Map<string, DocTag[]>()
  const tableTags: DocTag[] = []
  for (const item of placed) {
    const name = explicit.has(item.element) ? `${quoteIdentifier(item.element.name)}:` : null
    const tag = renderTag(item, name)
    if (item.column === null) tableTags.push(tag)
    else columns.set(item.column, [...(columns.get(item.column) ?? []), tag])
  }
  return { columns, table: tableTags }
}

function renderTag(item: Placed, name: string | null): DocTag {
  const onColumn = item.column !== null
  const words = (...parts: readonly (string | null | false)[]): string => parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' ')
  switch (item.kind) {
    case 'primaryKey': {
      const primaryKey = item.element as PrimaryKey
      return { name: 'primaryKey', text: words(name, !onColumn && columnList(primaryKey.columns)) }
    }
    case 'unique': {
      const unique = item.element as UniqueConstraint
      return { name: 'unique', text: words(name, !onColumn && columnList(unique.columns), unique.nullsNotDistinct && 'nullsNotDistinct') }
    }
    case 'check':
      return { name: 'check', text: words(name, sqlText((item.element as CheckConstraint).expression)) }
    case 'foreignKey': {
      const fk = item.element as ForeignKey
      const options = foreignKeyOptions(fk)
      if (onColumn) return { name: 'references', text: words(name, `${quoteQualified(fk.references)}.${quoteIdentifier(fk.referencedColumns[0])}`, options) }
      return { name: 'foreignKey', text: words(name, columnList(fk.columns), 'references', quoteQualified(fk.references), columnList(fk.referencedColumns), options) }
    }
    case 'index': {
      const index = item.element as Index
      if (onColumn) return { name: 'index', text: words(name) }
      return {
        name: 'index',
        text: words(
          name,
          `(${index.keys.map((key) => sqlText(renderIndexKey(key))).join(', ')})`,
          index.unique && 'unique',
          index.nullsNotDistinct && 'nullsNotDistinct',
          index.method !== DEFAULT_INDEX_METHOD && `using ${index.method}`,
          index.include.length > 0 && `include ${columnList(index.include)}`,
          index.where !== null && `where ${sqlText(index.where)}`,
        ),
      }
    }
  }
}

function foreignKeyOptions(fk: ForeignKey): string {
  return [
    isDefaultForeignKeyAction(fk.onDelete) ? null : `onDelete ${fk.onDelete}`,
    isDefaultForeignKeyAction(fk.onUpdate) ? null : `onUpdate ${fk.onUpdate}`,
    fk.deferrable ? (fk.initiallyDeferred ? 'deferrable initially deferred' : 'deferrable') : null,
  ]
    .filter((part) => part !== null)
    .join(' ')
}

function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoteIdentifier).join(', ')})`
}

/** SQL inside a tag: in backticks when it holds `@` (which would start a new tag). */
export function sqlText(sql: string): string {
  return sql.includes('@') ? `\`${sql}\`` : sql
}
