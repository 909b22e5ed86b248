import { type Kysely, sql } from 'kysely'

/** Schemas and extensions a fresh database has; everything else is dropped by `emptyDatabase`. */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast']
const BUILT_IN_EXTENSIONS = ['plpgsql']

/** Back to an empty database, for the next use of a scratch: extensions and user schemas (with all they hold) go. */
export async function emptyDatabase(db: Kysely<any>): Promise<void> {
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
