import type { Change, TypeColumnUse } from '../diff/change.js'
import { enumValueAdditions } from '../emit/operations/enum-values.js'
import { sameName } from '../schema/names.js'

/**
 * PostgreSQL refuses to use an enum value added by `ALTER TYPE ... ADD VALUE` before the
 * transaction that added it commits ("unsafe use of new value"), and each migration runs in one
 * transaction. So when values are added next to other changes (a default, a check, an index
 * predicate may use them), the additions go in a migration of their own that runs first.
 * A rebuilt enum needs no split: values of a type created in the same transaction are safe.
 */
export function splitEnumAdditions(changes: readonly Change[]): readonly (readonly Change[])[] {
  const additions = changes.filter(isValueAddition)
  const others = changes.filter((change) => !isValueAddition(change))
  // Other changes may use the values a rebuild's inverse adds back in `down`.
  const rest = others.some((change) => change.kind !== 'alterEnum') ? others.map(rebuiltBothWays) : others
  if (additions.length === 0) return [rest]
  return rest.length === 0 ? [changes] : [additions.map((change) => alone(change, rest)), rest]
}

/**
 * A rebuilt enum (a value removed or reordered) is rebuilt in `down` too, where the inverse may
 * only add values: the rest of that `down` may use them (a default set back to a removed value),
 * which values added by `ADD VALUE` in the same transaction do not allow.
 */
function rebuiltBothWays(change: Change): Change {
  return change.kind === 'alterEnum' ? { ...change, rebuild: true } : change
}

/**
 * An addition in a migration of its own: the columns using the type are the same before and
 * after it, defaults included, which is what its inverse (a rebuild, in `down`, after the main
 * migration's `down` has put the columns back) finds and restores. It runs before the main
 * migration's renames (and its `down` after they are undone), so it names tables, columns and
 * enum values by their names before them.
 */
function alone(change: Change, main: readonly Change[]): Change {
  if (change.kind !== 'alterEnum') return change
  const uses = change.columns.map((use) => ({ ...namedBeforeRenames(use, main), restoredDefault: use.default }))
  const valueBefore = (value: string): string => {
    const rename = main.find((c) => c.kind === 'renameEnumValue' && sameName(c.enum, change.enum) && c.to === value)
    return rename?.kind === 'renameEnumValue' ? rename.from : value
  }
  return { ...change, from: change.from.map(valueBefore), to: change.to.map(valueBefore), columns: uses, columnsAfter: uses }
}

function namedBeforeRenames(use: TypeColumnUse, main: readonly Change[]): TypeColumnUse {
  const column = main.find((c) => c.kind === 'renameColumn' && sameName(c.table, use.table) && c.to === use.column)
  const table = main.find((c) => c.kind === 'renameTable' && c.schema === use.table.schema && c.to === use.table.name)
  return {
    ...use,
    column: column?.kind === 'renameColumn' ? column.from : use.column,
    table: table?.kind === 'renameTable' ? { ...use.table, name: table.from } : use.table,
  }
}

function isValueAddition(change: Change): boolean {
  return change.kind === 'alterEnum' && enumValueAdditions(change.from, change.to) !== null
}
