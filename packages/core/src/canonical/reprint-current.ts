import type { Database } from '../database/connect.js'
import { sameName } from '../schema/names.js'
import type { CheckConstraint, Column, Index, Schema, Table } from '../schema/schema.js'
import { canonicaliseInScratch } from './canonicalise.js'

/**
 * PostgreSQL does not always print back what it printed. A database keeps the expression tree
 * its DDL was parsed into, and re-parsing PostgreSQL's print of that tree can give another tree:
 * `CHECK (status IN ('a', 'b'))` on a varchar column prints as
 * `((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))`,
 * and that text, parsed again, prints as `ANY (ARRAY[('a'::character varying)::text, ...])`.
 * Models written by `migrate pull` hold the first print, and their canonical form (canonicalise.ts)
 * is always a second print, so a pulled database would differ from its own models.
 *
 * Hence the expressions of `current` that differ from `desired` (checks, index keys and
 * predicates, defaults, generation expressions) are printed a second time as well, in a scratch
 * database, before the diff: two prints of the same tree then compare equal, a real change still
 * differs. Only tables with such a difference are re-created there (without foreign keys, with
 * the types and sequences they may use). When PostgreSQL rejects that (an expression calls a
 * function the models do not hold), `current` is compared as it is.
 */
export async function reprintDifferingExpressions(current: Schema, desired: Schema, openScratch: () => Promise<Database>): Promise<Schema> {
  const differing = current.tables.filter((table) => {
    const target = desired.tables.find((other) => sameName(other, table))
    return target !== undefined && expressionsDiffer(table, target)
  })
  if (differing.length === 0) return current
  const alone: Schema = {
    ...current,
    sequences: current.sequences.map((sequence) => ({ ...sequence, ownedBy: null })),
    tables: differing.map((table) => ({ ...table, foreignKeys: [] })),
  }
  let reprinted: Schema
  try {
    reprinted = await canonicaliseInScratch(alone, openScratch)
  } catch {
    return current
  }
  return {
    ...current,
    tables: current.tables.map((table) => {
      const again = differing.includes(table) ? reprinted.tables.find((other) => sameName(other, table)) : undefined
      return again === undefined ? table : withExpressionsOf(table, again)
    }),
  }
}

function expressionsDiffer(table: Table, target: Table): boolean {
  const differs = <T extends { readonly name: string }>(mine: readonly T[], theirs: readonly T[], text: (item: T) => string): boolean =>
    mine.some((item) => {
      const other = theirs.find((candidate) => candidate.name === item.name)
      return other !== undefined && text(other) !== text(item)
    })
  return differs(table.checks, target.checks, checkText) || differs(table.indexes, target.indexes, indexText) || differs(table.columns, target.columns, columnText)
}

const checkText = (check: CheckConstraint): string => check.expression
const indexText = (index: Index): string => JSON.stringify([index.keys, index.where])
const columnText = (column: Column): string => JSON.stringify([column.default, column.generated])

/** `table` with the expressions PostgreSQL printed for `again` (same names), all else kept. */
function withExpressionsOf(table: Table, again: Table): Table {
  const byName = <T extends { readonly name: string }>(items: readonly T[], name: string): T | undefined => items.find((item) => item.name === name)
  return {
    ...table,
    checks: table.checks.map((check) => ({ ...check, expression: byName(again.checks, check.name)?.expression ?? check.expression })),
    indexes: table.indexes.map((index) => {
      const other = byName(again.indexes, index.name)
      return other === undefined ? index : { ...index, keys: other.keys, where: other.where }
    }),
    columns: table.columns.map((column) => {
      const other = byName(again.columns, column.name)
      return other === undefined ? column : { ...column, default: other.default, generated: other.generated }
    }),
  }
}
