import { BACKENDS } from '../../core/test/support/test-databases.js'
import { sqlMigration } from '../../core/test/runner/temp-project.js'
import { useCliProject } from './cli-project.js'

const MIGRATIONS: Readonly<Record<string, string>> = {
  'migrations/001_a.ts': sqlMigration('create table a (id int)', 'drop table a'),
  'migrations/002_b.ts': sqlMigration('create table b (id int)', 'drop table b'),
  'migrations/003_c.ts': sqlMigration('create table c (id int)', 'drop table c'),
}

interface StatusJson {
  readonly current: string | null
  readonly migrations: readonly { readonly name: string; readonly state: string }[]
}

describe.each(BACKENDS)('migrate stamp on %s', (backend) => {
  const cli = useCliProject()
  const migrate = cli.migrate
  beforeEach(() => cli.open(backend, MIGRATIONS))
  const states = async (): Promise<readonly string[]> => {
    const status = JSON.parse((await migrate('status', '--format', 'json')).stdout) as StatusJson
    return status.migrations.map((migration) => `${migration.name} ${migration.state}`)
  }

  test('head records every file without running any; back to a name un-records the later ones, which then run', async () => {
    const head = await migrate('stamp', 'head')
    expect(head).toEqual({ code: 0, stdout: '  + 001_a\n  + 002_b\n  + 003_c\nStamped 3 migrations, un-stamped 0; nothing was run\n', stderr: '' })
    expect(await cli.target.tables()).toEqual([])
    expect(await states()).toEqual(['001_a applied', '002_b applied', '003_c applied'])

    const back = await migrate('stamp', '001_a', '--format', 'json')
    expect(back.code).toBe(0)
    expect(JSON.parse(back.stdout)).toEqual({ stamped: [], unstamped: ['002_b', '003_c'] })

    // Kysely's own Migrator accepts the table stamp wrote: it runs only what is not recorded.
    const latest = await migrate('latest')
    expect(latest.stdout).toMatch(/^Applied 2 migrations; current: 003_c$/m)
    expect(await cli.target.tables()).toEqual(['b', 'c'])

    expect((await migrate('stamp', 'base')).stdout).toMatch(/^Stamped 0 migrations, un-stamped 3; nothing was run$/m)
    expect(await states()).toEqual(['001_a pending', '002_b pending', '003_c pending'])
  })

  test('an unknown name is exit 2 and records nothing', async () => {
    const unknown = await migrate('stamp', '004_d')
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: unknown migration "004_d" (expected a migration file name without extension, head or base)\n',
    })
    expect(await states()).toEqual(['001_a pending', '002_b pending', '003_c pending'])
  })
})
