import type { QualifiedName } from '../schema/schema.js'

/** Kysely's Migrator keeps its bookkeeping in `kysely_migration` and `kysely_migration_lock`. */
const MIGRATOR_TABLE_PREFIX = 'kysely_migration'

/**
 * Tables the reader leaves out, so a diff never proposes to drop them: the migrator's own, those
 * matching an `excludeTables` pattern, and, when `includeTables` is given, those matching none of
 * its patterns. A pattern is matched against `name` and against `schema.name`; `*` matches any run
 * of characters.
 *
 * Returns a predicate that is true for the tables to read.
 */
export function tableFilter(excludeTables: readonly string[], includeTables?: readonly string[]): (table: QualifiedName) => boolean {
  const excluded = matcher(excludeTables)
  const included = includeTables === undefined ? () => true : matcher(includeTables)
  return (table) => !table.name.startsWith(MIGRATOR_TABLE_PREFIX) && included(table) && !excluded(table)
}

function matcher(globs: readonly string[]): (table: QualifiedName) => boolean {
  const patterns = globs.map(globToRegExp)
  return (table) => {
    const qualified = `${table.schema}.${table.name}`
    return patterns.some((pattern) => pattern.test(table.name) || pattern.test(qualified))
  }
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`)
}
