import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { type Kysely, sql } from 'kysely'

/**
 * Bumped whenever canonicalisation could print something differently for the same models, so
 * entries written by an older build are never read as current.
 */
const CACHE_FORMAT = 1

/** The package's own version: a new release starts with an empty cache. */
const TOOL_VERSION: string = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).version

/**
 * Settings that change how PostgreSQL prints a canonical form: the output functions of date,
 * interval and float constants in defaults and checks follow them.
 */
const PRINTING_SETTINGS: readonly string[] = ['DateStyle', 'IntervalStyle', 'TimeZone', 'extra_float_digits', 'standard_conforming_strings']

/**
 * Fields that never change a canonical form (where a thing was declared, rename hints), with
 * the value they are stored as: attachOrigins() puts the models' own back.
 */
const NOT_CANONICAL_FIELDS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['origin', null],
  ['renamedFrom', null],
  ['renamedValues', []],
])

/** Canonical forms by key; a value is whatever the caller stored (plain JSON). */
export type CacheEntries = ReadonlyMap<string, unknown>

/**
 * What the canonical form of a model element depends on besides the element: the server's
 * version and printing settings, and this build. Part of every key.
 */
export async function cacheEnvironment(db: Kysely<any>): Promise<string> {
  const settings = PRINTING_SETTINGS.map((name) => sql`current_setting(${name})`)
  const { rows } = await sql<{ version: string; settings: string[] }>`
    select version() as version, array[${sql.join(settings)}] as settings
  `.execute(db)
  return JSON.stringify([CACHE_FORMAT, TOOL_VERSION, rows[0].version, rows[0].settings])
}

/** A key for what canonical forms depend on, given as JSON texts (see hintFreeJson). */
export function cacheKey(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('base64url')
}

/** A copy of `value` without origins and rename hints: how canonical forms are stored. */
export function withoutHints<T>(value: T): T {
  return JSON.parse(hintFreeJson(value)) as T
}

/** `value` as JSON without origins and rename hints: what a key is made of. */
export function hintFreeJson(value: unknown): string {
  return JSON.stringify(value, (key, field: unknown) => (NOT_CANONICAL_FIELDS.has(key) ? NOT_CANONICAL_FIELDS.get(key) : field))
}

/** The entries of a cache file; an absent or unreadable file is an empty cache, never an error. */
export async function readCacheFile(path: string): Promise<CacheEntries> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>))
  } catch {
    return new Map()
  }
}

/**
 * Replaces the cache file with `entries`. Written to a temporary file and renamed, so a
 * concurrent reader sees the old file or the new one, never half of one. A cache that cannot be
 * written (a read-only checkout) only makes the next run slower: that is not an error.
 */
export async function writeCacheFile(path: string, entries: CacheEntries): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(temporary, JSON.stringify(Object.fromEntries(entries)))
    await rename(temporary, path)
  } catch {
    await rm(temporary, { force: true }).catch(() => {})
  }
}
