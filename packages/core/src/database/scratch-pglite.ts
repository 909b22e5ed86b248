import type { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import type { Database } from './connect.js'
import { openPGlite } from './embedded.js'
import { emptyForReuse } from './empty-database.js'
import { IdlePool } from './idle-pool.js'
import { PGliteDialect } from './pglite-dialect.js'
import { makeTemporaryDir, removeTemporaryDir } from './temporary-dirs.js'

/**
 * How long an emptied scratch waits for its next use before it is closed: back-to-back
 * canonicalisations (a test case, `check`) reuse it; a CLI run exits this much later.
 */
const IDLE_MS = 300

const LABEL = 'temporary embedded database'

/** The data directory's name in the OS temp folder, before mkdtemp's random suffix. */
const DATA_DIR_PREFIX = 'kysely-autogen-scratch-'

/**
 * PGlite keeps its WebAssembly heap for the life of the process, and shared_buffers is most of
 * it (PGlite's default is 128 MB; PostgreSQL's own is 16 MB): a scratch reads each page a few
 * times, and an evicted page is in the OS page cache anyway. full_page_writes only matters for
 * crash recovery, which a scratch never does; neither setting changes what the catalog holds.
 */
const SETTINGS: readonly string[] = ['shared_buffers=16MB', 'full_page_writes=off']

/** A scratch PGlite and the data directory it owns. */
interface ScratchPGlite {
  readonly pglite: PGlite
  readonly dataDir: string
}

/**
 * Scratch PGlites, reused within the process (see idle-pool.ts). Extensions are registered at
 * start, so the extension set is the pool's key.
 */
const idle = new IdlePool<ScratchPGlite>(IDLE_MS, closeScratch)

/**
 * An empty PGlite for scratch work. Its data directory is a new folder in the OS temp folder,
 * removed on close (or at exit): kept in memory, PGlite's files (every relation and index of a
 * replayed schema, and the WAL) grow the process by ~130 MB per 1,000 tables, on disk they are
 * the OS page cache's to keep or drop.
 */
export async function openScratchPGlite(extensions: readonly string[]): Promise<Database> {
  const key = [...extensions].sort().join(',')
  const scratch = idle.take(key) ?? (await createScratch(extensions))
  const db = new Kysely<any>({ dialect: new PGliteDialect(scratch.pglite) })
  return {
    db,
    target: { kind: 'memory', extensions },
    label: LABEL,
    close: async () => {
      let emptied: boolean
      try {
        emptied = await emptyForReuse(db)
      } catch (error) {
        await db.destroy()
        await closeScratch(scratch)
        throw error
      }
      await db.destroy()
      if (emptied) idle.keep(key, scratch)
      else await closeScratch(scratch)
    },
  }
}

/** Closes the scratch PGlites kept for reuse, now (see closeIdleScratchDatabases). */
export function closeIdleScratchPGlites(): Promise<void> {
  return idle.drain()
}

async function createScratch(extensions: readonly string[]): Promise<ScratchPGlite> {
  const dataDir = await makeTemporaryDir(DATA_DIR_PREFIX)
  try {
    return { pglite: await openPGlite(dataDir, extensions, SETTINGS), dataDir }
  } catch (error) {
    await removeTemporaryDir(dataDir)
    throw error
  }
}

async function closeScratch({ pglite, dataDir }: ScratchPGlite): Promise<void> {
  try {
    await pglite.close()
  } finally {
    await removeTemporaryDir(dataDir)
  }
}
