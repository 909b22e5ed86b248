import { BACKENDS } from '../../core/test/support/test-databases.js'
import { useCliProject } from './cli-project.js'

/**
 * How the CLI imports TypeScript migrations: all in one esbuild bundle where that is faithful,
 * else each through tsx. Either way a migration runs as written; these run real processes.
 */

const HELPER = `export const tableName = (suffix: string): string => \`t_\${suffix}\`
`

const TSCONFIG = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } })

/** Fails unless `kysely` in the migration is the module the CLI runs it with (not a second copy). */
const USES_HELPER = `import { Kysely } from 'kysely'
import { tableName } from '../lib/names.js'

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db instanceof Kysely)) throw new Error('the migration got another copy of kysely')
  await db.schema.createTable(tableName('a')).addColumn('id', 'integer').execute()
}
`

const USES_PATH_ALIAS = `import type { Kysely } from 'kysely'
import { tableName } from '@lib/names'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable(tableName('b')).addColumn('id', 'integer').execute()
}
`

/** Reads SQL kept next to it: depends on its own location, so it cannot be bundled. */
const READS_SQL_FILE = `import { readFile } from 'node:fs/promises'
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(await readFile(new URL('./002_from_file.sql', import.meta.url), 'utf8')).execute(db)
}
`

/** Throws on line 5. */
const THROWS = `import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute()
  throw new Error('boom')
}
`

describe.each(BACKENDS)('loading migrations on %s', (backend) => {
  const cli = useCliProject()

  test('imports of a helper, a tsconfig path and kysely itself work in TypeScript migrations', async () => {
    await cli.open(backend, {
      'tsconfig.json': TSCONFIG,
      'lib/names.ts': HELPER,
      'migrations/001_helper.ts': USES_HELPER,
      'migrations/002_alias.ts': USES_PATH_ALIAS,
    })
    expect(await cli.migrate('latest')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli.target.tables()).toEqual(['t_a', 't_b'])
  })

  test('a migration that reads a file next to it by import.meta.url runs as written, beside one that cannot know', async () => {
    await cli.open(backend, {
      'lib/names.ts': HELPER,
      'migrations/001_helper.ts': USES_HELPER,
      'migrations/002_from_file.ts': READS_SQL_FILE,
      'migrations/002_from_file.sql': 'create table from_file (id integer)',
    })
    expect(await cli.migrate('latest')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli.target.tables()).toEqual(['from_file', 't_a'])
  })

  test('with --verbose, a failed migration shows the line of the migration file that threw', async () => {
    await cli.open(backend, { 'migrations/001_throws.ts': THROWS })
    expect(await cli.migrate('latest')).toEqual({ code: 1, stdout: '', stderr: 'error: migration 001_throws failed: boom\n' })
    const verbose = await cli.migrate('latest', '--verbose')
    expect(verbose.code).toBe(1)
    expect(verbose.stderr).toMatch(/\nCaused by: Error: boom\n\s+at (Object\.)?up \(\S*migrations\/001_throws\.ts:5:9\)\n/)
  })
})
