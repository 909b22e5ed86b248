/** The header `emitMigration` writes: `Revision: <name>` and `Parent: <name>|(none)` in the leading doc comment. */
const LEADING_DOC_COMMENT = /^\s*\/\*\*([\s\S]*?)\*\//
const REVISION_LINE = /^\s*\*\s*Revision:\s*(\S+)\s*$/m
const PARENT_LINE = /^\s*\*\s*Parent:\s*(\S+)\s*$/m
const NO_PARENT = '(none)'

export interface MigrationHeader {
  readonly revision: string
  /** Null for the first migration. */
  readonly parent: string | null
}

/** The recorded revision and parent, or null for a file without that header (hand-written, kysely-ctl). */
export function readMigrationHeader(source: string): MigrationHeader | null {
  const comment = LEADING_DOC_COMMENT.exec(source)?.[1]
  if (comment === undefined) return null
  const revision = REVISION_LINE.exec(comment)?.[1]
  const parent = PARENT_LINE.exec(comment)?.[1]
  if (revision === undefined || parent === undefined) return null
  return { revision, parent: parent === NO_PARENT ? null : parent }
}
