import type { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import type { Database } from './connect.js'
import { openPGlite } from './embedded.js'
import { emptyForReuse } from './empty-database.js'
import { IdlePool } from './idle-pool.js'
import { PGliteDialect } from './pglite-dialect.js'

/**
 * How long an emptied scratch waits for its next use before it is closed: back-to-back
 * canonicalisations (a test case, `check`) reuse it; a CLI run exits this much later.
 */
const IDLE_MS = 300

const LABEL = 'in-memory embedded database'

/**
 * In-memory scratch PGlites, reused within the process (see idle-pool.ts). Extensions are
 * registered at start, so the extension set is the pool's key.
 */
const idle = new IdlePool<PGlite>(IDLE_MS, (pglite) => pglite.close())

export async function openScratchPGlite(extensions: readonly string[]): Promise<Database> {
  const key = [...extensions].sort().join(',')
  const pglite = idle.take(key) ?? (await openPGlite(undefined, extensions))
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) })
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
        await pglite.close()
        throw error
      }
      await db.destroy()
      if (emptied) idle.keep(key, pglite)
      else await pglite.close()
    },
  }
}

/** Closes the scratch PGlites kept for reuse, now (see closeIdleScratchDatabases). */
export function closeIdleScratchPGlites(): Promise<void> {
  return idle.drain()
}
