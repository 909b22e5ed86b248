import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** GNU time prints wall seconds and peak resident kilobytes of the whole process. */
const GNU_TIME = '/usr/bin/time'
const TIME_FORMAT = '%e %M'

export interface Measurement {
  readonly seconds: number
  /** Peak resident set of the process in MB, null where GNU time is not installed. */
  readonly peakMb: number | null
}

/**
 * Runs a command to completion as a whole process and measures it. Fails loudly when the
 * command fails: a benchmark of an error is no benchmark.
 */
export function measure(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Measurement {
  const withTime = existsSync(GNU_TIME)
  const started = process.hrtime.bigint()
  const result = withTime
    ? spawnSync(GNU_TIME, ['-f', TIME_FORMAT, command, ...args], { ...options, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 1 << 30 })
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr.slice(-2000)}`)
  }
  if (!withTime) return { seconds: elapsed, peakMb: null }
  const [seconds, kilobytes] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number)
  return { seconds, peakMb: Math.round(kilobytes / 1024) }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
