import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Kysely, sql } from 'kysely'
import type { Change } from '../../src/diff/change.js'
import { emitMigration } from '../../src/emit/kysely/emit-migration.js'
import { renderChangeSql } from '../../src/emit/sql/render-change-sql.js'
import { BACKENDS, openTestDatabase } from '../support/test-databases.js'
import { catalogSnapshot } from './catalog-snapshot.js'
import { ALTER_UP, DROP_UP, INIT_UP, downOf } from './fixtures.js'
import { loadMigration } from './load-migration.js'

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden')
/** `UPDATE_GOLDEN=1 npm test -- packages/core/test/emit` rewrites the golden files; review the diff. */
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1'

interface Scenario {
  readonly name: string
  readonly message: string
  readonly revision: string
  readonly parent: string | null
  /** Changes already applied before this migration runs. */
  readonly base: readonly Change[]
  readonly up: readonly Change[]
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'init', message: 'init', revision: '20261120090000_init', parent: null, base: [], up: INIT_UP },
  { name: 'alter', message: 'alter users and notes', revision: '20261122103000_alter', parent: '20261120090000_init', base: INIT_UP, up: ALTER_UP },
  { name: 'drop', message: 'drop notes\n\nThe notes feature is gone.', revision: '20261123080000_drop', parent: '20261120090000_init', base: INIT_UP, up: DROP_UP },
]

function emit(scenario: Scenario): string {
  return emitMigration({
    message: scenario.message,
    revision: scenario.revision,
    parent: scenario.parent,
    createdAt: new Date('2026-11-22T10:30:00.000Z'),
    up: scenario.up,
    down: downOf(scenario.up),
  })
}

async function runSql(db: Kysely<any>, changes: readonly Change[]): Promise<void> {
  for (const statement of changes.flatMap(renderChangeSql)) await sql.raw(statement).execute(db)
}

describe.each(SCENARIOS)('migration $name', (scenario) => {
  const goldenFile = join(GOLDEN_DIR, `${scenario.name}.ts.txt`)

  test('matches the golden file', async () => {
    const source = emit(scenario)
    if (UPDATE_GOLDEN) await writeFile(goldenFile, source)
    expect(source).toBe(await readFile(goldenFile, 'utf8'))
  })

  describe.each(BACKENDS)('on %s', (backend) => {
    test('up then down restores the catalog, and both match the SQL renderer', async () => {
      const database = await openTestDatabase(backend)
      const { migration, dispose } = await loadMigration(emit(scenario))
      try {
        const { db } = database
        await runSql(db, scenario.base)
        const before = await catalogSnapshot(db)

        await migration.up(db)
        const afterUp = await catalogSnapshot(db)
        expect(afterUp).not.toEqual(before)
        await migration.down(db)
        expect(await catalogSnapshot(db)).toEqual(before)

        await runSql(db, scenario.up)
        expect(await catalogSnapshot(db)).toEqual(afterUp)
        await runSql(db, downOf(scenario.up))
        expect(await catalogSnapshot(db)).toEqual(before)
      } finally {
        await dispose()
        await database.close()
      }
    })
  })
})
