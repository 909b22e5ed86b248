import { readCatalog } from '../catalog/read-catalog.js'
import type { Database } from '../database/connect.js'
import type { Change, CreateIndexChange, CreateTableChange, SetTableCommentChange } from '../diff/change.js'
import { diffSchemas } from '../diff/diff-schemas.js'
import { planChanges } from '../plan/plan-changes.js'
import { qualifiedKey } from '../schema/names.js'
import { EMPTY_SCHEMA, type Schema } from '../schema/schema.js'
import { assembleProbedTables } from './assemble-probed-tables.js'
import { attachOrigins } from './attach-origins.js'
import { planProbes } from './probe-plan.js'
import { whyNotProbe } from './probe-preconditions.js'
import { printProbes } from './print-probes.js'
import { runModelDdl } from './run-model-ddl.js'

/**
 * Sessions creating tables at once on a server. PostgreSQL fsyncs every index it builds, so a
 * session spends most of its time waiting for the disk: several overlap those waits (measured:
 * four sessions load 1,000 tables in half the time of one). A PGlite has one session.
 */
const SERVER_SESSIONS = 4

/**
 * PostgreSQL's own spelling of the models: the desired schema is built in an empty scratch
 * database and read back with the same catalog reader as the target, so `now()` and
 * `CURRENT_TIMESTAMP`, `int4` and `integer`, compare equal because PostgreSQL printed both.
 *
 * Schemas, extensions, types, domains and sequences are created as declared. Tables are, when
 * they can be, only probed (see probe-plan.ts): their SQL text printed by small temporary
 * tables that many tables share, and the rest taken from the models as the reader would read
 * it. Creating a thousand tables costs seconds (every index build is fsynced); probing them,
 * tens of milliseconds.
 *
 * Otherwise (see probe-preconditions.ts), or when PostgreSQL rejects a probe, the tables are
 * created: each with its indexes and comment, spread over several sessions on a server; then
 * every foreign key, which is why the tables are created without theirs (the catalog is the
 * same either way: keys are named). SQL that PostgreSQL rejects (a default calling a function
 * that does not exist, a bad check) is reported at the model line that declared it.
 */
export async function canonicaliseSchema(models: Schema, scratch: Database): Promise<Schema> {
  const changes = creationOf(models)
  await createObjects(changes, scratch)
  return attachOrigins((await probeTables(models, scratch)) ?? (await createTables(models, changes, scratch)), models)
}

/** canonicaliseSchema() that probes the tables; null when they must be created. Exported for tests. */
export async function canonicaliseByProbes(models: Schema, scratch: Database): Promise<Schema | null> {
  await createObjects(creationOf(models), scratch)
  const probed = await probeTables(models, scratch)
  return probed && attachOrigins(probed, models)
}

/** canonicaliseSchema() that creates the tables. Exported for tests: the reference for probing. */
export async function canonicaliseByCreating(models: Schema, scratch: Database): Promise<Schema> {
  const changes = creationOf(models)
  await createObjects(changes, scratch)
  return attachOrigins(await createTables(models, changes, scratch), models)
}

/** The models created from nothing, tables without foreign keys (those are added by createTables). */
function creationOf(models: Schema): readonly Change[] {
  return planChanges(diffSchemas(EMPTY_SCHEMA, { ...models, tables: models.tables.map((table) => ({ ...table, foreignKeys: [] })) }))
}

/** Schemas, extensions, types, domains, sequences and their comments: all but the tables. */
async function createObjects(changes: readonly Change[], scratch: Database): Promise<void> {
  await runModelDdl(changes.filter((change) => !needsTables(change)), scratch)
}

async function probeTables(models: Schema, scratch: Database): Promise<Schema | null> {
  if (whyNotProbe(models) !== null) return null
  const plan = planProbes(models)
  const printed = await printProbes(plan.probes, scratch.db)
  const tables = printed === null ? null : assembleProbedTables(models.tables, plan, printed)
  if (tables === null) return null
  const objects = await readCatalog(scratch.db, { schemas: models.schemas })
  // A sequence's owner is set once its table exists, which here it never does.
  const owners = new Map(models.sequences.map((sequence) => [qualifiedKey(sequence), sequence.ownedBy]))
  const sequences = objects.sequences.map((sequence) => {
    const owner = owners.get(qualifiedKey(sequence)) ?? null
    return { ...sequence, ownedBy: owner && { table: { schema: owner.table.schema, name: owner.table.name }, column: owner.column } }
  })
  return { ...objects, sequences, tables }
}

async function createTables(models: Schema, changes: readonly Change[], scratch: Database): Promise<Schema> {
  const tableParts = changes.filter(isTablePart)
  const sessions = scratch.target.kind === 'url' ? SERVER_SESSIONS : 1
  const shares = Array.from({ length: sessions }, (_, session) => tableParts.filter((change) => sessionOf(change, sessions) === session))
  const settled = await Promise.allSettled(shares.map((share) => runModelDdl(share, scratch)))
  const failed = settled.find((result) => result.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  const foreignKeys = models.tables.flatMap((table) =>
    table.foreignKeys.map((foreignKey): Change => ({ kind: 'addForeignKey', table: { schema: table.schema, name: table.name }, foreignKey })),
  )
  await runModelDdl([...foreignKeys, ...changes.filter((change) => change.kind === 'ownSequence')], scratch)
  return readCatalog(scratch.db, { schemas: models.schemas })
}

/** Changes that need the tables: run only when the tables are created. */
function needsTables(change: Change): boolean {
  return isTablePart(change) || change.kind === 'ownSequence' || change.kind === 'addForeignKey'
}

type TablePart = CreateTableChange | CreateIndexChange | SetTableCommentChange

/** A created table, or one of its indexes or its comment: they go to the same session. */
function isTablePart(change: Change): change is TablePart {
  return change.kind === 'createTable' || change.kind === 'createIndex' || change.kind === 'setTableComment'
}

/** The session of a table's statements: by a hash of the table's name, so its indexes follow it. */
function sessionOf(change: TablePart, sessions: number): number {
  let hash = 0
  for (const char of `${change.table.schema}.${change.table.name}`) hash = (hash * 31 + char.charCodeAt(0)) | 0
  return Math.abs(hash) % sessions
}

/** canonicaliseSchema() in a scratch database of its own, closed after. */
export async function canonicaliseInScratch(models: Schema, openScratch: () => Promise<Database>): Promise<Schema> {
  const scratch = await openScratch()
  try {
    return await canonicaliseSchema(models, scratch)
  } finally {
    await scratch.close()
  }
}
