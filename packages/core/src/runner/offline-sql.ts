import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'
import { MigrationFailedError, UserError } from '../errors.js'
import { loadMigrations, type ModuleImporter } from './load-migrations.js'
import { BASE } from './migration-runner.js'
import { HEAD } from './stamp.js'

/** Kysely numbers bind parameters `$1`, `$2`... on PostgreSQL. */
const PARAMETER = /\$(\d+)\b/g

export interface OfflineSqlOptions {
  readonly migrationsDir: string
  /** The database is at this migration: print the ones after it. Default `base` (from the first). */
  readonly from?: string
  /** The last migration to print. Default `head`. */
  readonly to?: string
  readonly importModule?: ModuleImporter
}

export interface MigrationSql {
  readonly name: string
  /** False for a migration that runs outside a transaction (`export const transaction = false`). */
  readonly transactional: boolean
  /** Each statement as PostgreSQL would receive it, bind parameters written as literals. */
  readonly statements: readonly string[]
}

/**
 * The SQL that `up` of each migration in the range would send, without a database (Alembic's
 * `--sql`): every migration runs against a Kysely instance whose driver records the compiled
 * queries instead of sending them. Queries that read get no rows, so a migration that branches
 * on data prints the branch for an empty database.
 */
export async function migrationSql(options: OfflineSqlOptions): Promise<readonly MigrationSql[]> {
  const migrations = await loadMigrations(options.migrationsDir, options.importModule)
  const names = migrations.map((migration) => migration.name)
  const first = position(names, options.from ?? BASE) + 1
  const last = position(names, options.to ?? HEAD)
  if (last < first - 1) throw new UserError(`--from ${options.from} comes after --to ${options.to}`)
  const recorded: CompiledQuery[] = []
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(recorded),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  })
  const result: MigrationSql[] = []
  for (const { name, transactional, migration } of migrations.slice(first, last + 1)) {
    recorded.length = 0
    try {
      await migration.up(db)
    } catch (error) {
      throw new MigrationFailedError(name, error)
    }
    result.push({ name, transactional, statements: recorded.map((query) => inlineParameters(query.sql, query.parameters)) })
  }
  return result
}

/** Index of a migration name; `base` is -1, `head` the last. */
function position(names: readonly string[], name: string): number {
  if (name === BASE) return -1
  if (name === HEAD) return names.length - 1
  const index = names.indexOf(name)
  if (index === -1) throw new UserError(`unknown migration "${name}"`)
  return index
}

/** Kysely's DummyDriver, except that every query is recorded. Transactions are no-ops. */
class RecordingDriver implements Driver {
  readonly #recorded: CompiledQuery[]

  constructor(recorded: CompiledQuery[]) {
    this.#recorded = recorded
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const recorded = this.#recorded
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        recorded.push(query)
        return { rows: [] }
      },
      async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
        recorded.push(query)
      },
    }
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** `$1` → the value as an SQL literal, so the printed statement runs as it is (for a DBA's psql). */
function inlineParameters(text: string, parameters: readonly unknown[]): string {
  if (parameters.length === 0) return text
  return text.replace(PARAMETER, (token, index: string) => (Number(index) <= parameters.length ? literal(parameters[Number(index) - 1]) : token))
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return quote(value.toISOString())
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'::bytea`
  if (Array.isArray(value)) return `array[${value.map(literal).join(', ')}]`
  if (typeof value === 'object') return quote(JSON.stringify(value))
  return quote(String(value))
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}
