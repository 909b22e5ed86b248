/**
 * `npm run fuzz`: property-based round trips (packages/core/test/fuzz) against the PostgreSQL
 * server at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), many more
 * than `npm test` runs. Prints the seed first; on a failure, the seed and path that replay it
 * (`npm run fuzz -- --seed S --path P`), the shrunk pair of models and the generated migration.
 *
 *   npm run fuzz -- [--runs N] [--seed S] [--path P]
 *
 * One scratch database holds every pair, emptied between them. Exit 1 on a failure.
 */
import fc from 'fast-check'
import { openScratchDatabase } from '../packages/core/src/database/scratch.js'
import { describePair, modelPairs } from '../packages/core/test/fuzz/model-pairs.js'
import { resetDatabase } from '../packages/core/test/support/reset-database.js'
import { RoundTripError, runRoundTrip, type ModelPair } from '../packages/core/test/support/round-trip.js'

const DEFAULT_RUNS = 2000
const PROGRESS_EVERY = 100
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

interface FuzzOptions {
  readonly runs: number
  readonly seed: number
  readonly path: string | undefined
}

function parseArgs(args: readonly string[]): FuzzOptions {
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag)
    return at === -1 ? undefined : args[at + 1]
  }
  const runs = Number(value('--runs') ?? DEFAULT_RUNS)
  const seed = Number(value('--seed') ?? (Date.now() ^ (Math.random() * 0x100000000)) | 0)
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) throw new Error('usage: npm run fuzz -- [--runs N] [--seed S] [--path P]')
  return { runs, seed, path: value('--path') }
}

async function main(options: FuzzOptions): Promise<number> {
  console.log(`fuzz: ${options.runs} pairs on ${SERVER_URL.replace(/:[^:@/]*@/, ':***@')}, seed ${options.seed}${options.path === undefined ? '' : `, path ${options.path}`}`)
  const database = await openScratchDatabase({ kind: 'url', url: SERVER_URL })
  const started = performance.now()
  let done = 0
  try {
    const details = await fc.check(
      fc.asyncProperty(modelPairs, async (pair) => {
        await resetDatabase(database)
        await runRoundTrip(database, pair)
        if (++done % PROGRESS_EVERY === 0) console.log(`  ${done} pairs, ${((performance.now() - started) / 1000).toFixed(0)} s`)
      }),
      { numRuns: options.runs, seed: options.seed, path: options.path, endOnFailure: false },
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (!details.failed) {
      console.log(`fuzz: ${details.numRuns} pairs passed in ${seconds} s (seed ${options.seed})`)
      return 0
    }
    report(details, seconds)
    return 1
  } finally {
    await database.close()
  }
}

function report(details: fc.RunDetails<[ModelPair]>, seconds: string): void {
  const [pair] = details.counterexample ?? []
  const error = details.errorInstance
  console.log(`\nfuzz: FAILED after ${details.numRuns} pairs (${seconds} s), shrunk ${details.numShrinks} times`)
  console.log(`replay: npm run fuzz -- --seed ${details.seed} --path ${details.counterexamplePath} --runs 1`)
  if (pair !== undefined) console.log(describePair(pair))
  console.log(`\n--- error\n${error instanceof Error ? error.message : String(error)}`)
  if (error instanceof RoundTripError) {
    for (const [file, source] of Object.entries(error.migrations)) console.log(`\n--- generated: migrations/${file}\n${source}`)
  }
}

process.exitCode = await main(parseArgs(process.argv.slice(2)))
