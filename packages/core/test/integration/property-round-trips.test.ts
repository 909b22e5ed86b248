import fc from 'fast-check'
import { modelPairs } from '../fuzz/model-pairs.js'
import { resetDatabase, useResetDatabase } from '../support/reset-database.js'
import { runRoundTrip } from '../support/round-trip.js'
import { type Backend, BACKENDS } from '../support/test-databases.js'

/**
 * Property-based round trips: random pairs of valid models (test/fuzz), the second an edit of
 * the first, each through the change matrix's round trip. A modest number of runs per backend,
 * from a new seed each time (fast-check prints the seed and path of a failure, and the shrunk
 * pair; `npm run fuzz -- --seed S --path P` replays it on the server). `npm run fuzz` runs
 * thousands. FUZZ_SEED fixes the seed.
 */

const RUNS: Readonly<Record<Backend, number>> = { pglite: 20, server: 60 }
/**
 * Runs past this budget (shrinking a failure included) pass untried, so the suite stays bounded
 * on a loaded machine. (fast-check's own time limits leave a timer, or the run in progress,
 * going after the test.)
 */
const TIME_LIMIT_MS = 60_000
const TEST_TIMEOUT_MS = 3 * TIME_LIMIT_MS

describe.each(BACKENDS)('property round trips on %s', (backend) => {
  const database = useResetDatabase(backend)

  test(
    'random model pairs go up, come back down, and leave nothing to generate',
    async () => {
      const deadline = Date.now() + TIME_LIMIT_MS
      await fc.assert(
        fc.asyncProperty(modelPairs, async (pair) => {
          if (Date.now() > deadline) return
          await resetDatabase(database())
          await runRoundTrip(database(), pair)
        }),
        { numRuns: RUNS[backend], seed: process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED) },
      )
    },
    TEST_TIMEOUT_MS,
  )
})
