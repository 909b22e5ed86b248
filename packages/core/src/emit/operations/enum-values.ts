import type { EnumValuePosition } from './operation.js'

export interface EnumValueAddition {
  readonly value: string
  readonly position: EnumValuePosition
}

/**
 * The `ADD VALUE` steps that turn `from` into `to`, or null when `to` is not `from` with values
 * inserted (a value removed or reordered): then the type must be rebuilt.
 *
 * Applied in order, each step's neighbour already exists: values before the first old one go
 * `before` it (so they keep their order), values after the last old one are appended, and the
 * rest go `after` their predecessor in `to`.
 */
export function enumValueAdditions(from: readonly string[], to: readonly string[]): readonly EnumValueAddition[] | null {
  if (!isSubsequence(from, to)) return null
  const firstOld = from.length === 0 ? to.length : to.indexOf(from[0])
  const lastOld = from.length === 0 ? -1 : to.indexOf(from[from.length - 1])
  const kept = new Set(from)
  return to.flatMap((value, i): EnumValueAddition[] => {
    if (kept.has(value)) return []
    if (i > lastOld) return [{ value, position: { kind: 'append' } }]
    if (i < firstOld) return [{ value, position: { kind: 'before', neighbour: from[0] } }]
    return [{ value, position: { kind: 'after', neighbour: to[i - 1] } }]
  })
}

/** Values of `from` missing from `to`: what a rebuild loses. */
export function removedEnumValues(from: readonly string[], to: readonly string[]): readonly string[] {
  return from.filter((value) => !to.includes(value))
}

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let next = 0
  for (const value of whole) {
    if (next < part.length && part[next] === value) next++
  }
  return next === part.length
}
