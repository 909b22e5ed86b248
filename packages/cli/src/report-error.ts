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

/** One line on stderr (the stack only with --verbose); returns the exit code. */
export function reportError(error: unknown, verbose: boolean): number {
  if (error instanceof ReportedFailure) return EXIT_FAILED
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`${paint('red', 'error:', process.stderr)} ${oneLine(message)}\n`)
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
  // Anything else, a MigrationFailedError or a bug, is a failure of the run itself.
  return error instanceof UserError ? EXIT_USER_ERROR : EXIT_FAILED
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim()
}
