import type { AlterDomainChange, AlterEnumChange, Change, TypeColumnUse, TypeDependent } from '../../diff/change.js'
import { quoteIdentifier, quoteQualified } from '../../schema/names.js'
import type { QualifiedName } from '../../schema/schema.js'
import { enumValueAdditions } from './enum-values.js'
import type { ColumnAction, Operation } from './operation.js'

/**
 * A rebuilt enum or domain keeps its name; the old type is renamed to this while the columns move
 * to the new one, then dropped.
 */
export const OLD_TYPE_SUFFIX = '__old'

/**
 * The change rebuilds its type: an enum whose values are not only added (or whose additions must
 * be usable at once, `rebuild`), a domain whose base type changes.
 */
export function rebuildsType(change: AlterEnumChange | AlterDomainChange): boolean {
  if (change.kind === 'alterEnum') return change.rebuild || enumValueAdditions(change.from, change.to) === null
  return change.from.type !== change.to.type
}

/** What the change drops before it and creates again after: its dependents when it rebuilds a type, else none. */
export function rebuildDependents(change: Change): readonly TypeDependent[] {
  if (change.kind !== 'alterEnum' && change.kind !== 'alterDomain') return []
  return rebuildsType(change) ? change.dependents : []
}

/**
 * Moves every column in `uses` from the renamed old type to the new `type`. Defaults are dropped
 * first, since they are stored typed with the old type (which could then not be dropped), and
 * restored after unless the migration changes them: their text names the type, which now
 * resolves to the new one. `throughText`: enums cast to nothing but text, so they go through it.
 */
export function recastColumns(uses: readonly TypeColumnUse[], type: QualifiedName, throughText: boolean): readonly Operation[] {
  const typeName = quoteQualified(type)
  return uses.flatMap(({ table, column, default: defaultValue, restoredDefault, array }): Operation[] => {
    const newType = array ? `${typeName}[]` : typeName
    const text = throughText ? `::${array ? 'text[]' : 'text'}` : ''
    const alter = (action: ColumnAction): Operation => ({ kind: 'alterColumn', table, column, action })
    return [
      ...(defaultValue === null ? [] : [alter({ kind: 'dropDefault' })]),
      alter({ kind: 'setType', type: newType, collation: null, using: `${quoteIdentifier(column)}${text}::${newType}` }),
      ...(restoredDefault === null ? [] : [alter({ kind: 'setDefault', expression: restoredDefault })]),
    ]
  })
}
