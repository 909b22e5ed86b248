import { sql } from 'kysely'
import type { Database } from '../../src/database/connect.js'
import { MigrationFailedError, UserError } from '../../src/errors.js'
import { MigrationRunner, type MigrationStep } from '../../src/runner/migration-runner.js'
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
  const runnerFor = (steps: MigrationStep[] = []): MigrationRunner =>
    new MigrationRunner({
      db: database.db,
      migrationsDir: project.migrationsDir,
      onStep: (step) => steps.push(step),
      importModule: (path) => import(path),
    })

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
      { name: '001_a', applied: true, executedAt: expect.any(Date), pending: false, missingFile: true },
      { name: '002_b', applied: false, executedAt: null, pending: true, missingFile: false },
    ])
    await expect(fresh.latest()).rejects.toThrow('the kysely_migration table does not match the migration files: previously executed migration 001_a is missing')
  })
})
