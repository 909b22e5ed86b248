import { readdir } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { UserError } from '../errors.js'

/** Extensions Node (plain or through tsx) can import; `.d.ts` files are declarations, not code. */
const MIGRATION_EXTENSIONS: readonly string[] = ['.ts', '.mts', '.js', '.mjs']
const DECLARATION_FILE = /\.d\.[cm]?ts$/
const MAX_SLUG_LENGTH = 60

export interface MigrationFile {
  /** The file name without extension: what Kysely records in `kysely_migration`. */
  readonly name: string
  /** Absolute (or as given) path of the file. */
  readonly path: string
}

/**
 * The migration files of a folder, sorted by name as Kysely orders them. A folder that does not
 * exist holds no migrations (a new project has not written one yet).
 */
export async function listMigrationFiles(dir: string): Promise<readonly MigrationFile[]> {
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries
    .filter((entry) => MIGRATION_EXTENSIONS.includes(extname(entry)) && !DECLARATION_FILE.test(entry))
    .map((entry) => ({ name: entry.slice(0, -extname(entry).length), path: join(dir, entry) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** `"Add e-mail to users"` at 2026-11-22 10:30:00 UTC → `20261122103000_add_e_mail_to_users.ts`. */
export function newMigrationFileName(message: string, date: Date): string {
  const slug = slugify(message)
  if (slug === '') throw new UserError(`the message "${message}" gives an empty file name: use some letters or digits`)
  return `${timestamp(date)}_${slug}.ts`
}

/** Lowercase ASCII words joined by `_`, cut at a word boundary when too long. */
function slugify(message: string): string {
  const words = message
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, split off by NFKD: "é" → "e"
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}_${word}`
    if (next.length > MAX_SLUG_LENGTH) return slug === '' ? word.slice(0, MAX_SLUG_LENGTH) : slug
    slug = next
  }
  return slug
}

/** YYYYMMDDHHmmss in UTC: sorts by time, so Kysely runs migrations in the order they were written. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14)
}
