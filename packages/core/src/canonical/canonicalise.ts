import { sql } from 'kysely'
import { readCatalog } from '../catalog/read-catalog.js'
import type { Database } from '../database/connect.js'
import type { Change } from '../diff/change.js'
import { diffSchemas } from '../diff/diff-schemas.js'
import { renderChangeSql } from '../emit/sql/render-change-sql.js'
import { ModelError } from '../errors.js'
import { planChanges } from '../plan/plan-changes.js'
import { EMPTY_SCHEMA, type Origin, type Schema } from '../schema/schema.js'
import { attachOrigins } from './attach-origins.js'

/**
 * Statements sent to the scratch database per round trip. One multi-statement query runs as one
 * implicit transaction, and PostgreSQL runs out of lock slots when one transaction creates
 * thousands of tables (max_locks_per_transaction), so large schemas go in batches.
 */
const STATEMENTS_PER_BATCH = 500

/**
 * PostgreSQL's own spelling of the models: the desired schema is created in an empty scratch
 * database and read back with the same catalog reader as the target, so `now()` and
 * `CURRENT_TIMESTAMP`, `int4` and `integer`, compare equal because PostgreSQL printed both.
 *
 * SQL that PostgreSQL rejects (a default calling a function that does not exist, a bad check)
 * is reported at the model line that declared it.
 */
export async function canonicaliseSchema(models: Schema, scratch: Database): Promise<Schema> {
  const changes = planChanges(diffSchemas(EMPTY_SCHEMA, models))
  const statements = changes.flatMap((change) => renderChangeSql(change).map((text) => ({ text, change })))
  for (let start = 0; start < statements.length; start += STATEMENTS_PER_BATCH) {
    const batch = statements.slice(start, start + STATEMENTS_PER_BATCH)
    try {
      await sql.raw(batch.map((s) => s.text).join(';\n')).execute(scratch.db)
    } catch {
      // The batch was rolled back as a whole: replay it one statement at a time to find the
      // statement PostgreSQL rejects, and so the model line to blame.
      await replayToBlame(batch, scratch)
    }
  }
  const canonical = await readCatalog(scratch.db, { schemas: models.schemas })
  return attachOrigins(canonical, models)
}

async function replayToBlame(batch: readonly { text: string; change: Change }[], scratch: Database): Promise<void> {
  for (const statement of batch) {
    try {
      await sql.raw(statement.text).execute(scratch.db)
    } catch (error) {
      throw blame(statement.change, statement.text, error)
    }
  }
  throw new Error('a batch of model DDL failed as a whole but each statement succeeded alone')
}

function blame(change: Change, statement: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error)
  const origin = originOf(change)
  if (origin?.kind === 'model') {
    return new ModelError(origin.file, origin.line, `${origin.symbol}: PostgreSQL rejects it: ${reason}`)
  }
  return new Error(`PostgreSQL rejects the models' DDL: ${reason}\n${statement}`)
}

/** The most precise model element behind a change (a column's line rather than its table's). */
function originOf(change: Change): Origin | null {
  switch (change.kind) {
    case 'createTable':
    case 'dropTable':
      return change.table.origin
    case 'createEnum':
    case 'dropEnum':
      return change.enum.origin
    case 'createIndex':
    case 'dropIndex':
      return change.index.origin
    case 'addForeignKey':
    case 'dropForeignKey':
      return change.foreignKey.origin
    case 'addCheck':
    case 'dropCheck':
      return change.check.origin
    case 'addUnique':
    case 'dropUnique':
      return change.unique.origin
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
      return change.primaryKey.origin
    case 'addColumn':
    case 'dropColumn':
      return change.column.origin
    case 'alterColumn':
      return change.to.origin
    default:
      return null
  }
}
