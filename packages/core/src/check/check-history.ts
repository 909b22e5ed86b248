import type { CheckFinding } from './finding.js'
import type { MigrationHeader } from './migration-header.js'

export interface HistoryFile {
  readonly name: string
  /** As shown in messages. */
  readonly file: string
  readonly header: MigrationHeader | null
}

/**
 * The recorded chain against the files in name order (the order Kysely runs them). A file
 * without a header (hand-written) takes its place by name. Findings: two files on one parent
 * (two branches merged), a parent that is no file (missing), a parent that is not the file
 * before (reordered), a header naming another revision (renamed).
 */
export function checkHistory(files: readonly HistoryFile[]): readonly CheckFinding[] {
  const names = new Set(files.map((file) => file.name))
  const firstChild = new Map<string | null, HistoryFile>()
  const findings: CheckFinding[] = []
  files.forEach((file, index) => {
    const { header } = file
    if (header === null) return
    const report = (kind: CheckFinding['kind'], message: string): void => {
      findings.push({ kind, message, file: file.file, line: null })
    }
    if (header.revision !== file.name) report('renamed', `${file.name} says it is revision ${header.revision}: the file was renamed; rename it back or correct its header`)
    const sibling = firstChild.get(header.parent)
    if (sibling !== undefined) {
      report(
        'sharedParent',
        `${sibling.name} and ${file.name} both follow ${header.parent ?? 'the start'} (two branches merged): re-parent ${file.name} by reverting it, deleting it and running "migrate autogenerate" again, or by setting "Parent: ${files[index - 1].name}" in its header if it does not conflict`,
      )
      return
    }
    firstChild.set(header.parent, file)
    const previous = files[index - 1]?.name ?? null
    if (header.parent !== null && !names.has(header.parent)) {
      report('missingParent', `${file.name} follows ${header.parent}, which is not in the migrations folder: restore the missing file`)
    } else if (header.parent !== previous) {
      report('outOfOrder', `${file.name} follows ${header.parent ?? 'the start'}, but runs after ${previous ?? 'nothing'}: a migration was added or renamed out of order`)
    }
  })
  return findings
}
