import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createTempProject, sqlMigration, type TempProject } from '../../core/test/runner/temp-project.js'
import { runCli } from './run-cli.js'

/** Nothing listens on port 1: connecting fails at once, so no server is needed. */
const unreachable = (database: string): string => `postgres://u:secret@127.0.0.1:1/${database}`
const COMMANDS: readonly string[] = ['autogenerate', 'revision', 'latest', 'up', 'down', 'to', 'current', 'history', 'status', 'check']

let project: TempProject

beforeEach(async () => {
  project = await createTempProject()
})
afterEach(async () => {
  await project.remove()
})

const migrate = (...args: string[]) => runCli(project.dir, args)

test.each(COMMANDS)('%s --help shows an example', async (command) => {
  const result = await migrate(command, '--help')
  expect(result).toMatchObject({ code: 0, stderr: '' })
  expect(result.stdout).toContain(`migrate ${command}`)
  expect(result.stdout).toContain('Examples:')
})

test.each([
  [['status', '--bogus'], 'error: Unknown argument: bogus'],
  [['frobnicate'], 'error: Unknown argument: frobnicate'],
  [['up', 'x', '--url', unreachable('db')], 'error: the count must be a positive whole number'],
  [['status', '--config', 'migrate.config.ts'], 'error: config file migrate.config.ts does not exist'],
  [['status', '--url', 'not a url'], 'error: malformed database URL "not a url": expected postgres://user:password@host:port/database'],
  [['latest', '--url', unreachable('db')], 'error: cannot connect to postgres://u:***@127.0.0.1:1/db: connect ECONNREFUSED 127.0.0.1:1'],
  [['check', '--url', unreachable('db')], 'error: cannot connect to postgres://u:***@127.0.0.1:1/db: connect ECONNREFUSED 127.0.0.1:1'],
  [['latest', '--url', 'postgres://u:secret@host:port/db'], 'error: malformed database URL "postgres://u:***@host:port/db": expected postgres://user:password@host:port/database'],
  [['latest', '--url', 'mysql://u:secret@127.0.0.1/db'], 'error: unsupported database URL scheme "mysql:": expected postgres:// or postgresql://'],
])('bad input %j exits 2 with one line and no password', async (args, message) => {
  const result = await migrate(...args)
  expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}\n` })
})

test('the stack trace of an error only with --verbose, still without the password', async () => {
  const result = await migrate('latest', '--url', unreachable('db'), '--verbose')
  expect(result.code).toBe(2)
  expect(result.stderr).toMatch(/^error: cannot connect to postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/db: .*\n.*UserError.*\n\s+at /)
  expect(result.stdout + result.stderr).not.toContain('secret')
})

test('the URL comes from --url, else DATABASE_URL, else .env.local, else .env', async () => {
  const connectsTo = async (env: Record<string, string> = {}, args: readonly string[] = []): Promise<string> => {
    const result = await runCli(project.dir, ['current', ...args], env)
    expect(result.code).toBe(2)
    return /cannot connect to (\S+):/.exec(result.stderr)![1]
  }
  await project.write('.env', `DATABASE_URL=${unreachable('from_env')}\n`)
  expect(await connectsTo()).toBe('postgres://u:***@127.0.0.1:1/from_env')
  await project.write('.env.local', `OTHER=1\nDATABASE_URL=${unreachable('from_env_local')}\n`)
  expect(await connectsTo()).toBe('postgres://u:***@127.0.0.1:1/from_env_local')
  expect(await connectsTo({ DATABASE_URL: unreachable('from_environment') })).toBe('postgres://u:***@127.0.0.1:1/from_environment')
  expect(await connectsTo({ DATABASE_URL: unreachable('from_environment') }, ['--url', unreachable('from_flag')])).toBe(
    'postgres://u:***@127.0.0.1:1/from_flag',
  )
})

test('files that are no migrations exit 2 naming the file; revision writes a blank migration on the last one', async () => {
  await project.write('migrations/001_no_up.ts', 'export async function down() {}\n')
  const noUp = await migrate('status')
  expect(noUp).toEqual({ code: 2, stdout: '', stderr: 'error: migrations/001_no_up.ts: exports no up function\n' })

  await project.write('migrations/001_no_up.ts', 'export async function up(db: any) {\n  const x: number = ;\n}\n')
  const broken = await migrate('latest')
  expect(broken).toEqual({ code: 2, stdout: '', stderr: 'error: migrations/001_no_up.ts: cannot be loaded: line 2:20: Unexpected ";"\n' })

  await project.write('migrations/001_no_up.ts', sqlMigration('select 1'))
  const revision = await migrate('revision', '-m', 'Add e-mail to users')
  expect(revision).toMatchObject({ code: 0, stderr: '' })
  const [file] = (await readdir(project.migrationsDir)).filter((name) => name.endsWith('_add_e_mail_to_users.ts'))
  expect(revision.stdout).toBe(`Generated migrations/${file}\n`)
  expect(file).toMatch(/^\d{14}_add_e_mail_to_users\.ts$/)
  const source = await readFile(join(project.migrationsDir, file), 'utf8')
  expect(source).toContain(`Revision: ${file.replace(/\.ts$/, '')}`)
  expect(source).toContain('Parent: 001_no_up')
})

const serverTest = process.env.TEST_DATABASE_URL ? test : test.skip

/** The server trusts local connections, so a wrong password cannot be shown: a role or database that does not exist can. */
serverTest.each([
  ['a role that does not exist', { username: 'no_such_role', password: 'secret' }, 'role "no_such_role" does not exist'],
  ['a database that does not exist', { pathname: '/no_such_database', password: 'secret' }, 'database "no_such_database" does not exist'],
])('the server refuses %s: exit 2, its message, no password', async (_name, parts, reason) => {
  const url = new URL(process.env.TEST_DATABASE_URL!)
  Object.assign(url, parts)
  const shown = new URL(url)
  shown.password = '***'
  for (const command of ['latest', 'check']) {
    const result = await migrate(command, '--url', url.toString())
    expect(result).toEqual({ code: 2, stdout: '', stderr: `error: cannot connect to ${shown}: ${reason}\n` })
  }
})

test('a migration that does not compile, or exports no up, stops check too (exit 2, naming the file)', async () => {
  await project.write('migrations/001_a.ts', 'export async function up(db: any) {\n  const x: number = ;\n}\n')
  expect(await migrate('check')).toEqual({ code: 2, stdout: '', stderr: 'error: migrations/001_a.ts: cannot be loaded: line 2:20: Unexpected ";"\n' })
  await project.write('migrations/001_a.ts', 'export const down = 1\n')
  expect(await migrate('check')).toEqual({ code: 2, stdout: '', stderr: 'error: migrations/001_a.ts: exports no up function\n' })
})
