import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { type Database, type DatabaseTarget, openDatabase } from './connect.js'
import { openScratchPGlite } from './scratch-pglite.js'

const SCRATCH_PREFIX = 'kysely_autogen_scratch_'

/**
 * An empty database that is dropped on close. Next to a server, it is a new database on that
 * same server (so PostgreSQL of the same version prints every canonical form); otherwise an
 * in-memory embedded PGlite, with the contrib `extensions` registered (a server has its own),
 * reused within the process (see scratch-pglite.ts).
 */
export async function openScratchDatabase(near: DatabaseTarget, extensions: readonly string[] = []): Promise<Database> {
  // A scratch next to an embedded database also needs the extensions registered there.
  if (near.kind !== 'url') return openScratchPGlite([...new Set([...(near.extensions ?? []), ...extensions])])
  const admin = await openDatabase(near)
  const name = `${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`
  try {
    // template0: a template1 that someone filled with objects must not leak into the scratch.
    await sql`create database ${sql.id(name)} template template0`.execute(admin.db)
  } catch (error) {
    await admin.close()
    throw error
  }
  const url = new URL(near.url)
  url.pathname = `/${name}`
  const scratch = await openDatabase({ kind: 'url', url: url.toString() })
  return {
    ...scratch,
    close: async () => {
      await scratch.close()
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
      await admin.close()
    },
  }
}
