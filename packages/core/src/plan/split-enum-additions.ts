import type { Change } from '../diff/change.js'
import { type DroppedElements, typeUses } from '../diff/type-uses.js'
import { enumValueAdditions } from '../emit/operations/enum-values.js'
import { sameName } from '../schema/names.js'
import type { Schema } from '../schema/schema.js'

/** A migration of additions alone drops nothing itself: every dependent is the rebuild's. */
const NOTHING_DROPPED: DroppedElements = new Set()

/**
 * PostgreSQL refuses to use an enum value added by `ALTER TYPE ... ADD VALUE` before the
 * transaction that added it commits ("unsafe use of new value"), and each migration runs in one
 * transaction. So when values are added next to other changes (a default, a check, an index
 * predicate may use them), the additions go in a migration of their own that runs first.
 * A rebuilt enum needs no split: values of a type created in the same transaction are safe.
 * `current` is the database the changes were found on (renames not applied).
 */
export function splitEnumAdditions(changes: readonly Change[], current: Schema): readonly (readonly Change[])[] {
  const additions = changes.filter(isValueAddition)
  const others = changes.filter((change) => !isValueAddition(change))
  // Other changes may use the values a rebuild's inverse adds back in `down`.
  const rest = others.some((change) => change.kind !== 'alterEnum') ? others.map(rebuiltBothWays) : others
  if (additions.length === 0) return [rest]
  return rest.length === 0 ? [changes] : [additions.map((change) => alone(change, rest, current)), rest]
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
 * An addition in a migration of its own. It runs on `current`, before the main migration and its
 * renames, and its `down` once the main migration's `down` has put `current` back. So its
 * inverse, a rebuild, casts the columns `current` types with the enum and carries every
 * constraint and index over them (see `TypeUses`), all named as `current` names them, and the
 * values are named as before the main migration's value renames.
 */
function alone(change: Change, main: readonly Change[], current: Schema): Change {
  if (change.kind !== 'alterEnum') return change
  const valueBefore = (value: string): string => {
    const rename = main.find((c) => c.kind === 'renameEnumValue' && sameName(c.enum, change.enum) && c.to === value)
    return rename?.kind === 'renameEnumValue' ? rename.from : value
  }
  const uses = typeUses(change.enum, current, current, NOTHING_DROPPED)
  return { ...change, from: change.from.map(valueBefore), to: change.to.map(valueBefore), ...uses }
}

function isValueAddition(change: Change): boolean {
  return change.kind === 'alterEnum' && enumValueAdditions(change.from, change.to) !== null
}
