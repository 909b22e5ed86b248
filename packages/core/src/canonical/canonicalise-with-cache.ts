import type { Database } from '../database/connect.js'
import type { QualifiedName, Schema, Sequence, Table } from '../schema/schema.js'
import { attachOrigins } from './attach-origins.js'
import { type CacheEntries, cacheKey, hintFreeJson, readCacheFile, withoutHints, writeCacheFile } from './canonical-cache.js'
import { canonicaliseInScratch } from './canonicalise.js'

export interface CanonicalCacheOptions {
  /** Where the canonical forms of earlier runs are kept (JSON, rewritten on every run). */
  readonly cacheFile: string
  /**
   * cacheEnvironment() of the server that prints the canonical forms: read by the caller, which
   * may have closed that database since (`check` closes the PGlite it replayed migrations on).
   */
  readonly environment: string
  /** Opens an empty scratch database next to `near`; closed after use. */
  readonly openScratch: () => Promise<Database>
  /** The entries of `cacheFile` when the caller read it ahead (readCacheFile); else read here. */
  readonly cached?: Promise<CacheEntries>
}

/** Everything of a Schema but its tables: one cache entry, part of every table's key. */
type SchemaObjects = Omit<Schema, 'tables'>

/** A table's canonical form, with the sequences PostgreSQL created for it (a `serial` column's). */
interface TableEntry {
  readonly table: Table
  readonly ownedSequences: readonly Sequence[]
}

/**
 * canonicaliseSchema() for only what changed: even probing needs a scratch database (on a
 * server, CREATE DATABASE copies a template and fsyncs it), so a canonical form is kept
 * per table under a key of what it depends on: the table as declared, the tables its foreign
 * keys reference (their keys must still accept them), every type, domain, sequence and
 * extension, and the server's version and printing settings. A run canonicalises only the tables
 * whose key is new, with the tables they reference (without their own foreign keys, read back
 * and discarded), so an unchanged model costs no scratch work at all, and a changed table costs
 * its own canonicalisation. The result is the same Schema canonicaliseSchema() returns.
 */
export async function canonicaliseWithCache(models: Schema, options: CanonicalCacheOptions): Promise<Schema> {
  const cached = await (options.cached ?? readCacheFile(options.cacheFile))
  const { tables, ...objects } = models
  const objectsKey = cacheKey([options.environment, hintFreeJson(objects)])
  const byName = new Map(tables.map((table) => [nameOf(table), table]))
  // Each table's JSON once: it is part of its own key and of the keys of the tables referencing it.
  const declared = new Map(tables.map((table) => [nameOf(table), hintFreeJson(table)]))
  const keyOf = (table: Table): string =>
    cacheKey([objectsKey, declared.get(nameOf(table))!, ...table.foreignKeys.map((foreignKey) => declared.get(nameOf(foreignKey.references)) ?? '')])
  const keys = new Map(tables.map((table) => [table, keyOf(table)]))
  const missing = tables.filter((table) => !cached.has(keys.get(table)!))

  let canonicalObjects = cached.get(objectsKey) as SchemaObjects | undefined
  const entries = new Map<Table, TableEntry>()
  for (const table of tables) {
    const entry = cached.get(keys.get(table)!) as TableEntry | undefined
    if (entry !== undefined) entries.set(table, entry)
  }
  const upToDate = canonicalObjects !== undefined && missing.length === 0
  if (!upToDate) {
    const scratchTables = [...missing, ...supportingTables(missing, models, byName)]
    const canonical = await canonicaliseInScratch({ ...objects, tables: scratchTables }, options.openScratch)
    const created = new Set(scratchTables.map(nameOf))
    const { tables: canonicalTables, ...rest } = canonical
    canonicalObjects = withoutHints({ ...rest, sequences: canonical.sequences.filter((sequence) => !created.has(ownerOf(sequence) ?? '')) })
    const canonicalByName = new Map(canonicalTables.map((table) => [nameOf(table), table]))
    for (const table of missing) {
      const name = nameOf(table)
      entries.set(table, withoutHints({ table: canonicalByName.get(name)!, ownedSequences: canonical.sequences.filter((sequence) => ownerOf(sequence) === name) }))
    }
  }
  // Rewritten when something was added or is no longer used, so the file holds this model's forms only.
  if (!upToDate || cached.size !== tables.length + 1) {
    await writeCacheFile(options.cacheFile, new Map<string, unknown>([[objectsKey, canonicalObjects], ...tables.map((table) => [keys.get(table)!, entries.get(table)!] as const)]))
  }
  const sequences = [...canonicalObjects!.sequences, ...[...entries.values()].flatMap((entry) => entry.ownedSequences)]
  return attachOrigins(
    { ...canonicalObjects!, sequences: sortByName(uniqueByName(sequences)), tables: sortByName([...entries.values()].map((entry) => entry.table)) },
    models,
  )
}

/**
 * Tables the `missing` ones need in the scratch database without being re-canonicalised: those
 * their foreign keys reference and those owning a declared sequence (`OWNED BY` needs the
 * column). They are created without foreign keys of their own, so nothing else is pulled in.
 */
function supportingTables(missing: readonly Table[], models: Schema, byName: ReadonlyMap<string, Table>): readonly Table[] {
  const wanted = new Set(missing.map(nameOf))
  const needed = [
    ...missing.flatMap((table) => table.foreignKeys.map((foreignKey) => nameOf(foreignKey.references))),
    ...models.sequences.flatMap((sequence) => (sequence.ownedBy === null ? [] : [nameOf(sequence.ownedBy.table)])),
  ]
  const support: Table[] = []
  for (const name of needed) {
    const table = byName.get(name)
    if (table === undefined || wanted.has(name)) continue
    wanted.add(name)
    support.push({ ...table, foreignKeys: [] })
  }
  return support
}

function ownerOf(sequence: Sequence): string | null {
  return sequence.ownedBy === null ? null : nameOf(sequence.ownedBy.table)
}

function nameOf(name: QualifiedName): string {
  return `${name.schema}.${name.name}`
}

function uniqueByName<T extends QualifiedName>(items: readonly T[]): readonly T[] {
  return [...new Map(items.map((item) => [nameOf(item), item])).values()]
}

/** By (schema, name) in code-point order, as the catalog reader sorts (collation "C"). */
function sortByName<T extends QualifiedName>(items: readonly T[]): readonly T[] {
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return [...items].sort((a, b) => compare(a.schema, b.schema) || compare(a.name, b.name))
}
