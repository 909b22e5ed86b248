import type { Extension as PGliteExtension } from '@electric-sql/pglite'
import { UserError } from '../errors.js'

/**
 * PGlite's contrib extensions: each must be registered when PGlite starts (its files are
 * unpacked into the in-memory file system) before `CREATE EXTENSION` can find it. Registering
 * costs start-up time, so only the extensions a schema declares are loaded. Keys are
 * PostgreSQL's extension names; the module of `uuid-ossp` is `uuid_ossp`.
 */
const CONTRIB_MODULES: ReadonlyMap<string, () => Promise<PGliteExtension>> = new Map([
  ['amcheck', async () => (await import('@electric-sql/pglite/contrib/amcheck')).amcheck],
  ['bloom', async () => (await import('@electric-sql/pglite/contrib/bloom')).bloom],
  ['btree_gin', async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin],
  ['btree_gist', async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist],
  ['citext', async () => (await import('@electric-sql/pglite/contrib/citext')).citext],
  ['cube', async () => (await import('@electric-sql/pglite/contrib/cube')).cube],
  ['earthdistance', async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance],
  ['fuzzystrmatch', async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch],
  ['hstore', async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore],
  ['intarray', async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray],
  ['isn', async () => (await import('@electric-sql/pglite/contrib/isn')).isn],
  ['lo', async () => (await import('@electric-sql/pglite/contrib/lo')).lo],
  ['ltree', async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree],
  ['pg_trgm', async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm],
  ['pgcrypto', async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto],
  ['seg', async () => (await import('@electric-sql/pglite/contrib/seg')).seg],
  ['tablefunc', async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc],
  ['unaccent', async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent],
  ['uuid-ossp', async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp],
])

/** Whether PGlite has a contrib build of the extension. */
export function isPGliteExtension(name: string): boolean {
  return CONTRIB_MODULES.has(name)
}

/** The `extensions` option of `PGlite.create` for these extension names. */
export async function pgliteExtensions(names: readonly string[]): Promise<Record<string, PGliteExtension>> {
  const entries = await Promise.all(
    [...new Set(names)].sort().map(async (name) => {
      const load = CONTRIB_MODULES.get(name)
      if (load === undefined) {
        throw new UserError(`the embedded database (PGlite) has no extension "${name}"; use a PostgreSQL server (--url or DATABASE_URL)`)
      }
      return [name.replace('-', '_'), await load()] as const
    }),
  )
  return Object.fromEntries(entries)
}
