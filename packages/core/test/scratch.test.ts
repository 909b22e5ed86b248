import { sql } from 'kysely'
import type { Database, DatabaseTarget } from '../src/database/connect.js'
import { closeIdleScratchDatabases, openScratchDatabase } from '../src/database/scratch.js'
import { type Backend, BACKENDS } from './support/test-databases.js'

/** More relations than a scratch is emptied for reuse with (empty-database.ts). */
const LARGE = 501

const nearOf = (backend: Backend): DatabaseTarget =>
  backend === 'server' ? { kind: 'url', url: process.env.TEST_DATABASE_URL! } : { kind: 'memory' }

/**
 * Which scratch this is: the database's name on a server, a session setting on PGlite (one
 * session per PGlite, kept when it is emptied for reuse).
 */
async function identity(backend: Backend, scratch: Database): Promise<string> {
  const { rows } = await (backend === 'server'
    ? sql<{ id: string }>`select current_database() as id`
    : sql<{ id: string | null }>`select current_setting('kysely_autogen_test.mark', true) as id`
  ).execute(scratch.db)
  return rows[0].id ?? ''
}

async function tableCount(scratch: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(scratch.db)
  return rows[0].n
}

/**
 * Scratch databases are reused within a process when small (emptied), thrown away when large
 * (emptying would take a lock per relation in one transaction: "out of shared memory" at a
 * thousand tables), and all closed at once when a command is done.
 */
describe.each(BACKENDS)('scratch databases on %s', (backend) => {
  afterEach(async () => {
    await closeIdleScratchDatabases()
  })

  test('a small scratch is emptied and reused; a large one is not reused', async () => {
    const first = await openScratchDatabase(nearOf(backend))
    await sql`select set_config('kysely_autogen_test.mark', 'first', false); create table notes (id int)`.execute(first.db)
    const firstIdentity = await identity(backend, first)
    await first.close()

    const reused = await openScratchDatabase(nearOf(backend))
    expect(await identity(backend, reused)).toBe(firstIdentity)
    expect(await tableCount(reused)).toBe(0)
    await sql.raw(Array.from({ length: LARGE }, (_, i) => `create table t${i} ()`).join(';\n')).execute(reused.db)
    await reused.close()

    const fresh = await openScratchDatabase(nearOf(backend))
    expect(await identity(backend, fresh)).not.toBe(firstIdentity)
    expect(await tableCount(fresh)).toBe(0)
    await fresh.close()
  })

  // A PGlite leaves nothing behind to look for once closed.
  const onServer = backend === 'server' ? test : test.skip
  onServer('closeIdleScratchDatabases drops the scratch databases kept for reuse', async () => {
    const scratch = await openScratchDatabase(nearOf(backend))
    const name = await identity(backend, scratch)
    await scratch.close()
    await closeIdleScratchDatabases()
    const admin = await openScratchDatabase(nearOf(backend))
    try {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin.db)
      expect(rows[0].n).toBe(0)
    } finally {
      await admin.close()
    }
  })
})
