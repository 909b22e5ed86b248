/** What `migrate check` can find; the JSON's `kind` (documented in the README: keep these stable). */
export type FindingKind =
  // models vs migrations
  | 'modelsDiffer'
  | 'replayFailed'
  // history integrity
  | 'sharedParent'
  | 'missingParent'
  | 'outOfOrder'
  | 'renamed'
  // the database
  | 'pending'
  | 'missingFile'
  | 'edited'
  | 'drift'

export interface CheckFinding {
  readonly kind: FindingKind
  /** One sentence, without the location. */
  readonly message: string
  /** The model or migration file to look at (as shown: relative to the working directory), null when none. */
  readonly file: string | null
  /** The model line, null for a whole file. */
  readonly line: number | null
}

export interface CheckReport {
  /** The checked database (password hidden), null when there was none. */
  readonly database: string | null
  readonly findings: readonly CheckFinding[]
  /** What was not checked, and why: one sentence each. */
  readonly skipped: readonly string[]
}
