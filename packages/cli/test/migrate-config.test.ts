import { BACKENDS } from '../../core/test/support/test-databases.js'
import { createTempProject, sqlMigration, type TempProject } from '../../core/test/runner/temp-project.js'
import { useCliProject } from './cli-project.js'
import { runCli } from './run-cli.js'

/**
 * Everything moved: models, migrations, the migration table; a legacy table left alone. The
 * model reader thread reads the default models ahead before the CLI has read the configuration:
 * DECOY_MODELS there must not be what autogenerate compares.
 */
const CONFIG = `import { defineConfig } from 'kysely-autogen'

export default defineConfig({
  models: 'src/db.ts',
  rootInterface: 'Database',
  migrations: 'db/migrations',
  exclude: ['legacy_*'],
  migrationTable: { name: 'schema_history' },
  lockTimeout: '5s',
})
`

const MODELS = `export interface Database {
  accounts: AccountTable
}

export interface AccountTable {
  /** @primaryKey */
  id: number
}
`

const DECOY_MODELS = `export interface DB {
  decoy: { id: number }
}
`

describe.each(BACKENDS)('migrate.config.ts on %s', (backend) => {
  const cli = useCliProject()
  const migrate = cli.migrate

  test('sets the models, the migrations, excluded tables and the migration table', async () => {
    await cli.open(backend, {
      'migrate.config.ts': CONFIG,
      'src/db.ts': MODELS,
      'models/index.ts': DECOY_MODELS,
      'db/migrations/001_legacy.ts': sqlMigration('create table legacy_orders (id int)'),
    })
    expect((await migrate('latest')).stdout).toMatch(/^Applied 1 migration; current: 001_legacy$/m)

    // legacy_orders is excluded and schema_history is the migrator's: neither is dropped.
    const generated = await migrate('autogenerate', '-m', 'accounts')
    expect(generated).toMatchObject({ code: 0, stderr: '' })
    expect(generated.stdout).toMatch(/^Generated db\/migrations\/\d{14}_accounts\.ts\n  \+ table accounts\n$/)
    expect(await migrate('latest')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli.target.tables()).toEqual(['accounts', 'legacy_orders', 'schema_history', 'schema_history_checksum', 'schema_history_lock'])
  })

  test('flags override the configuration; --config names another file', async () => {
    await cli.open(backend, {
      'config/migrate.ts': `export default { migrations: '../db/migrations' }\n`,
      'db/migrations/001_a.ts': sqlMigration('create table a (id int)'),
      'other/001_b.ts': sqlMigration('create table b (id int)'),
    })
    expect((await migrate('status', '--config', 'config/migrate.ts')).stdout).toMatch(/^001_a +pending$/m)
    expect((await migrate('status', '--config', 'config/migrate.ts', '--migrations', 'other')).stdout).toMatch(/^001_b +pending$/m)
  })
})

describe('a configuration mistake is exit 2 with one line', () => {
  let project: TempProject

  afterEach(async () => {
    await project.remove()
  })

  test.each([
    ['an unknown key', 'export default { modelz: "x" }', 'migrate.config.ts: unknown key "modelz" (known: models, rootInterface, migrations, url, lockTimeout, schemas, include, exclude, migrationTable)'],
    ['a wrong type', 'export default { exclude: "legacy_*" }', 'migrate.config.ts: "exclude" must be a list of strings'],
    ['a bad lock timeout', 'export default { lockTimeout: "soon" }', 'the lock timeout "soon" is not a duration: use a number with ms, s, min or h (e.g. 10s), or 0 to wait forever'],
  ])('%s', async (_name, config, message) => {
    project = await createTempProject({ 'migrate.config.ts': config })
    expect(await runCli(project.dir, ['status'])).toEqual({ code: 2, stdout: '', stderr: `error: ${message}\n` })
  })

  test('--config naming no file', async () => {
    project = await createTempProject()
    expect(await runCli(project.dir, ['status', '--config', 'nope.ts'])).toEqual({ code: 2, stdout: '', stderr: 'error: config file nope.ts does not exist\n' })
  })
})
