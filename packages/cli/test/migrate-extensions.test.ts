import { createTempProject, type TempProject } from '../../core/test/runner/temp-project.js'
import { runCli } from './run-cli.js'

/** Two PGlite contrib extensions, one whose name must be quoted in SQL. */
const MODELS = `import type { Generated } from 'kysely'

/**
 * @extension citext
 * @extension uuid-ossp
 */
export interface DB {
  users: UserTable
}

export interface UserTable {
  /** @primaryKey @dbType uuid @default uuid_generate_v4() */
  id: Generated<string>
  /** @dbType citext @unique */
  email: string
}
`

let project: TempProject

beforeEach(async () => {
  project = await createTempProject()
})
afterEach(async () => {
  await project.remove()
})

/**
 * No URL: the project's embedded PGlite registers the contrib extensions its migrations create
 * (at every start, as a database holding them needs), and so does check's in-memory replay.
 */
test('the embedded database runs, checks and reverts migrations that create PGlite contrib extensions', async () => {
  await project.write('models/index.ts', MODELS)
  const migrate = (...args: string[]) => runCli(project.dir, args)

  expect(await migrate('autogenerate', '-m', 'init')).toMatchObject({ code: 0, stderr: '' })
  const latest = await migrate('latest')
  expect(latest).toMatchObject({ code: 0, stderr: '' })
  expect(latest.stdout).toMatch(/^Applied 1 migration; current: \d{14}_init$/m)
  expect(await migrate('autogenerate', '-m', 'again')).toEqual({ code: 0, stdout: 'No changes\n', stderr: '' })
  expect(await migrate('check')).toMatchObject({ code: 0 })
  expect(await migrate('down')).toMatchObject({ code: 0, stderr: '' })
  expect(await migrate('latest')).toMatchObject({ code: 0, stderr: '' })
})
