/**
 * `npm run corpus`: the round trip of every corpus schema, every step of the migration chains,
 * and every migra and pgschema fixture (see scripts/corpus/run-*.ts) on the PostgreSQL server at
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), printed as a table
 * and counted per suite. Arguments filter by name (`pgschema/create_table`, `supabase-auth/44`).
 * `--details N` prints up to N differences per row (default 5). Exit 1 when anything differs.
 */
import type { CorpusRow, CorpusStatus } from './corpus/corpus-row.js'
import { CHAIN_SCHEMAS, runChain } from './corpus/run-chain.js'
import { corpusSchemaNames, migraCaseNames, runMigraCase, runSchema } from './corpus/run-corpus.js'
import { pgschemaCaseNames, runPgschemaCase, withPgschemaRoles } from './corpus/run-pgschema.js'

const DEFAULT_DETAILS = 5
const STATUSES: readonly CorpusStatus[] = ['exact', 'differs', 'error', 'skipped']

/** A family of rows; a chain is shown as one summary row (its steps go to the progress log). */
interface Suite {
  readonly name: string
  readonly summaryRow: boolean
  run(wanted: (name: string) => boolean, onRow: (row: CorpusRow) => void): Promise<void>
}

/** Runs `run` on each wanted name in turn. */
function eachOf(names: () => Promise<readonly string[]>, run: (name: string) => Promise<CorpusRow>): Suite['run'] {
  return async (wanted, onRow) => {
    for (const name of (await names()).filter(wanted)) onRow(await run(name))
  }
}

const eachPgschemaCase = eachOf(
  async () => (await pgschemaCaseNames()).map((name) => `pgschema/${name}`),
  async (name) => ({ ...(await runPgschemaCase(name.slice('pgschema/'.length))), name }),
)

const SUITES: readonly Suite[] = [
  { name: 'schemas', summaryRow: false, run: eachOf(corpusSchemaNames, (name) => runSchema(name)) },
  ...CHAIN_SCHEMAS.map(
    (schema): Suite => ({
      name: `${schema} chain`,
      summaryRow: true,
      run: async (wanted, onRow) => {
        await runChain(schema, { wanted, onRow })
      },
    }),
  ),
  {
    name: 'migra',
    summaryRow: false,
    run: eachOf(
      async () => (await migraCaseNames()).map((name) => `migra/${name}`),
      async (name) => ({ ...(await runMigraCase(name.slice('migra/'.length))), name }),
    ),
  },
  {
    name: 'pgschema',
    summaryRow: false,
    run: (wanted, onRow) => withPgschemaRoles(() => eachPgschemaCase(wanted, onRow)),
  },
]

async function main(args: readonly string[]): Promise<number> {
  const detailsFlag = args.indexOf('--details')
  const detailCount = detailsFlag === -1 ? DEFAULT_DETAILS : Number(args[detailsFlag + 1])
  const filters = args.filter((arg, i) => !arg.startsWith('--') && (detailsFlag === -1 || i !== detailsFlag + 1))
  const wanted = (name: string): boolean => filters.length === 0 || filters.some((filter) => name.includes(filter))
  const tableRows: CorpusRow[] = []
  const counts: string[] = []
  let failed = false
  for (const suite of SUITES) {
    const rows: CorpusRow[] = []
    await suite.run(wanted, (row) => rows.push(report(row, detailCount)))
    if (rows.length === 0) continue
    failed ||= rows.some((row) => row.status === 'differs' || row.status === 'error')
    tableRows.push(...(suite.summaryRow ? [summarise(suite.name, rows)] : rows))
    counts.push(`${suite.name}: ${countStatuses(rows)}`)
  }
  printTable(tableRows)
  console.log(counts.join('\n'))
  return failed ? 1 : 0
}

function report(row: CorpusRow, detailCount: number): CorpusRow {
  console.error(`${row.name}: ${row.status} (${row.seconds.toFixed(1)} s)${row.note === undefined ? '' : `, ${row.note}`}`)
  for (const line of row.details.slice(0, detailCount)) console.error(`    ${line.slice(0, 300)}`)
  if (row.details.length > detailCount) console.error(`    ... and ${row.details.length - detailCount} more`)
  return row
}

/** `supabase-auth chain  69/70 exact`, naming the steps that are not. */
function summarise(name: string, rows: readonly CorpusRow[]): CorpusRow {
  const inexact = rows.filter((row) => row.status !== 'exact')
  return {
    name: `${name} (${rows.length - inexact.length}/${rows.length} exact)`,
    objects: rows.length,
    status: inexact.length === 0 ? 'exact' : 'differs',
    details: inexact.map((row) => `${row.name} ${row.status}: ${row.details[0] ?? ''}`),
    seconds: rows.reduce((total, row) => total + row.seconds, 0),
  }
}

/** `77 exact, 8 differs, 64 skipped` (statuses that occur, in a fixed order). */
function countStatuses(rows: readonly CorpusRow[]): string {
  return STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ')
}

function printTable(rows: readonly CorpusRow[]): void {
  const lines = [
    ['name', 'objects', 'result', 'time', 'what differs'],
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
