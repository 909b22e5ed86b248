import { UserError } from '@kysely-autogen/core/runtime'
import { paint } from './output.js'

/** DESIGN.md, "Command line contract": 1 a migration failed (or a bug), 2 bad input/config/connection. */
export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USER_ERROR = 2

/** Thrown by a command that has printed its own report of a failure (`check` found differences): exit 1, nothing more. */
export class ReportedFailure extends Error {
  override readonly name = 'ReportedFailure'
}

/**
 * One line on stderr (with --verbose, the stack and those of its causes: a failed migration's
 * cause names the line of the migration file that threw); returns the exit code.
 */
export function reportError(error: unknown, verbose: boolean): number {
  if (error instanceof ReportedFailure) return EXIT_FAILED
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`${paint('red', 'error:', process.stderr)} ${oneLine(message)}\n`)
  if (verbose) process.stderr.write(stacks(error))
  // Anything else, a MigrationFailedError or a bug, is a failure of the run itself.
  return error instanceof UserError ? EXIT_USER_ERROR : EXIT_FAILED
}

/** The error's stack, then each cause's (once each: a cause may point back). */
function stacks(error: unknown): string {
  const seen = new Set<Error>()
  for (let current = error; current instanceof Error && current.stack !== undefined && !seen.has(current); current = current.cause) seen.add(current)
  return [...seen].map((each, i) => `${i === 0 ? '' : 'Caused by: '}${each.stack}\n`).join('')
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim()
}
