import { sql } from 'kysely'
import { redactUrl } from '../src/database/connect.js'
import { UserError } from '../src/errors.js'
import { BACKENDS, openTestDatabase } from './support/test-databases.js'

describe.each(BACKENDS)('database on %s', (backend) => {
  test('runs parameterised queries, multi-statement raw SQL and rolled-back transactions', async () => {
    const database = await openTestDatabase(backend)
    try {
      const { db } = database
      await sql`create table t (a int); insert into t values (1)`.execute(db)
      const { rows } = await sql<{ a: number }>`select a from t where a = ${1}`.execute(db)
      expect(rows).toEqual([{ a: 1 }])
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (2)`.execute(trx)
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      const after = await sql<{ n: number }>`select count(*)::int as n from t`.execute(db)
      expect(after.rows).toEqual([{ n: 1 }])
    } finally {
      await database.close()
    }
  })
})

test.each([
  ['postgres://u:secret@localhost:5432/db', 'postgres://u:***@localhost:5432/db'],
  ['postgresql://localhost/db', 'postgresql://localhost/db'],
])('redactUrl(%s)', (url, expected) => {
  expect(redactUrl(url)).toBe(expected)
})

test.each(['not a url', 'mysql://u:p@h/db'])('redactUrl rejects %s', (url) => {
  expect(() => redactUrl(url)).toThrow(UserError)
})
