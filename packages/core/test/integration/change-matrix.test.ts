import { useResetDatabase } from '../support/reset-database.js'
import { runRoundTrip } from '../support/round-trip.js'
import { BACKENDS } from '../support/test-databases.js'
import { MATRIX_CASES } from './change-matrix.cases.js'
import { DATABASE_OBJECT_CASES } from './change-matrix.database-objects.cases.js'

/**
 * For every case: database at `before` (generated and applied from empty), models at `after`;
 * autogenerate and apply `up`: the catalog equals the models, and autogenerate finds nothing
 * more; apply `down`: the catalog equals what it was before (see support/round-trip.ts).
 */
describe.each(BACKENDS)('change matrix on %s', (backend) => {
  const database = useResetDatabase(backend)

  test.each([...MATRIX_CASES, ...DATABASE_OBJECT_CASES])('$name', async (pair) => {
    await runRoundTrip(database(), pair, { expectChanges: true })
  })
})
