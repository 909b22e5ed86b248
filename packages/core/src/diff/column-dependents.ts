import { sqlIdentifier, tokenize } from '../models/sql-tokens.js'
import type { CheckConstraint, Column, ForeignKey, Index, PrimaryKey, Table, UniqueConstraint } from '../schema/schema.js'

/**
 * Which columns change in a way their dependents cannot survive, and which dependents use them.
 *
 * PostgreSQL refuses `ALTER COLUMN ... TYPE` on a column a generated column uses, and re-parses
 * (or fails on) the indexes and constraints over it; a generated expression cannot be set or
 * changed at all (PostgreSQL 15: only dropped), so such a column is dropped and added again, and
 * `DROP COLUMN` takes its indexes and constraints along silently. So every index and constraint
 * using a retyped or re-created column is dropped before and created again after, by name, and a
 * generated column using one is re-created too. A column whose expression is dropped keeps its
 * dependents in PostgreSQL, but the inverse (in `down`) re-creates the column, so they are
 * re-created around it as well.
 *
 * Expressions are read as PostgreSQL printed them; an identifier that names a column counts as a
 * use (a function named like a column is a harmless false positive: one more re-creation).
 */
export interface ColumnRework {
  /** Altered in place with a new type or collation. */
  readonly retyped: ReadonlySet<string>
  /** Generated before and after, but dropped and added again (expression changed, or over a reworked column). */
  readonly recreated: ReadonlySet<string>
  /** Plain before, generated after: re-created once the columns its expression uses are altered. */
  readonly generationAdded: ReadonlySet<string>
  /** Generated before, plain after: `DROP EXPRESSION`, before the columns it used are altered. */
  readonly generationDropped: ReadonlySet<string>
}

export function columnRework(from: Table, to: Table): ColumnRework {
  const target = new Map(to.columns.map((column) => [column.name, column]))
  const kept = from.columns.flatMap((column) => {
    const other = target.get(column.name)
    return other === undefined ? [] : [[column, other] as const]
  })
  const names = (pairs: readonly (readonly [Column, Column])[]): Set<string> => new Set(pairs.map(([a]) => a.name))
  const retyped = names(kept.filter(([a, b]) => a.type !== b.type || a.collation !== b.collation))
  const recreated = names(kept.filter(([a, b]) => a.generated !== null && b.generated !== null && a.generated !== b.generated))
  // A generated column over a reworked column is re-created, and may itself be used by another.
  for (let grew = true; grew; ) {
    grew = false
    for (const [a, b] of kept) {
      if (recreated.has(a.name) || a.generated === null || b.generated === null || !mentions(a.generated, union(retyped, recreated))) continue
      recreated.add(a.name)
      grew = true
    }
  }
  return {
    retyped,
    recreated,
    generationAdded: names(kept.filter(([a, b]) => a.generated === null && b.generated !== null)),
    generationDropped: names(kept.filter(([a, b]) => a.generated !== null && b.generated === null)),
  }
}

/** Any of the columns in `names` appears in the constraint or index. */
export function keyUses(key: PrimaryKey | UniqueConstraint | ForeignKey, names: ReadonlySet<string>): boolean {
  return key.columns.some((column) => names.has(column))
}

export function checkUses(check: CheckConstraint, names: ReadonlySet<string>): boolean {
  return mentions(check.expression, names)
}

export function generationUses(column: Column, names: ReadonlySet<string>): boolean {
  return column.generated !== null && mentions(column.generated, names)
}

export function indexUses(index: Index, names: ReadonlySet<string>): boolean {
  return (
    index.keys.some((key) => (key.kind === 'column' ? names.has(key.column) : mentions(key.expression, names))) ||
    index.include.some((column) => names.has(column)) ||
    (index.where !== null && mentions(index.where, names))
  )
}

/** The columns of `rework` as one set. */
export function reworkedColumns(rework: ColumnRework): ReadonlySet<string> {
  return new Set([...rework.retyped, ...rework.recreated, ...rework.generationAdded, ...rework.generationDropped])
}

function mentions(expression: string, names: ReadonlySet<string>): boolean {
  // Most tables rework no column: then there is nothing to look for (and tokenizing is not free).
  if (names.size === 0) return false
  return tokenize(expression).some((token) => {
    const name = sqlIdentifier(token)
    return name !== null && names.has(name)
  })
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...a, ...b])
}
