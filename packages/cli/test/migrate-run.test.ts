import { BACKENDS } from '../../core/test/support/test-databases.js'
import { sqlMigration } from '../../core/test/runner/temp-project.js'
import { useCliProject } from './cli-project.js'

/** kysely-ctl style files: no header, `up` and `down` taking a Kysely instance. */
const MIGRATIONS: Readonly<Record<string, string>> = {
  'migrations/001_users.ts': `import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('users').addColumn('id', 'serial', (col) => col.primaryKey()).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('users').execute()
}
`,
  'migrations/002_notes.ts': sqlMigration('create table notes (id int)', 'drop table notes'),
  'migrations/003_tags.js': `export async function up(db) {
  await db.schema.createTable('tags').addColumn('id', 'integer').execute()
}

export async function down(db) {
  await db.schema.dropTable('tags').execute()
}
`,
}

/** Models that match 001_accounts, plus a users table no migration creates yet. */
const MODELS = `import type { Generated } from 'kysely'

export interface DB {
  accounts: AccountTable
  users: UserTable
}

export interface AccountTable {
  /** @primaryKey */
  id: number
}

export interface UserTable {
  /** @primaryKey */
  id: Generated<number>
  email: string
}
`

const stepLine = (name: string): RegExp => new RegExp(`^  ✓ ${name} \\(\\d+ ms\\)$`, 'm')

describe.each(BACKENDS)('migrate on %s', (backend) => {
  const cli = useCliProject()
  const migrate = cli.migrate

  test('latest, up, down, to, status, history and current', async () => {
    await cli.open(backend, MIGRATIONS)

    const up = await migrate('up')
    expect(up).toMatchObject({ code: 0, stderr: '' })
    expect(up.stdout).toMatch(stepLine('001_users'))
    expect(up.stdout).toMatch(/^Applied 1 migration; current: 001_users$/m)
    expect(await cli.target.tables()).toEqual(['users'])

    const status = await migrate('status')
    expect(status.code).toBe(0)
    expect(status.stdout).toMatch(/^migration  state    applied at\n001_users  applied  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n002_notes  pending\n003_tags   pending\n/)
    expect(status.stdout).toMatch(/^1 applied, 2 pending, 0 missing files; current: 001_users$/m)

    const latest = await migrate('latest')
    expect(latest).toMatchObject({ code: 0, stderr: '' })
    expect(latest.stdout).toMatch(new RegExp(`${stepLine('002_notes').source}\n${stepLine('003_tags').source.slice(1)}`, 'm'))
    expect(latest.stdout).toMatch(/^Applied 2 migrations; current: 003_tags$/m)
    expect(await cli.target.tables()).toEqual(['notes', 'tags', 'users'])

    const history = await migrate('history', '--format', 'json')
    expect(history.code).toBe(0)
    const { migrations } = JSON.parse(history.stdout) as { migrations: { name: string; applied: boolean; executedAt: string }[] }
    expect(migrations.map((m) => [m.name, m.applied])).toEqual([['001_users', true], ['002_notes', true], ['003_tags', true]])
    expect(Number.isNaN(Date.parse(migrations[0].executedAt))).toBe(false)

    const down = await migrate('down')
    expect(down.stdout).toMatch(stepLine('003_tags'))
    expect(down.stdout).toMatch(/^Reverted 1 migration; current: 002_notes$/m)
    expect(await cli.target.tables()).toEqual(['notes', 'users'])

    const to = await migrate('to', '001_users', '--format', 'json')
    expect(to.code).toBe(0)
    expect(JSON.parse(to.stdout)).toEqual({ steps: [{ name: '002_notes', direction: 'down', durationMs: expect.any(Number) }], current: '001_users' })

    const current = await migrate('current')
    expect(current.stdout).toMatch(/^001_users \(applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)\n$/)

    const base = await migrate('to', 'base')
    expect(base.stdout).toMatch(/^Reverted 1 migration; current: base$/m)
    expect(await cli.target.tables()).toEqual([])
    const all = [up, status, latest, history, down, to, current, base].map((r) => r.stdout + r.stderr).join('')
    expect(all).not.toContain('.kysely-autogen') // the embedded database is only named with --verbose
  })

  test('a failing migration: exit 1 naming it; the one before stays, it leaves nothing, the next does not run', async () => {
    await cli.open(backend, {
      'migrations/001_a.ts': sqlMigration('create table a (id int)'),
      'migrations/002_b.ts': sqlMigration('create table b (id int); insert into missing_table values (1)'),
      'migrations/003_c.ts': sqlMigration('create table c (id int)'),
    })
    const result = await migrate('latest')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(stepLine('001_a'))
    expect(result.stdout).not.toContain('002_b')
    expect(result.stderr).toBe('error: migration 002_b failed: relation "missing_table" does not exist\n')
    expect(await cli.target.tables()).toEqual(['a'])
  })

  test('autogenerate: refuses a database behind the files, writes the difference, then finds none', async () => {
    await cli.open(backend, {
      'models/index.ts': MODELS,
      'migrations/001_accounts.ts': sqlMigration('create table accounts (id integer primary key)', 'drop table accounts'),
    })
    const behind = await migrate('autogenerate', '-m', 'add users')
    expect(behind).toEqual({ code: 2, stdout: '', stderr: 'error: the database is not at head: run "migrate latest" first (pending: 001_accounts)\n' })
    expect((await migrate('latest')).code).toBe(0)

    const generated = await migrate('autogenerate', '-m', 'Add users')
    expect(generated).toMatchObject({ code: 0, stderr: '' })
    expect(generated.stdout).toMatch(/^Generated migrations\/\d{14}_add_users\.ts\n  \+ table users\n$/)
    expect(await cli.target.tables()).toEqual(['accounts'])

    expect((await migrate('latest')).stdout).toMatch(/^Applied 1 migration; current: \d{14}_add_users$/m)
    expect(await cli.target.tables()).toEqual(['accounts', 'users'])
    expect(await migrate('autogenerate', '-m', 'nothing')).toEqual({ code: 0, stdout: 'No changes\n', stderr: '' })
  })
})
