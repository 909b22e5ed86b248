import { displayName } from '../schema/names.js'
import type { IndexKey, QualifiedName } from '../schema/schema.js'
import { errorAt } from './model-errors.js'
import type { Declared, TableDraft } from './read-table.js'

/**
 * Every column a tag names must exist: in its own table for primary keys, unique constraints,
 * index column keys and INCLUDE lists, foreign key columns; and the referenced table and columns
 * for foreign keys (tables are matched by their DB key, `schema.table` or `table` for public).
 */
export function validateReferences(drafts: readonly TableDraft[], rootName: string): void {
  const tables = new Map(drafts.map((draft) => [key(draft.name), draft]))
  for (const draft of drafts) {
    const columns = new Set(draft.columns.map((column) => column.name))
    const check = (declared: Declared<unknown>, names: readonly string[]): void => {
      const missing = names.find((name) => !columns.has(name))
      if (missing !== undefined) throw errorAt(declared.origin, `@${declared.tag}: no column "${missing}" in ${draft.symbol}`)
    }
    if (draft.primaryKey !== null) check(draft.primaryKey, draft.primaryKey.spec.columns)
    draft.uniques.forEach((unique) => check(unique, unique.spec.columns))
    draft.indexes.forEach((index) => check(index, [...index.spec.keys.flatMap(columnOf), ...index.spec.include]))
    for (const foreignKey of draft.foreignKeys) {
      check(foreignKey, foreignKey.spec.columns)
      const target = tables.get(key(foreignKey.spec.references))
      const targetName = displayName(foreignKey.spec.references)
      if (target === undefined) throw errorAt(foreignKey.origin, `@${foreignKey.tag}: no table "${targetName}" in ${rootName}`)
      const targetColumns = new Set(target.columns.map((column) => column.name))
      const missing = foreignKey.spec.referencedColumns.find((name) => !targetColumns.has(name))
      if (missing !== undefined) throw errorAt(foreignKey.origin, `@${foreignKey.tag}: no column "${missing}" in ${targetName}`)
    }
  }
}

function columnOf(key: IndexKey): readonly string[] {
  return key.kind === 'column' ? [key.column] : []
}

function key(name: QualifiedName): string {
  return `${name.schema}\0${name.name}`
}
