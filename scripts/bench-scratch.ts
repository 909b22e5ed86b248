/**
 * Scratch-database cost on PGlite: a fresh in-memory PGlite per canonicalisation (as before
 * scratch-pglite.ts) against the reused, emptied one. Usage: tsx scripts/bench-scratch.ts [runs]
 */
import { canonicaliseSchema } from '../packages/core/src/canonical/canonicalise.js'
import { openDatabase } from '../packages/core/src/database/connect.js'
import { openScratchDatabase } from '../packages/core/src/database/scratch.js'
import { readModels } from '../packages/core/src/models/read-models.js'

const runs = Number(process.argv[2] ?? 5)
const models = readModels('models/index.ts')

async function time(label: string, open: () => ReturnType<typeof openDatabase>): Promise<void> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const scratch = await open()
    try {
      await canonicaliseSchema(models, scratch)
    } finally {
      await scratch.close()
    }
    times.push(performance.now() - started)
  }
  const sorted = [...times].sort((a, b) => a - b)
  console.log(`${label}: median ${Math.round(sorted[Math.floor(runs / 2)])} ms, first ${Math.round(times[0])} ms (${runs} runs)`)
}

await time('fresh PGlite per call', () => openDatabase({ kind: 'memory' }))
await time('reused scratch PGlite', () => openScratchDatabase({ kind: 'memory' }))
