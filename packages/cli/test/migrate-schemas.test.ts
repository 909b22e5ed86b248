import { BACKENDS } from '../../core/test/support/test-databases.js'
import { useCliProject } from './cli-project.js'

/**
 * autogenerate starts reading the catalog before the models are read, for `public` and the
 * configured schemas (see planMigration): models that manage another schema must still be
 * compared with that schema, or a second autogenerate would create its tables again.
 */
const MODELS = `import type { Generated } from 'kysely'

export interface DB {
  users: UserTable
  'audit.events': EventTable
}

export interface UserTable {
  /** @primaryKey */
  id: Generated<number>
}

export interface EventTable {
  /** @primaryKey */
  id: Generated<number>
  /** @references users.id */
  user_id: number
}
`

describe.each(BACKENDS)('models with a table in another schema, on %s', (backend) => {
  const cli = useCliProject()

  test('autogenerate, latest, and autogenerate again finds nothing', async () => {
    await cli.open(backend, { 'models/index.ts': MODELS })
    const first = await cli.migrate('autogenerate', '-m', 'init')
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.stdout).toContain('+ table audit.events')
    expect(await cli.migrate('latest')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli.migrate('autogenerate', '-m', 'again')).toEqual({ code: 0, stdout: 'No changes\n', stderr: '' })
  })

  test('a config that names the schema reads it from the start, with the same result', async () => {
    await cli.open(backend, { 'models/index.ts': MODELS, 'migrate.config.ts': "export default { schemas: ['audit'] }\n" })
    expect(await cli.migrate('autogenerate', '-m', 'init')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli.migrate('latest')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli.migrate('autogenerate', '-m', 'again')).toEqual({ code: 0, stdout: 'No changes\n', stderr: '' })
  })
})
