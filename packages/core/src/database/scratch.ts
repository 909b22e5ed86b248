import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { type Database, type DatabaseTarget, openDatabase } from './connect.js'
import { emptyForReuse } from './empty-database.js'
import { IdlePool } from './idle-pool.js'
import { closeIdleScratchPGlites, openScratchPGlite } from './scratch-pglite.js'

const SCRATCH_PREFIX = 'kysely_autogen_scratch_'

/** How long an emptied server scratch waits for its next use before it is dropped (see idle-pool.ts). */
const IDLE_MS = 300

/** A scratch database on a server, and the connection to the server's database that drops it. */
interface ServerScratch {
  readonly admin: Database
  readonly scratch: Database
  readonly name: string
}

/** Emptied scratch databases by the URL of the server's database they were made next to. */
const idle = new IdlePool<ServerScratch>(IDLE_MS, dropScratch)

/**
 * The database each scratch was made next to, by the scratch's URL. A scratch asked for next to
 * a scratch (`check` canonicalises next to the database it replayed the migrations on) is made
 * next to that one's parent instead: the server connection that drops it must not live in a
 * database that may be dropped first.
 */
const parents = new Map<string, string>()

/**
 * An empty database, dropped (or emptied for reuse within the process) on close. Next to a
 * server, it is a database on that same server (so PostgreSQL of the same version prints every
 * canonical form); otherwise an embedded PGlite in a temporary folder, with the contrib
 * `extensions` registered (a server has its own), reused within the process (see scratch-pglite.ts).
 */
export async function openScratchDatabase(near: DatabaseTarget, extensions: readonly string[] = []): Promise<Database> {
  // A scratch next to an embedded database also needs the extensions registered there.
  if (near.kind !== 'url') return openScratchPGlite([...new Set([...(near.extensions ?? []), ...extensions])])
  const parent = parents.get(near.url) ?? near.url
  const server = idle.take(parent) ?? (await createScratch(parent))
  return {
    ...server.scratch,
    close: async () => {
      let emptied: boolean
      try {
        emptied = await emptyForReuse(server.scratch.db)
      } catch (error) {
        await dropScratch(server)
        throw error
      }
      if (emptied) idle.keep(parent, server)
      else await dropScratch(server)
    },
  }
}

/**
 * Drops the scratch databases kept for reuse, now: a command calls it when it is done, so that
 * the process ends without waiting for them to idle out.
 */
export async function closeIdleScratchDatabases(): Promise<void> {
  await Promise.all([idle.drain(), closeIdleScratchPGlites()])
}

async function createScratch(url: string): Promise<ServerScratch> {
  const admin = await openDatabase({ kind: 'url', url })
  const name = `${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`
  try {
    // template0: a template1 that someone filled with objects must not leak into the scratch.
    await sql`create database ${sql.id(name)} template template0`.execute(admin.db)
  } catch (error) {
    await admin.close()
    throw error
  }
  const scratchUrl = new URL(url)
  scratchUrl.pathname = `/${name}`
  const scratch = await openDatabase({ kind: 'url', url: scratchUrl.toString() })
  parents.set(scratchUrl.toString(), url)
  return { admin, scratch, name }
}

async function dropScratch({ admin, scratch, name }: ServerScratch): Promise<void> {
  parents.delete(scratch.target.kind === 'url' ? scratch.target.url : '')
  await scratch.close()
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
  await admin.close()
}
