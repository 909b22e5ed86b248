import type { CheckFinding, CheckReport } from '@kysely-autogen/core/runtime'
import type { OutputFormat } from './options.js'
import { plural, print, printJson } from './output.js'

const FINDING_MARK = '✗'

/** The report on stdout: one line per finding (`file:line: message`), what was skipped, a verdict; or one JSON document. */
export function printCheckReport(report: CheckReport, format: OutputFormat): void {
  if (format === 'json') return printJson({ clean: report.findings.length === 0, ...report })
  for (const finding of report.findings) print(`${FINDING_MARK} ${location(finding)}${finding.message}`)
  for (const reason of report.skipped) print(`Not checked: ${reason}`)
  const scope = report.database === null ? 'models and migrations' : `models, migrations and ${report.database}`
  print(report.findings.length === 0 ? `Check passed: ${scope} agree` : `Check failed: ${plural(report.findings.length, 'finding')} (${scope})`)
}

/**
 * GitHub Actions workflow commands, one `::error` per finding, so the model line or migration
 * file is annotated in the pull request. On stderr (the runner reads both streams), so stdout
 * stays the report, and a JSON document.
 */
export function printGithubAnnotations(findings: readonly CheckFinding[]): void {
  for (const finding of findings) {
    const properties = [
      finding.file === null ? null : `file=${escapeProperty(finding.file)}`,
      finding.line === null ? null : `line=${finding.line}`,
      `title=${escapeProperty(`migrate check: ${finding.kind}`)}`,
    ].filter((property) => property !== null)
    process.stderr.write(`::error ${properties.join(',')}::${escapeData(finding.message)}\n`)
  }
}

function location(finding: CheckFinding): string {
  if (finding.file === null) return ''
  return finding.line === null ? `${finding.file}: ` : `${finding.file}:${finding.line}: `
}

/** The escaping of GitHub's toolkit (@actions/core, command.ts). */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
