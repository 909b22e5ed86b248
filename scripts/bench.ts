/**
 * `npm run bench`: whole-process timings of kysely-autogen on synthetic schemas of 100, 1,000 and
 * 3,000 tables on the PostgreSQL server, next to `pg_dump --schema-only` of the same database (the
 * floor for reading a catalog), drizzle-kit `generate` of the same schema and `psql` running the
 * same statements. Prints a table of medians and peak memory. Options: `--sizes 100,1000`
 * (`--sizes ''` for the small migrations alone), `--runs 3`; the server is BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres.
 */
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { diffSchemas } from '../packages/core/src/diff/diff-schemas.js'
import { renderChangeSql } from '../packages/core/src/emit/sql/render-change-sql.js'
import { readModels } from '../packages/core/src/models/read-models.js'
import { planChanges } from '../packages/core/src/plan/plan-changes.js'
import { EMPTY_SCHEMA } from '../packages/core/src/schema/schema.js'
import { type Measurement, measure, median } from './bench/measure.js'
import { syntheticDrizzle } from './bench/synthetic-drizzle.js'
import { syntheticModels } from './bench/synthetic-models.js'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const WORK = join(ROOT, '.kysely-autogen', 'bench')
const MIGRATE = join(ROOT, 'packages', 'cli', 'bin', 'migrate.js')
const DRIZZLE_KIT = join(ROOT, 'node_modules', 'drizzle-kit', 'bin.cjs')
const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const SMALL_MIGRATIONS = 300
/** Enough tables for both enums, partial and plain indexes, and foreign keys. */
const EQUIVALENCE_TABLES = 20
const EQUIVALENCE_DATABASE = 'bench_equivalence'

/** A folder drizzle-kit `generate` runs in: its config names the schema file and the out folder. */
interface DrizzleProject {
  readonly folder: string
  readonly out: string
}

interface Row {
  readonly scenario: string
  readonly tables: number | string
  readonly runs: readonly Measurement[]
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : process.argv[index + 1]
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER)
  url.pathname = `/${name}`
  return url.toString()
}

function psql(url: string, ...args: string[]): void {
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`psql ${args.join(' ')}: ${result.stderr}`)
}

function recreateDatabase(name: string): string {
  psql(SERVER, '-c', `drop database if exists ${name} with (force)`, '-c', `create database ${name}`)
  return databaseUrl(name)
}

function migrate(cwd: string, ...args: string[]): Measurement {
  return measure(process.execPath, [MIGRATE, ...args], { cwd })
}

function times(runs: number, run: () => Measurement, before: () => void = () => {}): readonly Measurement[] {
  return Array.from({ length: runs }, () => {
    before()
    return run()
  })
}

/** The models' DDL, rendered by our own pipeline, as a psql script. */
function schemaSql(modelsFile: string): string {
  const changes = planChanges(diffSchemas(EMPTY_SCHEMA, readModels(modelsFile)))
  return `${changes.flatMap(renderChangeSql).join(';\n')};\n`
}

/** Writes the synthetic models into a new `project` folder; returns the psql script of their DDL. */
async function writeModels(project: string, tables: number): Promise<string> {
  await rm(project, { recursive: true, force: true })
  await mkdir(join(project, 'models'), { recursive: true })
  const modelsFile = join(project, 'models', 'index.ts')
  await writeFile(modelsFile, syntheticModels(tables))
  const sqlFile = join(project, 'schema.sql')
  await writeFile(sqlFile, schemaSql(modelsFile))
  return sqlFile
}

/** Writes the same schema in drizzle and a drizzle.config.ts for it into `folder`. */
async function writeDrizzleProject(folder: string, tables: number): Promise<DrizzleProject> {
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'schema.ts'), syntheticDrizzle(tables))
  await writeFile(
    join(folder, 'drizzle.config.ts'),
    "import { defineConfig } from 'drizzle-kit'\n\nexport default defineConfig({ dialect: 'postgresql', schema: './schema.ts', out: './out' })\n",
  )
  return { folder, out: join(folder, 'out') }
}

/** drizzle-kit `generate` into an emptied out folder: the full create (it reads no database). */
function drizzleGenerate(project: DrizzleProject): Measurement {
  rmSync(project.out, { recursive: true, force: true })
  return measure(process.execPath, [DRIZZLE_KIT, 'generate', '--config', 'drizzle.config.ts'], { cwd: project.folder })
}

/** `pg_dump --schema-only` without blank lines, comment lines and psql meta-commands (`\restrict` takes a random key). */
function schemaDump(url: string): string {
  const result = spawnSync('pg_dump', ['--schema-only', '-d', url], { encoding: 'utf8', maxBuffer: 1 << 30 })
  if (result.status !== 0) throw new Error(`pg_dump: ${result.stderr}`)
  return result.stdout
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('--') && !line.startsWith('\\'))
    .join('\n')
}

/**
 * Checks, before drizzle-kit is timed, that it is given our schema: our schema.sql and the SQL
 * drizzle-kit generates, loaded in turn into an empty database, must dump the same with
 * `pg_dump --schema-only`. Names are the same (synthetic-drizzle.ts gives PostgreSQL's default
 * ones); the two scripts differ in form only (quoted names, foreign keys added after the tables,
 * identity options spelt out). The one difference, left out of our dump, is each table's comment
 * ("Synthetic table N.", which drizzle cannot declare): a statement a table more for us to write,
 * so it can only slow our row down.
 */
async function checkDrizzleEquivalence(): Promise<void> {
  const project = join(WORK, 'equivalence')
  const ours = await writeModels(project, EQUIVALENCE_TABLES)
  const drizzle = await writeDrizzleProject(join(project, 'drizzle'), EQUIVALENCE_TABLES)
  drizzleGenerate(drizzle)
  // drizzle-kit names its migration 0000_<random words>.sql.
  const generated = join(drizzle.out, (await readdir(drizzle.out)).find((file) => file.endsWith('.sql'))!)
  const [ourDump, drizzleDump] = [ours, generated].map((sqlFile) => {
    const url = recreateDatabase(EQUIVALENCE_DATABASE)
    psql(url, '-f', sqlFile)
    const dump = schemaDump(url)
    psql(SERVER, '-c', `drop database ${EQUIVALENCE_DATABASE} with (force)`)
    return dump
  })
  const withoutComments = ourDump
    .split('\n')
    .filter((line) => !line.startsWith('COMMENT ON TABLE'))
    .join('\n')
  if (withoutComments !== drizzleDump) {
    await writeFile(join(project, 'ours.dump.sql'), withoutComments)
    await writeFile(join(project, 'drizzle.dump.sql'), drizzleDump)
    throw new Error(`drizzle's synthetic schema is not ours: diff ${project}/ours.dump.sql ${project}/drizzle.dump.sql`)
  }
}

async function benchSize(tables: number, runs: number): Promise<readonly Row[]> {
  const project = join(WORK, `n${tables}`)
  const sqlFile = await writeModels(project, tables)
  const drizzle = await writeDrizzleProject(join(project, 'drizzle'), tables)
  const full = recreateDatabase(`bench_full_${tables}`)
  psql(full, '-f', sqlFile)
  const emptyName = `bench_empty_${tables}`
  const migrations = join(project, 'migrations')
  const generated = join(project, 'generated')

  const cache = join(project, '.kysely-autogen', 'cache')
  const dropCache = (): void => {
    spawnSync('rm', ['-rf', cache])
  }
  const fullCreate = (): Measurement => migrate(project, 'autogenerate', '-m', 'bench', '--url', databaseUrl(emptyName), '--migrations', generated)
  const freshEmpty = (): void => {
    recreateDatabase(emptyName)
    spawnSync('rm', ['-rf', generated])
  }
  const noChanges = (): Measurement => migrate(project, 'autogenerate', '-m', 'bench', '--url', full)
  const rows: Row[] = [
    { scenario: 'pg_dump --schema-only', tables, runs: times(runs, () => measure('pg_dump', ['--schema-only', '-d', full, '-f', '/dev/null'])) },
    // Cold: no canonical forms kept from an earlier run (a fresh clone); warm: the usual case.
    { scenario: 'autogenerate (no changes, cold)', tables, runs: times(runs, noChanges, dropCache) },
    { scenario: 'autogenerate (no changes)', tables, runs: times(runs, noChanges) },
    { scenario: 'autogenerate (full create, cold)', tables, runs: times(runs, fullCreate, () => {
      freshEmpty()
      dropCache()
    }) },
    { scenario: 'autogenerate (full create)', tables, runs: times(runs, fullCreate, freshEmpty) },
    { scenario: 'drizzle-kit generate (full create)', tables, runs: times(runs, () => drizzleGenerate(drizzle)) },
    { scenario: 'pull', tables, runs: times(runs, () => migrate(project, 'pull', '--out', join(project, 'pulled.ts'), '--url', full)) },
  ]
  await rm(migrations, { recursive: true, force: true })
  spawnSync('cp', ['-r', generated, migrations])
  const applied = `bench_applied_${tables}`
  rows.push(
    { scenario: 'latest (the full create)', tables, runs: times(runs, () => migrate(project, 'latest', '--url', databaseUrl(applied)), () => recreateDatabase(applied)) },
    { scenario: 'check (with the database)', tables, runs: times(runs, () => migrate(project, 'check', '--url', databaseUrl(applied))) },
    { scenario: 'check (no database, cold)', tables, runs: times(runs, () => migrate(project, 'check'), dropCache) },
    { scenario: 'check (no database)', tables, runs: times(runs, () => migrate(project, 'check')) },
  )
  psql(SERVER, '-c', `drop database if exists ${applied} with (force)`)
  psql(SERVER, '-c', `drop database if exists bench_full_${tables} with (force)`, '-c', `drop database if exists ${emptyName} with (force)`)
  return rows
}

/** 300 one-table migrations through `migrate latest`, against psql running the same SQL. */
async function benchSmallMigrations(runs: number): Promise<readonly Row[]> {
  const project = join(WORK, 'small')
  await rm(project, { recursive: true, force: true })
  await mkdir(join(project, 'migrations'), { recursive: true })
  const statements = Array.from({ length: SMALL_MIGRATIONS }, (_, i) => `create table m${i} (id integer primary key, v text)`)
  for (const [i, statement] of statements.entries()) {
    const name = `${String(i).padStart(4, '0')}_m${i}.ts`
    await writeFile(
      join(project, 'migrations', name),
      `import { type Kysely, sql } from 'kysely'\n\nexport async function up(db: Kysely<any>): Promise<void> {\n  await sql\`${statement}\`.execute(db)\n}\n`,
    )
  }
  await writeFile(join(project, 'all.sql'), `${statements.join(';\n')};\n`)
  const name = 'bench_small'
  const rows: Row[] = [
    { scenario: `psql -f (${SMALL_MIGRATIONS} statements)`, tables: '-', runs: times(runs, () => measure('psql', ['-X', '-q', '-d', databaseUrl(name), '-f', join(project, 'all.sql')]), () => recreateDatabase(name)) },
    { scenario: `latest (${SMALL_MIGRATIONS} migrations)`, tables: '-', runs: times(runs, () => migrate(project, 'latest', '--url', databaseUrl(name)), () => recreateDatabase(name)) },
  ]
  psql(SERVER, '-c', `drop database if exists ${name} with (force)`)
  return rows
}

function printTable(rows: readonly Row[]): void {
  const floor = new Map(rows.filter((r) => r.scenario.startsWith('pg_dump')).map((r) => [r.tables, median(r.runs.map((m) => m.seconds))]))
  const psqlFloor = rows.find((r) => r.scenario.startsWith('psql'))
  const header = ['scenario', 'tables', 'median s', 'min s', 'max s', 'peak MB', 'ratio']
  const lines = rows.map((row) => {
    const seconds = row.runs.map((m) => m.seconds)
    const reference = typeof row.tables === 'number' ? floor.get(row.tables) : psqlFloor && median(psqlFloor.runs.map((m) => m.seconds))
    const peaks = row.runs.map((m) => m.peakMb).filter((mb): mb is number => mb !== null)
    return [
      row.scenario,
      String(row.tables),
      median(seconds).toFixed(2),
      Math.min(...seconds).toFixed(2),
      Math.max(...seconds).toFixed(2),
      peaks.length === 0 ? 'n/a' : String(Math.max(...peaks)),
      reference === undefined ? '' : `${(median(seconds) / reference).toFixed(1)}x`,
    ]
  })
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)))
  const format = (cells: readonly string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  console.log(format(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const line of lines) console.log(format(line))
  console.log('\nratio: median over pg_dump --schema-only of the same database (psql -f for the small migrations).')
}

async function main(): Promise<void> {
  const sizes = option('sizes', '100,1000,3000').split(',').filter((size) => size !== '').map(Number)
  const runs = Number(option('runs', '3'))
  console.error('checking that drizzle-kit gets the same schema...')
  await checkDrizzleEquivalence()
  const rows: Row[] = []
  for (const tables of sizes) {
    console.error(`benchmarking ${tables} tables...`)
    rows.push(...(await benchSize(tables, runs)))
  }
  console.error('benchmarking small migrations...')
  rows.push(...(await benchSmallMigrations(runs)))
  printTable(rows)
}

await main()
