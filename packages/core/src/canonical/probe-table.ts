import type { CheckConstraint, Column, Index, Table } from '../schema/schema.js'

/** Building blocks of the probe tables (see probe-plan.ts). */

/** The schema that makes `CREATE TABLE pg_temp.x` a temporary table. */
export const PROBE_SCHEMA = 'pg_temp'

/** PostgreSQL allows 1,600 columns a table; column probes stay well under. */
export const COLUMNS_PER_PROBE = 1000

/** An index whose catalog entry holds SQL text PostgreSQL prints, or whose method may reorder keys. */
export function holdsSqlText(index: Index): boolean {
  return index.method !== 'btree' || index.where !== null || index.keys.some((key) => key.kind === 'expression')
}

/** A probe column: only what printing and checking need (nullable, no identity, no comment). */
export function probeColumn(name: string, type: string, collation: string | null, defaultValue: string | null, generated: string | null): Column {
  return { name, type, nullable: true, default: defaultValue, identity: null, generated, collation, comment: null, renamedFrom: null, origin: null }
}

/** A temporary table with columns and checks; keys and indexes are added by the probes that need them. */
export function probeTable(name: string, columns: readonly Column[], checks: readonly CheckConstraint[]): Table {
  return { schema: PROBE_SCHEMA, name, columns, primaryKey: null, uniques: [], checks, foreignKeys: [], indexes: [], comment: null, renamedFrom: null, origin: null }
}

/** `items` in runs of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): readonly (readonly T[])[] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))
}
