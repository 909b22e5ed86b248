import type { TypeColumnUse } from '../../diff/change.js'
import { quoteIdentifier, quoteQualified } from '../../schema/names.js'
import type { QualifiedName } from '../../schema/schema.js'
import type { ColumnAction, Operation } from './operation.js'

/**
 * A rebuilt enum or domain keeps its name; the old type is renamed to this while the columns move
 * to the new one, then dropped.
 */
export const OLD_TYPE_SUFFIX = '__old'

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
