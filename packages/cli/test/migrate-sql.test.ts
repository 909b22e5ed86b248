import { createTempProject, sqlMigration, type TempProject } from '../../core/test/runner/temp-project.js'
import { runCli } from './run-cli.js'

/** Builder calls with bind parameters, raw SQL, a read, and a migration outside a transaction. */
const MIGRATIONS: Readonly<Record<string, string>> = {
  'migrations/001_users.ts': `import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('users').addColumn('id', 'integer', (col) => col.primaryKey()).addColumn('name', 'text').execute()
  await db.insertInto('users').values({ id: 1, name: "O'Hara" }).execute()
  const rows = await db.selectFrom('users').selectAll().execute()
  if (rows.length > 0) throw new Error('a read gets no rows offline')
}
`,
  'migrations/002_index.ts': `import { type Kysely, sql } from 'kysely'

export const transaction = false

export async function up(db: Kysely<any>): Promise<void> {
  await sql\`create index concurrently users_name_idx on users (name);\`.execute(db)
}
`,
  'migrations/003_notes.ts': sqlMigration('create table notes (id int)'),
}

const FIRST = `-- 001_users
create table "users" ("id" integer primary key, "name" text);
insert into "users" ("id", "name") values (1, 'O''Hara');
select * from "users";`
const SECOND = `-- 002_index
-- runs outside a transaction
create index concurrently users_name_idx on users (name);`
const THIRD = `-- 003_notes
create table notes (id int);`

let project: TempProject

beforeAll(async () => {
  project = await createTempProject(MIGRATIONS)
})
afterAll(async () => {
  await project.remove()
})

// No database anywhere: the project has no URL, and sql never opens the embedded one.
test('prints each migration under its name, statements ending in ";", parameters inlined', async () => {
  expect(await runCli(project.dir, ['sql'])).toEqual({ code: 0, stdout: `${FIRST}\n\n${SECOND}\n\n${THIRD}\n`, stderr: '' })
})

test('--from is the migration the database is at (exclusive), --to the last one printed', async () => {
  expect(await runCli(project.dir, ['sql', '--from', '001_users', '--to', '002_index'])).toEqual({ code: 0, stdout: `${SECOND}\n`, stderr: '' })
  const json = await runCli(project.dir, ['sql', '--from', '002_index', '--format', 'json'])
  expect(JSON.parse(json.stdout)).toEqual({ migrations: [{ name: '003_notes', transactional: true, statements: ['create table notes (id int)'] }] })
})

test('a range backwards or an unknown name is exit 2', async () => {
  expect(await runCli(project.dir, ['sql', '--from', '003_notes', '--to', '001_users'])).toEqual({
    code: 2,
    stdout: '',
    stderr: 'error: --from 003_notes comes after --to 001_users\n',
  })
  expect((await runCli(project.dir, ['sql', '--to', 'nope'])).stderr).toBe('error: unknown migration "nope"\n')
})
