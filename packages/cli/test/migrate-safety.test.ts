import { sql } from 'kysely'
import { openDatabase } from '../../core/src/database/connect.js'
import { BACKENDS } from '../../core/test/support/test-databases.js'
import { sqlMigration } from '../../core/test/runner/temp-project.js'
import { useCliProject } from './cli-project.js'

const CONCURRENT_INDEX = `import { type Kysely, sql } from 'kysely'

/** CREATE INDEX CONCURRENTLY cannot run inside a transaction. */
export const transaction = false

export async function up(db: Kysely<any>): Promise<void> {
  await sql\`create index concurrently t_id_idx on t (id)\`.execute(db)
}
`

const cli = useCliProject()
const migrate = cli.migrate

describe.each(BACKENDS)('safe runs on %s', (backend) => {
  test('a migration that exports transaction = false runs outside a transaction', async () => {
    await cli.open(backend, { 'migrations/001_t.ts': sqlMigration('create table t (id int)'), 'migrations/002_index.ts': CONCURRENT_INDEX })
    const result = await migrate('latest')
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/^Applied 2 migrations; current: 002_index$/m)
  })

  test('an applied migration edited since: latest and up refuse (exit 2) naming it, unless --allow-edited', async () => {
    await cli.open(backend, { 'migrations/001_a.ts': sqlMigration('create table a (id int)') })
    expect((await migrate('latest')).code).toBe(0)
    await cli.project.write('migrations/001_a.ts', sqlMigration('create table a (id bigint)'))
    await cli.project.write('migrations/002_b.ts', sqlMigration('create table b (id int)'))
    const refused = 'error: applied migration 001_a was edited after being applied (checksum mismatch): restore the file, or pass --allow-edited to accept the edit\n'
    expect(await migrate('latest')).toEqual({ code: 2, stdout: '', stderr: refused })
    expect(await migrate('up')).toEqual({ code: 2, stdout: '', stderr: refused })
    expect(await cli.target.tables()).toEqual(['a'])
    const status = await migrate('status')
    expect(status.stdout).toMatch(/^001_a +edited +\d{4}-/m)
    expect(status.stdout).toMatch(/^1 applied \(1 edited since\), 1 pending, 0 missing files; current: 001_a$/m)
    const allowed = await migrate('latest', '--allow-edited')
    expect(allowed).toMatchObject({ code: 0, stderr: '' })
    expect(allowed.stdout).toMatch(/^Applied 1 migration; current: 002_b$/m)
    // Accepted: the new checksum is recorded.
    expect(await migrate('latest')).toEqual({ code: 0, stdout: 'Nothing to migrate; current: 002_b\n', stderr: '' })
  })

  test('--lock-timeout must be a duration', async () => {
    await cli.open(backend)
    expect(await migrate('latest', '--lock-timeout', 'soon')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: the lock timeout "soon" is not a duration: use a number with ms, s, min or h (e.g. 10s), or 0 to wait forever\n',
    })
  })
})

const serverOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip

serverOnly('on the server', () => {
  const withServer = async <T>(work: (db: import('kysely').Kysely<any>) => Promise<T>): Promise<T> => {
    const database = await openDatabase({ kind: 'url', url: cli.target.args[1] })
    try {
      return await work(database.db)
    } finally {
      await database.close()
    }
  }

  test('two migrate latest processes at once: they queue, and each migration is recorded once', async () => {
    const slow = (table: string): string => sqlMigration(`select pg_sleep(0.3); create table ${table} (id int)`)
    await cli.open('server', { 'migrations/001_a.ts': slow('a'), 'migrations/002_b.ts': slow('b'), 'migrations/003_c.ts': slow('c') })
    const runs = await Promise.all([migrate('latest'), migrate('latest')])
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' })
    const applied = runs.flatMap((run) => [...run.stdout.matchAll(/✓ (\S+)/g)].map((match) => match[1]))
    expect(applied.sort()).toEqual(['001_a', '002_b', '003_c'])
    expect(runs.map((run) => run.stdout.split('\n').at(-2)).sort()).toEqual(['Applied 3 migrations; current: 003_c', 'Nothing to migrate; current: 003_c'])
    const rows = await withServer(async (db) => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows)
    expect(rows.map((row) => row.name)).toEqual(['001_a', '002_b', '003_c'])
  })

  test('a migration waits for a busy table only --lock-timeout long, then fails whole with exit 1', async () => {
    await cli.open('server', {
      'migrations/001_a.ts': sqlMigration('create table a (id int)'),
      'migrations/002_alter.ts': sqlMigration('alter table a add column b int'),
    })
    expect((await migrate('up')).code).toBe(0)
    await withServer((db) =>
      db.transaction().execute(async (trx) => {
        await sql`lock table a in access share mode`.execute(trx)
        const started = performance.now()
        const result = await migrate('latest', '--lock-timeout', '500ms')
        expect(result.code).toBe(1)
        expect(result.stderr).toBe('error: migration 002_alter failed: canceling statement due to lock timeout\n')
        expect(performance.now() - started).toBeLessThan(10_000)
      }),
    )
    expect(await migrate('status')).toMatchObject({ code: 0 })
    expect((await migrate('status')).stdout).toMatch(/^002_alter +pending/m)
  })
})
