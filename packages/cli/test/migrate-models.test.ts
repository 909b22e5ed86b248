import { readdir } from 'node:fs/promises'
import { createTempProject, type TempProject } from '../../core/test/runner/temp-project.js'
import { runCli } from './run-cli.js'
import { usersModels } from './users-models.js'

/** A valid models file with line 8 replaced by `line8` (the `email` property). */
const modelsWith = (line8: string): string => usersModels(line8)

const CASES: readonly (readonly [name: string, line8: string, message: string])[] = [
  ['unknown type', '  email: Email', 'models/index.ts:8: UserTable.email: unknown type "Email" (use @dbType to give its SQL type)'],
  ['malformed tag', '  /** @references users */ owner: number', 'models/index.ts:8: UserTable.owner: @references: expected <table>.<column> or <schema>.<table>.<column>, got "users"'],
  ['missing table', '  /** @references teams.id */ team_id: number', 'models/index.ts:8: UserTable.team_id: @references: no table "teams" in DB'],
  ['missing column', '  /** @references users.uuid */ parent: number', 'models/index.ts:8: UserTable.parent: @references: no column "uuid" in users'],
  ['TypeScript syntax error', '  email: string)', "models/index.ts:8: syntax error: ';' expected."],
  ['SQL PostgreSQL rejects', '  /** @default nowww() */ seen: Generated<Date>', 'models/index.ts:8: UserTable.seen: PostgreSQL rejects it: function nowww() does not exist'],
]

let project: TempProject

beforeEach(async () => {
  project = await createTempProject()
})
afterEach(async () => {
  await project.remove()
})

/** On the embedded database: a model mistake needs no server to be found. */
test.each(CASES)('a model with a mistake (%s): exit 2, one line with file:line, nothing written', async (_name, line8, message) => {
  await project.write('models/index.ts', modelsWith(line8))
  const result = await runCli(project.dir, ['autogenerate', '-m', 'broken'])
  expect(result).toEqual({ code: 2, stdout: '', stderr: `error: ${message}\n` })
  await expect(readdir(project.migrationsDir)).rejects.toThrow('ENOENT')
})

/** `--verbose` names every stage of autogenerate with its time, on stderr only. */
test('autogenerate --verbose: the time of each pipeline stage on stderr, stdout unchanged', async () => {
  await project.write('models/index.ts', modelsWith('  email: string'))
  const result = await runCli(project.dir, ['autogenerate', '-m', 'init', '--verbose'])
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/^Generated migrations\/\d{14}_init\.ts$/m)
  expect(result.stdout).not.toContain('time:')
  const stages = [...result.stderr.matchAll(/^time: ([a-z ]+) \d+ ms$/gm)].map((match) => match[1]).sort()
  expect(stages).toEqual(['canonicalise', 'diff', 'emit', 'plan', 'read catalog', 'read models'])
})
