/**
 * `npm run corpus`: the round trip of every corpus schema and migra fixture (see
 * scripts/corpus/run-corpus.ts) on the PostgreSQL server at TEST_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), printed as a table. Arguments filter by name.
 * `--details N` prints up to N differences per row (default 5). Exit 1 when anything differs.
 */
import { type CorpusRow, corpusSchemaNames, migraCaseNames, runMigraCase, runSchema } from './corpus/run-corpus.js'

const DEFAULT_DETAILS = 5

async function main(args: readonly string[]): Promise<number> {
  const detailsFlag = args.indexOf('--details')
  const detailCount = detailsFlag === -1 ? DEFAULT_DETAILS : Number(args[detailsFlag + 1])
  const filters = args.filter((arg, i) => !arg.startsWith('--') && (detailsFlag === -1 || i !== detailsFlag + 1))
  const wanted = (name: string): boolean => filters.length === 0 || filters.some((filter) => name.includes(filter))
  const rows: CorpusRow[] = []
  for (const name of (await corpusSchemaNames()).filter((name) => wanted(name))) rows.push(report(await runSchema(name), detailCount))
  for (const name of (await migraCaseNames()).filter((name) => wanted(`migra/${name}`))) {
    rows.push(report({ ...(await runMigraCase(name)), name: `migra/${name}` }, detailCount))
  }
  printTable(rows)
  return rows.some((row) => row.status === 'differs' || row.status === 'error') ? 1 : 0
}

function report(row: CorpusRow, detailCount: number): CorpusRow {
  console.error(`${row.name}: ${row.status} (${row.seconds.toFixed(1)} s)`)
  for (const line of row.details.slice(0, detailCount)) console.error(`    ${line.slice(0, 300)}`)
  if (row.details.length > detailCount) console.error(`    ... and ${row.details.length - detailCount} more`)
  return row
}

function printTable(rows: readonly CorpusRow[]): void {
  const lines = [
    ['schema', 'objects', 'result', 'time', 'what differs'],
    ...rows.map((row) => [
      row.name,
      row.objects === null ? '-' : String(row.objects),
      row.status,
      `${row.seconds.toFixed(1)} s`,
      row.details.length === 0 ? '' : `${row.details.length}: ${row.details[0].slice(0, 110)}`,
    ]),
  ]
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)))
  for (const [i, line] of lines.entries()) {
    console.log(`| ${line.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`)
    if (i === 0) console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  }
}

process.exitCode = await main(process.argv.slice(2))
