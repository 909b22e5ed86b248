import { type Database, openDatabase } from '../../src/database/connect.js'
import { openScratchDatabase } from '../../src/database/scratch.js'

export type Backend = 'pglite' | 'server'

/**
 * Every integration test runs on embedded PGlite, and also on the PostgreSQL server when
 * TEST_DATABASE_URL is set (CI sets it). Use with `describe.each(BACKENDS)`.
 */
export const BACKENDS: readonly Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'server'] : ['pglite']

/** Contrib extensions the tests use, registered in every test PGlite (a server has them all). */
const TEST_EXTENSIONS: readonly string[] = ['citext']

/** A new, empty database on the backend; `close()` drops it. */
export function openTestDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') return openDatabase({ kind: 'memory', extensions: TEST_EXTENSIONS })
  return openScratchDatabase({ kind: 'url', url: process.env.TEST_DATABASE_URL! })
}
