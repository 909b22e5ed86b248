/**
 * Structural equality of Schema elements, ignoring where they came from (`origin`) and rename
 * hints (`renamedFrom`, `renamedValues`), which say nothing about what PostgreSQL holds.
 */
const IGNORED_KEYS: ReadonlySet<string> = new Set(['origin', 'renamedFrom', 'renamedValues'])

export function sameDefinition(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameDefinition(item, b[i]))
  }
  // Counted in loops, not as filtered key lists: this runs on every element of both schemas.
  let keys = 0
  for (const key in a) {
    if (IGNORED_KEYS.has(key)) continue
    keys++
    if (!sameDefinition((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false
  }
  for (const key in b) if (!IGNORED_KEYS.has(key)) keys--
  return keys === 0
}

/** Pairs elements of two lists by a key: the ones only in `from`, only in `to`, and in both. */
export interface Matched<T> {
  readonly removed: readonly T[]
  readonly added: readonly T[]
  readonly kept: readonly (readonly [from: T, to: T])[]
}

export function matchBy<T>(from: readonly T[], to: readonly T[], key: (item: T) => string): Matched<T> {
  const toByKey = new Map(to.map((item) => [key(item), item]))
  const fromKeys = new Set(from.map(key))
  return {
    removed: from.filter((item) => !toByKey.has(key(item))),
    added: to.filter((item) => !fromKeys.has(key(item))),
    kept: from.flatMap((item) => {
      const other = toByKey.get(key(item))
      return other === undefined ? [] : [[item, other] as const]
    }),
  }
}
