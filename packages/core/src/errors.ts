/**
 * An error the user can fix: bad input, configuration or connection. The CLI prints its message
 * as one sentence (no stack unless --verbose) and exits with code 2.
 */
export class UserError extends Error {
  override readonly name = 'UserError'
}

/** A model that cannot be understood: names the file, line and symbol. */
export class ModelError extends UserError {
  readonly file: string
  readonly line: number

  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`)
    this.file = file
    this.line = line
  }
}

/** A migration that failed while running: the CLI exits with code 1. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError'
  readonly migration: string

  /** `note` follows PostgreSQL's message, e.g. that the migration ran outside a transaction. */
  constructor(migration: string, cause: unknown, note?: string) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`migration ${migration} failed: ${reason}${note === undefined ? '' : ` (${note})`}`, { cause })
    this.migration = migration
  }
}
