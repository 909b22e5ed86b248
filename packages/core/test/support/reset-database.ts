import { sql } from 'kysely'
import type { Database } from '../../src/database/connect.js'
import { closeIdleScratchDatabases } from '../../src/database/scratch.js'
import { type Backend, openTestDatabase } from './test-databases.js'

/** Drops every user schema (and with `public`, Kysely's migration tables) and recreates public. */
export async function resetDatabase(database: Database): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select nspname as name from pg_namespace
    where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\_%'
  `.execute(database.db)
  for (const { name } of rows) await sql`drop schema ${sql.id(name)} cascade`.execute(database.db)
  await sql`create schema public`.execute(database.db)
}

/**
 * One database for a `describe` block on `backend`, emptied before each test: returns a getter,
 * since the database exists only once `beforeAll` has run.
 */
export function useResetDatabase(backend: Backend): () => Database {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(async () => {
    await database.close()
    // Scratch databases idle a moment for reuse (scratch.ts); the file's tests are done with them.
    await closeIdleScratchDatabases()
  })
  beforeEach(async () => {
    await resetDatabase(database)
  })
  return () => database
}
