import type { Change } from '../diff/change.js'

/**
 * Relations one migration may create. Every relation a transaction creates or alters holds a
 * slot of PostgreSQL's shared lock table until it commits, and the table has
 * max_locks_per_transaction × max_connections slots (64 × 100 = 6,400 by default, PGlite's too)
 * for all sessions together: one transaction creating 1,000 typical tables fails with "out of
 * shared memory". A third of the default leaves room for everyone else.
 */
export const MAX_RELATIONS_PER_MIGRATION = 2_000

/**
 * An initial migration of a large schema in several migrations, each its own transaction:
 * the planned `up` cut into consecutive parts, each before a CREATE TABLE, so that no part
 * creates more than MAX_RELATIONS_PER_MIGRATION relations. Run in order, the parts do exactly
 * what the whole did; a part that fails rolls back alone, leaving the earlier ones applied and
 * recorded. A plan under the limit comes back whole.
 */
export function splitLargeMigration(up: readonly Change[]): readonly (readonly Change[])[] {
  const parts: Change[][] = [[]]
  let relations = 0
  for (const change of up) {
    const created = relationsCreated(change)
    if (change.kind === 'createTable' && relations > 0 && relations + created > MAX_RELATIONS_PER_MIGRATION) {
      parts.push([])
      relations = 0
    }
    parts[parts.length - 1].push(change)
    relations += created
  }
  return parts
}

/**
 * Relations a change creates: a table brings its TOAST table and index, one index per primary
 * or unique key and a sequence per identity column; an index is one.
 */
function relationsCreated(change: Change): number {
  if (change.kind === 'createIndex') return 1
  if (change.kind !== 'createTable') return 0
  const { table } = change
  const keys = (table.primaryKey === null ? 0 : 1) + table.uniques.length
  return 3 + keys + table.columns.filter((column) => column.identity !== null).length
}
