import { mkdir, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { planMigration } from '../../src/autogenerate.js'
import { describeChange } from '../../src/diff/describe-change.js'
import { readModels } from '../../src/models/read-models.js'
import { pullModels } from '../../src/pull/pull-models.js'
import { useResetDatabase } from '../support/reset-database.js'
import { BACKENDS } from '../support/test-databases.js'

const PROJECTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '.kysely-autogen', 'test-projects')

/**
 * Adopting a database built by hand (or by another tool): `migrate pull`, then autogenerate
 * against that same database must find nothing. The cases are SQL whose catalog print is not what
 * PostgreSQL prints once the print is parsed again (see canonical/reprint-current.ts).
 */
const CASES: readonly { readonly name: string; readonly ddl: string }[] = [
  {
    name: 'a check with IN on a varchar column (pgschema online/add_constraint)',
    ddl: `create table orders (status varchar(10) not null, constraint check_valid_status check (status in ('pending', 'shipped')))`,
  },
  {
    name: 'an index predicate and a generated column with IN on a varchar column',
    ddl: `create table orders (
      status varchar(10) not null,
      open boolean generated always as (status in ('pending', 'shipped')) stored
    );
    create index orders_open_idx on orders (status) where status in ('pending', 'shipped')`,
  },
]

describe.each(BACKENDS)('pull, then autogenerate on the same database, on %s', (backend) => {
  const database = useResetDatabase(backend)

  test.each(CASES)('$name: no changes', async ({ ddl }) => {
    await sql.raw(ddl).execute(database().db)
    const dir = join(PROJECTS_DIR, randomBytes(6).toString('hex'))
    await mkdir(dir, { recursive: true })
    try {
      const modelsFile = join(dir, 'index.ts')
      await writeFile(modelsFile, await pullModels(database()))
      const plan = await planMigration(readModels(modelsFile), database())
      expect(plan.up.map((change) => describeChange(change).text)).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
