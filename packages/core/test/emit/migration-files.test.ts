import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Kysely, sql } from 'kysely'
import type { Change } from '../../src/diff/change.js'
import { emitMigration } from '../../src/emit/kysely/emit-migration.js'
import { renderChangeSql } from '../../src/emit/sql/render-change-sql.js'
import type { Database } from '../../src/database/connect.js'
import { BACKENDS, openTestDatabase } from '../support/test-databases.js'
import { catalogSnapshot } from './catalog-snapshot.js'
import { ALTER_UP, DROP_UP, EDGE_UP, INIT_UP, downOf } from './fixtures.js'
import { loadMigration } from './load-migration.js'

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden')
/** `UPDATE_GOLDEN=1 npm test -- packages/core/test/emit` rewrites the golden files; review the diff. */
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1'
const EMPTY_DATABASE: readonly string[] = ['schema public']

interface Scenario {
  readonly name: string
  readonly message: string
  readonly revision: string
  readonly parent: string | null
  /** Whether the emitted file is compared with `golden/<name>.ts.txt`. */
  readonly golden: boolean
  /** Some lines of `catalogSnapshot` after `up`: what PostgreSQL says was built. */
  readonly expected: readonly string[]
  /** Changes already applied before this migration runs. */
  readonly base: readonly Change[]
  readonly up: readonly Change[]
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'init', message: 'init', revision: '20261120090000_init', parent: null, golden: true, base: [], up: INIT_UP, expected: [
    'column public.users.id integer not null default - identity d generated  collation - comment -',
    'column public.users.display_name text default - identity  generated  collation - comment Shown in the UI.',
    `column public.users.role role not null default 'member'::role identity  generated  collation - comment -`,
    'column public.notes.title text not null default - identity  generated  collation C comment -',
    'column public.notes.title_length integer default length(title) identity  generated s collation - comment -',
    'column audit.events.id bigint not null default - identity a generated  collation - comment -',
    `column audit.events.kinds audit.event_kind[] not null dims 1 default '{}'::audit.event_kind[] identity  generated  collation - comment -`,
    'constraint public.users users_pkey PRIMARY KEY (id)',
    'constraint public.users users_email_key UNIQUE (email)',
    'constraint public.notes title_not_empty CHECK ((length(title) > 0))',
    'constraint audit.events events_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED',
    `enum audit.severity (info, warning) comment How loud an event is: 'info' or 'warning'.`,
    'index CREATE UNIQUE INDEX notes_title_live ON public.notes USING btree (lower(title)) WHERE (deleted_at IS NULL)',
    'index CREATE INDEX events_user_id_at_idx ON audit.events USING btree (user_id, at DESC NULLS LAST) INCLUDE (kind)',
    `table public.users comment Registered users (it's them).`,
  ] },
  { name: 'alter', message: 'alter users and notes', revision: '20261122103000_alter', parent: '20261120090000_init', golden: true, base: INIT_UP, up: ALTER_UP, expected: [
    'column public.users.id integer not null default - identity a generated  collation - comment -',
    'column public.users.email text not null default - identity  generated  collation - comment Login name.',
    'column public.notes.price integer not null default 0 identity  generated  collation - comment -',
    'column public.notes.slug text not null default - identity  generated  collation C comment -',
    'constraint public.users users_display_name_key UNIQUE NULLS NOT DISTINCT (display_name)',
    'constraint public.notes notes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES notes(id) ON UPDATE CASCADE ON DELETE SET NULL',
    'enum public.role (owner, admin, editor, member, guest) comment -',
    'index CREATE INDEX notes_user_id_deleted_at_idx ON public.notes USING btree (user_id, deleted_at DESC NULLS LAST)',
    'table public.users comment Registered users; see `docs/users.md` and ${HOME}.',
  ] },
  { name: 'drop', message: 'drop notes\n\nThe notes feature is gone.', revision: '20261123080000_drop', parent: '20261120090000_init', golden: true, base: INIT_UP, up: DROP_UP, expected: [
    'enum audit.event_kind (login, logout) comment -',
    `column audit.events.kinds audit.event_kind[] not null dims 1 default '{}'::audit.event_kind[] identity  generated  collation - comment -`,
  ] },
  { name: 'edge', message: 'edge cases', revision: '20261124080000_edge', parent: '20261120090000_init', golden: false, base: INIT_UP, up: EDGE_UP, expected: [
    'index CREATE UNIQUE INDEX "Audit Log_order_Note_idx" ON public."Audit Log" USING btree ("order" NULLS FIRST, "Note" DESC NULLS LAST) NULLS NOT DISTINCT',
    'constraint public.Audit Log Audit Log_pkey PRIMARY KEY ("order")',
    'column public.notes.price bigint not null default - identity d generated  collation - comment -',
    'column public.users.created_at timestamp with time zone not null default statement_timestamp() identity  generated  collation - comment -',
    'enum audit.event_kind (purge, login, logout) comment -',
  ] },
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

test.each(SCENARIOS.filter((scenario) => scenario.golden))('migration $name matches its golden file', async (scenario) => {
  const goldenFile = join(GOLDEN_DIR, `${scenario.name}.ts.txt`)
  const source = emit(scenario)
  if (UPDATE_GOLDEN) await writeFile(goldenFile, source)
  expect(source).toBe(await readFile(goldenFile, 'utf8'))
})

/**
 * One database per backend for all scenarios (each starts from its base and leaves the database
 * empty again): faster than a database per test, especially PGlite's start.
 */
describe.each(BACKENDS)('on %s', (backend) => {
  let database: Database

  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })

  afterAll(async () => {
    await database?.close()
  })

  test.each(SCENARIOS)('migration $name: up then down restores the catalog, and both match the SQL renderer', async (scenario) => {
    const { db } = database
    const { migration, dispose } = await loadMigration(emit(scenario))
    try {
      await runSql(db, scenario.base)
      const before = await catalogSnapshot(db)

      await migration.up(db)
      const afterUp = await catalogSnapshot(db)
      expect(afterUp).toEqual(expect.arrayContaining([...scenario.expected]))
      expect(before).not.toEqual(expect.arrayContaining([...scenario.expected]))
      await migration.down(db)
      expect(await catalogSnapshot(db)).toEqual(before)

      await runSql(db, scenario.up)
      expect(await catalogSnapshot(db)).toEqual(afterUp)
      await runSql(db, downOf(scenario.up))
      expect(await catalogSnapshot(db)).toEqual(before)

      await runSql(db, downOf(scenario.base))
      expect(await catalogSnapshot(db)).toEqual(EMPTY_DATABASE)
    } finally {
      await dispose()
    }
  })
})
