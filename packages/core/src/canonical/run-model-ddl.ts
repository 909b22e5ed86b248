import { sql } from 'kysely'
import type { Database } from '../database/connect.js'
import type { Change } from '../diff/change.js'
import { renderChangeSql } from '../emit/sql/render-change-sql.js'
import { ModelError } from '../errors.js'
import type { Origin, Table } from '../schema/schema.js'

/**
 * Statements sent to the scratch database per round trip. One multi-statement query runs as one
 * implicit transaction, and PostgreSQL runs out of lock slots when one transaction creates
 * thousands of tables (max_locks_per_transaction), so large schemas go in batches.
 */
const STATEMENTS_PER_BATCH = 250

/** A statement and the change it renders, to blame a model line when PostgreSQL rejects it. */
interface Statement {
  readonly text: string
  readonly change: Change
}

/**
 * Runs the DDL of changes built from the models in a scratch database, in batches; a statement
 * PostgreSQL rejects is reported at the model line that declared it.
 */
export async function runModelDdl(changes: readonly Change[], scratch: Database): Promise<void> {
  await runInBatches(statementsOf(changes), scratch)
}

function statementsOf(changes: readonly Change[]): readonly Statement[] {
  return changes.flatMap((change) => renderChangeSql(change).map((text) => ({ text, change })))
}

async function runInBatches(statements: readonly Statement[], scratch: Database): Promise<void> {
  for (let start = 0; start < statements.length; start += STATEMENTS_PER_BATCH) {
    const batch = statements.slice(start, start + STATEMENTS_PER_BATCH)
    try {
      await sql.raw(batch.map((statement) => statement.text).join(';\n')).execute(scratch.db)
    } catch {
      // The batch was rolled back as a whole: replay it one statement at a time to find the
      // statement PostgreSQL rejects, and so the model line to blame.
      await replayToBlame(batch, scratch)
    }
  }
}

async function replayToBlame(batch: readonly Statement[], scratch: Database): Promise<void> {
  for (const statement of batch) {
    try {
      await sql.raw(statement.text).execute(scratch.db)
    } catch (error) {
      const origin = statement.change.kind === 'createTable' ? await blameColumn(statement.change.table, scratch) : null
      throw blame(origin ?? originOf(statement.change), statement.text, error)
    }
  }
  throw new Error('a batch of model DDL failed as a whole but each statement succeeded alone')
}

/**
 * A rejected CREATE TABLE names no column (`function nowww() does not exist`). Create the table
 * with its first 1, 2, ... columns and no constraints, each try rolled back, until one fails:
 * that column's line is the one to show. Null when the columns are fine (a constraint is wrong).
 */
async function blameColumn(table: Table, scratch: Database): Promise<Origin | null> {
  for (let count = 1; count <= table.columns.length; count++) {
    const prefix: Table = { ...table, columns: table.columns.slice(0, count), primaryKey: null, uniques: [], checks: [], foreignKeys: [] }
    const statements = renderChangeSql({ kind: 'createTable', table: prefix })
    const accepted = await scratch.db
      .transaction()
      .execute(async (trx) => {
        for (const text of statements) await sql.raw(text).execute(trx)
        throw ROLLBACK
      })
      .catch((error: unknown) => error === ROLLBACK)
    if (!accepted) return table.columns[count - 1].origin
  }
  return null
}

/** Thrown to roll back a trial transaction; any other error means the trial failed. */
const ROLLBACK = Symbol('rollback')

function blame(origin: Origin | null, statement: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error)
  if (origin?.kind === 'model') {
    return new ModelError(origin.file, origin.line, `${origin.symbol}: PostgreSQL rejects it: ${reason}`)
  }
  return new Error(`PostgreSQL rejects the models' DDL: ${reason}\n${statement}`)
}

/**
 * The most precise model element behind a change (a column's line rather than its table's).
 * Building from an empty database only ever creates, so only creating kinds are looked at.
 */
function originOf(change: Change): Origin | null {
  switch (change.kind) {
    case 'createTable':
      return change.table.origin
    case 'createEnum':
      return change.enum.origin
    case 'createIndex':
      return change.index.origin
    case 'addForeignKey':
      return change.foreignKey.origin
    case 'addColumn':
      return change.column.origin
    case 'createExtension':
      return change.extension.origin
    case 'createDomain':
      return change.domain.origin
    case 'createSequence':
      return change.sequence.origin
    default:
      return null
  }
}
