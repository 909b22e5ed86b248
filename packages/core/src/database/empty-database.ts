import { type Kysely, sql } from 'kysely'

/** Schemas and extensions a fresh database has; everything else is dropped by `emptyForReuse`. */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast']
const BUILT_IN_EXTENSIONS = ['plpgsql']

/**
 * Relations a scratch may hold and still be emptied for reuse. Emptying drops them in one
 * transaction, which takes a lock-table slot per relation (the table holds 6,400 by default,
 * for all sessions): a bigger scratch is thrown away instead (DROP DATABASE, or closing the
 * PGlite, takes no per-relation locks), and re-creating one is cheap next to filling it.
 */
const MAX_RELATIONS_TO_EMPTY = 500

/** Empties the database when it is small enough (see MAX_RELATIONS_TO_EMPTY); false when it is not. */
export async function emptyForReuse(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ relations: number }>`
    select count(*)::int as relations from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in (${sql.join(SYSTEM_SCHEMAS)}) and n.nspname not like 'pg\_%'
  `.execute(db)
  if (rows[0].relations > MAX_RELATIONS_TO_EMPTY) return false
  await emptyDatabase(db)
  return true
}

/** Back to an empty database, for the next use of a scratch: extensions and user schemas (with all they hold) go. */
async function emptyDatabase(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ statement: string }>`
    select statement from (
      select 1 as step, format('drop extension if exists %I cascade', extname) as statement
      from pg_catalog.pg_extension where extname not in (${sql.join(BUILT_IN_EXTENSIONS)})
      union all
      select 2, format('drop schema if exists %I cascade', nspname) from pg_catalog.pg_namespace
      where nspname not in (${sql.join(SYSTEM_SCHEMAS)}) and nspname not like 'pg\_temp\_%' and nspname not like 'pg\_toast\_temp\_%'
    ) as drops
    order by step
  `.execute(db)
  await sql.raw([...rows.map((row) => row.statement), 'create schema public'].join(';\n')).execute(db)
}
