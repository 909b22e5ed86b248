import { sql } from 'kysely'
import { createTestProject } from '../support/project.js'
import { modelFiles } from '../support/model-files.js'
import { useResetDatabase } from '../support/reset-database.js'
import { BACKENDS } from '../support/test-databases.js'

/**
 * Changes that must keep or carry on the rows a table already holds (the change matrix runs on
 * empty tables): database at `before` with `rows` inserted, autogenerate and apply `after`, then
 * `afterUp` returns `expectedUp`; revert, then `afterDown` returns `expectedDown`.
 */
interface PopulatedCase {
  readonly name: string
  readonly before: Readonly<Record<string, string>>
  readonly after: Readonly<Record<string, string>>
  readonly rows: string
  readonly afterUp: string
  readonly expectedUp: readonly Record<string, unknown>[]
  readonly afterDown: string
  readonly expectedDown: readonly Record<string, unknown>[]
}

const one = (key: string, body: string, extra = ''): Readonly<Record<string, string>> =>
  modelFiles(`  ${key}: ${/export interface (\w+)/.exec(body)![1]}`, `${extra}\n${body}`)

const BOX = (areaTags: string): string => `export interface BoxTable {\n  width: number\n  ${areaTags}\n  area: number\n}`
const TICKET = (type: string): string => `export interface TicketTable {\n  state: ${type}\n  history: ${type}[]\n}`
const TICKET_TYPES = "export type Status = 'open' | 'closed'\nexport type Phase = 'open' | 'closed' | 'archived'"
const EMAIL = (base: string): string => `/** @domain ${base} check VALUE like '%@%' */\nexport type Email = string`

const CASES: readonly PopulatedCase[] = [
  {
    name: 'an identity added to a populated column continues after its greatest value',
    before: one('counters', 'export interface CounterTable {\n  /** @primaryKey */\n  id: number\n  name: string\n}'),
    after: one('counters', 'export interface CounterTable {\n  /** @primaryKey */\n  id: Generated<number>\n  name: string\n}'),
    rows: `insert into counters (id, name) values (5, 'a'), (9, 'b')`,
    afterUp: `insert into counters (name) values ('c') returning id`,
    expectedUp: [{ id: 10 }],
    afterDown: 'select id from counters order by id',
    expectedDown: [{ id: 5 }, { id: 9 }, { id: 10 }],
  },
  {
    name: 'a dropped generation expression keeps the values; added back, they are computed again',
    before: one('boxes', BOX('/** @generated width * 2 */')),
    after: one('boxes', BOX('')),
    rows: 'insert into boxes (width) values (3)',
    afterUp: 'update boxes set width = 4 returning width, area',
    expectedUp: [{ width: 4, area: 6 }],
    afterDown: 'select width, area from boxes',
    expectedDown: [{ width: 4, area: 8 }],
  },
  {
    name: 'columns moved from one enum to another keep their values',
    before: one('tickets', TICKET('Status'), TICKET_TYPES),
    after: one('tickets', TICKET('Phase'), TICKET_TYPES),
    rows: `insert into tickets values ('closed', '{open,closed}')`,
    afterUp: `select state::text, history::text from tickets`,
    expectedUp: [{ state: 'closed', history: '{open,closed}' }],
    afterDown: `select state::text, history::text, pg_typeof(state)::text as type from tickets`,
    expectedDown: [{ state: 'closed', history: '{open,closed}', type: 'status' }],
  },
  {
    name: 'columns of a domain whose base type changes keep their values',
    before: one('accounts', 'export interface AccountTable {\n  email: Email\n  aliases: Email[]\n}', EMAIL('text')),
    after: one('accounts', 'export interface AccountTable {\n  email: Email\n  aliases: Email[]\n}', EMAIL('varchar(100)')),
    rows: `insert into accounts values ('a@b', '{c@d}')`,
    afterUp: 'select email, aliases::text from accounts',
    expectedUp: [{ email: 'a@b', aliases: '{c@d}' }],
    afterDown: 'select email, aliases::text from accounts',
    expectedDown: [{ email: 'a@b', aliases: '{c@d}' }],
  },
]

describe.each(BACKENDS)('changes on populated tables on %s', (backend) => {
  const database = useResetDatabase(backend)

  test.each(CASES)('$name', async ({ before, after, rows, afterUp, expectedUp, afterDown, expectedDown }) => {
    const project = await createTestProject(database())
    const query = async (text: string): Promise<unknown[]> => (await sql.raw(text).execute(database().db)).rows
    try {
      await project.writeModels(before)
      await project.autogenerate('before')
      await project.latest()
      await query(rows)

      await project.writeModels(after)
      const generated = await project.autogenerate('after')
      await project.latest()
      expect(await query(afterUp)).toEqual(expectedUp)

      await project.down(generated.files.length)
      expect(await query(afterDown)).toEqual(expectedDown)
    } finally {
      await project.remove()
    }
  })
})
