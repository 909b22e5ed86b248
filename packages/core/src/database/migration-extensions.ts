import { readFile } from 'node:fs/promises'
import { listMigrationFiles } from '../runner/migration-files.js'
import type { DatabaseTarget } from './connect.js'
import { isPGliteExtension } from './pglite-extensions.js'

/**
 * `create extension [if not exists] name` in a migration's source, the name plain or quoted
 * (`"uuid-ossp"`): group 1 is a quoted name, group 2 a plain one.
 */
const CREATE_EXTENSION = /create\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))/gi

/**
 * `target` with the PGlite contrib extensions the migrations of `migrationsDir` create added
 * (a URL is returned as it is). PGlite must register a contrib extension when it starts, before
 * `CREATE EXTENSION` can find it, and at every later start while the database holds it, so an
 * embedded database that runs the migrations (or holds what they made) needs them all. Only
 * names PGlite knows count: any other fails in its migration, with PostgreSQL's own message.
 */
export async function withMigrationExtensions(target: DatabaseTarget, migrationsDir: string): Promise<DatabaseTarget> {
  if (target.kind === 'url') return target
  const created = await Promise.all((await listMigrationFiles(migrationsDir)).map(async (file) => createdExtensions(await readFile(file.path, 'utf8'))))
  const names = new Set([...(target.extensions ?? []), ...created.flat().filter(isPGliteExtension)])
  return { ...target, extensions: [...names].sort() }
}

function createdExtensions(source: string): readonly string[] {
  return [...source.matchAll(CREATE_EXTENSION)].map(([, quoted, plain]) => (quoted === undefined ? plain.toLowerCase() : quoted.replaceAll('""', '"')))
}
