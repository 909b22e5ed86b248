import { sql } from 'kysely'
import type { Database } from '../../src/database/connect.js'
import { MigrationFailedError, UserError } from '../../src/errors.js'
import { textChecksum } from '../../src/runner/checksums.js'
import { MigrationRunner, type MigrationRunnerOptions, type MigrationStep } from '../../src/runner/migration-runner.js'
import type { MigrationTable } from '../../src/runner/migration-table.js'
import { BACKENDS, openTestDatabase } from '../support/test-databases.js'
import { createTempProject, sqlMigration, type TempProject } from './temp-project.js'

/** Three migrations; each logs its transaction id, so the test can tell transactions apart. */
const THREE_MIGRATIONS: Readonly<Record<string, string>> = {
  'migrations/001_log.ts': sqlMigration('create table log (txid bigint); insert into log values (txid_current())', 'drop table log'),
  'migrations/002_users.ts': sqlMigration('create table users (id int); insert into log values (txid_current())', 'drop table users'),
  'migrations/003_notes.js': `export async function up(db) { await db.schema.createTable('notes').addColumn('id', 'integer').execute() }
export async function down(db) { await db.schema.dropTable('notes').execute() }
`,
}

describe.each(BACKENDS)('MigrationRunner on %s', (backend) => {
  let database: Database
  let project: TempProject

  beforeEach(async () => {
    database = await openTestDatabase(backend)
  })
  afterEach(async () => {
    await database.close()
    await project.remove()
  })

  // Jest refuses tsx's loader hooks but compiles TypeScript itself; the CLI tests cover tsx.
  const runnerFor = (steps: MigrationStep[] = [], options: Partial<MigrationRunnerOptions> = {}): MigrationRunner =>
    new MigrationRunner({
      db: database.db,
      migrationsDir: project.migrationsDir,
      onStep: (step) => steps.push(step),
      importModule: (path) => import(path),
      ...options,
    })

  const checksums = async (): Promise<readonly string[]> => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration_checksum order by name`.execute(database.db)
    return rows.map((row) => row.name)
  }

  const tables = async (): Promise<readonly string[]> => {
    const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely%' order by 1`.execute(database.db)
    return rows.map((row) => row.name)
  }

  test('latest runs each migration in its own transaction; down, up, to and status walk the chain', async () => {
    project = await createTempProject(THREE_MIGRATIONS)
    const progress: MigrationStep[] = []
    const runner = runnerFor(progress)
    expect((await runner.status()).map((m) => [m.name, m.pending])).toEqual([['001_log', true], ['002_users', true], ['003_notes', true]])
    expect(await runner.current()).toBeNull()

    const steps = await runner.latest()
    expect(steps.map((s) => `${s.direction} ${s.name}`)).toEqual(['up 001_log', 'up 002_users', 'up 003_notes'])
    expect(progress).toEqual(steps)
    expect(await tables()).toEqual(['log', 'notes', 'users'])
    const { rows } = await sql<{ n: number }>`select count(distinct txid)::int as n from log`.execute(database.db)
    expect(rows[0].n).toBe(2)
    expect((await runner.current())?.name).toBe('003_notes')
    expect(await runner.latest()).toEqual([])

    expect((await runner.down()).map((s) => s.name)).toEqual(['003_notes'])
    expect(await tables()).toEqual(['log', 'users'])
    expect((await runner.to('001_log')).map((s) => `${s.direction} ${s.name}`)).toEqual(['down 002_users'])
    expect((await runner.to('003_notes')).map((s) => s.name)).toEqual(['002_users', '003_notes'])
    expect(await runner.to('003_notes')).toEqual([])
    expect((await runner.down(5)).map((s) => s.name)).toEqual(['003_notes', '002_users', '001_log'])
    expect(await tables()).toEqual([])
    expect((await runner.up(2)).map((s) => s.name)).toEqual(['001_log', '002_users'])
    expect((await runner.to('base')).length).toBe(2)
    await expect(runner.to('004_nope')).rejects.toThrow(new UserError('unknown migration "004_nope"'))
  })

  test('a failing migration is rolled back whole; the ones before stay applied, the ones after do not run', async () => {
    project = await createTempProject({
      'migrations/001_a.ts': sqlMigration('create table a (id int)'),
      'migrations/002_b.ts': sqlMigration('create table b (id int); insert into missing_table values (1)'),
      'migrations/003_c.ts': sqlMigration('create table c (id int)'),
    })
    const error = await runnerFor().latest().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationFailedError)
    expect((error as MigrationFailedError).migration).toBe('002_b')
    expect((error as Error).message).toBe('migration 002_b failed: relation "missing_table" does not exist')
    expect(await tables()).toEqual(['a'])
    expect((await runnerFor().status()).map((m) => [m.name, m.applied])).toEqual([['001_a', true], ['002_b', false], ['003_c', false]])
  })

  test('files that cannot be migrations are UserErrors naming the file', async () => {
    project = await createTempProject({ 'migrations/001_no_up.ts': 'export async function down() {}\n' })
    await expect(runnerFor().latest()).rejects.toThrow(new UserError(`${project.migrationsDir}/001_no_up.ts: exports no up function`))
    await project.write('migrations/001_no_up.ts', 'export const up = 1\n')
    await expect(runnerFor().status()).rejects.toThrow('001_no_up.ts: exports no up function')
  })

  test('a migration without down cannot be reverted; a deleted applied file is reported missing', async () => {
    project = await createTempProject({ 'migrations/001_a.ts': sqlMigration('create table a (id int)') })
    const runner = runnerFor()
    await runner.latest()
    await expect(runner.down()).rejects.toThrow(new UserError('migration 001_a has no down function, so it cannot be reverted'))
    await project.remove()
    project = await createTempProject({ 'migrations/002_b.ts': sqlMigration('create table b (id int)') })
    const fresh = runnerFor()
    expect(await fresh.status()).toEqual([
      { name: '001_a', applied: true, executedAt: expect.any(Date), pending: false, missingFile: true, edited: false },
      { name: '002_b', applied: false, executedAt: null, pending: true, missingFile: false, edited: false },
    ])
    await expect(fresh.latest()).rejects.toThrow('the kysely_migration table does not match the migration files: previously executed migration 001_a is missing')
  })

  test('a migration that exports transaction = false runs outside a transaction, up and down', async () => {
    const concurrently = (transaction: string): string => `${transaction}import { type Kysely, sql } from 'kysely'
export async function up(db: Kysely<any>) { await sql\`create index concurrently t_id_idx on t (id)\`.execute(db) }
export async function down(db: Kysely<any>) { await sql\`drop index concurrently t_id_idx\`.execute(db) }
`
    project = await createTempProject({
      'migrations/001_t.ts': sqlMigration('create table t (id int)', 'drop table t'),
      'migrations/002_index.ts': concurrently('export const transaction = false\n'),
    })
    expect((await runnerFor().latest()).map((s) => s.name)).toEqual(['001_t', '002_index'])
    expect((await runnerFor().down()).map((s) => s.name)).toEqual(['002_index'])
    // New file names: Jest caches a module by path.
    await project.remove()
    project = await createTempProject({
      'migrations/001_t.ts': sqlMigration('create table t (id int)', 'drop table t'),
      'migrations/002_in_transaction.ts': concurrently(''),
    })
    await expect(runnerFor().latest()).rejects.toThrow('migration 002_in_transaction failed: CREATE INDEX CONCURRENTLY cannot run inside a transaction block')
    await project.write('migrations/003_bad.ts', concurrently('export const transaction = "no"\n'))
    await expect(runnerFor().status()).rejects.toThrow(new UserError(`${project.migrationsDir}/003_bad.ts: transaction must be true or false`))
  })

  test('a failure outside a transaction says that what ran before it stays', async () => {
    project = await createTempProject({
      'migrations/001_a.ts': `export const transaction = false\n${sqlMigration('create table a (id int); insert into missing_table values (1)')}`,
    })
    await expect(runnerFor().latest()).rejects.toThrow(
      'migration 001_a failed: relation "missing_table" does not exist (it ran outside a transaction, so what it did before the error stays)',
    )
  })

  test('lock_timeout is set while migrations run: 10s by default, or as given', async () => {
    const recordSetting = sqlMigration("create table setting as select current_setting('lock_timeout') as value", 'drop table setting')
    project = await createTempProject({ 'migrations/001_setting.ts': recordSetting })
    const setting = async (): Promise<string> => (await sql<{ value: string }>`select value from setting`.execute(database.db)).rows[0].value
    await runnerFor().latest()
    expect(await setting()).toBe('10s')
    await runnerFor().down()
    await runnerFor([], { lockTimeout: '250ms' }).latest()
    expect(await setting()).toBe('250ms')
  })

  test('checksums: recorded as applied, dropped as reverted; an edited applied file is refused unless allowed', async () => {
    project = await createTempProject({
      'migrations/001_a.ts': sqlMigration('create table a (id int)', 'drop table a'),
      'migrations/002_b.ts': sqlMigration('create table b (id int)', 'drop table b'),
    })
    await runnerFor().up()
    expect(await checksums()).toEqual(['001_a'])
    await project.write('migrations/001_a.ts', `// reformatted\n${sqlMigration('create table a (id int)', 'drop table a')}`)
    expect((await runnerFor().status()).map((m) => [m.name, m.edited])).toEqual([['001_a', true], ['002_b', false]])
    const refused = new UserError('applied migration 001_a was edited after being applied (checksum mismatch): restore the file, or pass --allow-edited to accept the edit')
    await expect(runnerFor().latest()).rejects.toThrow(refused)
    expect(await tables()).toEqual(['a'])
    expect((await runnerFor([], { allowEdited: true }).latest()).map((s) => s.name)).toEqual(['002_b'])
    expect((await runnerFor().status()).some((m) => m.edited)).toBe(false)
    expect(await checksums()).toEqual(['001_a', '002_b'])
    await runnerFor().down()
    expect(await checksums()).toEqual(['001_a'])
  })

  test.each<[string, MigrationTable | undefined, string]>([
    ['Kysely\'s default table', undefined, 'kysely_migration'],
    ['a table in a schema of its own', { name: 'history', schema: 'ops' }, 'ops.history'],
  ])('the applied row and the checksum are written and deleted together: %s', async (_, migrationTable, table) => {
    const files = { 'migrations/001_a.ts': sqlMigration('create table a (id int)', 'drop table a'), 'migrations/002_b.ts': sqlMigration('create table b (id int)', 'drop table b') }
    project = await createTempProject(files)
    // A full join: a row without its checksum, or a checksum without its row, shows as a null.
    const bookkeeping = async (): Promise<readonly (readonly [string | null, string | null])[]> => {
      const { rows } = await sql<{ row: string | null; checksum: string | null }>`
        select m.name as row, c.checksum from ${sql.table(table)} m full join ${sql.table(`${table}_checksum`)} c on c.name = m.name order by 1`.execute(database.db)
      return rows.map((row) => [row.row, row.checksum])
    }
    await runnerFor([], { migrationTable }).latest()
    expect(await bookkeeping()).toEqual([['001_a', textChecksum(files['migrations/001_a.ts'])], ['002_b', textChecksum(files['migrations/002_b.ts'])]])
    await runnerFor([], { migrationTable }).down()
    expect(await bookkeeping()).toEqual([['001_a', textChecksum(files['migrations/001_a.ts'])]])
  })

  test('applied migrations without a checksum (kysely-ctl, stamp) get one on the next run', async () => {
    project = await createTempProject({ 'migrations/001_a.ts': sqlMigration('create table a (id int)') })
    await runnerFor().latest()
    await sql`delete from kysely_migration_checksum`.execute(database.db)
    expect(await runnerFor().latest()).toEqual([])
    expect(await checksums()).toEqual(['001_a'])
  })
})
