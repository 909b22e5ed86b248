import type { ModuleImporter } from '../../packages/core/src/runner/load-migrations.js'
import type { RoundTripResult } from './round-trip.js'

/** One line of `npm run corpus`: a schema, a chain step or a fixture case, and how it went. */
export interface CorpusRow {
  readonly name: string
  readonly objects: number | null
  readonly status: CorpusStatus
  readonly details: readonly string[]
  readonly seconds: number
  /** What the run assumed, e.g. the rename hints added to pulled models. */
  readonly note?: string
}

export type CorpusStatus = 'exact' | 'differs' | 'error' | 'skipped'

export interface RunOptions {
  readonly importModule?: ModuleImporter
  readonly serverUrl?: string
}

/** A round trip as a row: exact when nothing differs and a second autogenerate finds nothing. */
export async function timed(name: string, run: () => Promise<RoundTripResult>, started = Date.now()): Promise<CorpusRow> {
  try {
    const result = await run()
    const details = [...result.differences, ...(result.secondPass === 0 ? [] : [`second autogenerate finds ${result.secondPass} change(s)`])]
    return { name, objects: result.objects, status: details.length === 0 ? 'exact' : 'differs', details, seconds: secondsSince(started) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { name, objects: null, status: 'error', details: [message.split('\n')[0]], seconds: secondsSince(started) }
  }
}

/** A case left out, with why. */
export function skipped(name: string, reason: string, started: number): CorpusRow {
  return { name, objects: null, status: 'skipped', details: [reason], seconds: secondsSince(started) }
}

function secondsSince(started: number): number {
  return (Date.now() - started) / 1000
}
