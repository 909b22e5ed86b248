import { type Kysely, sql } from 'kysely'

/**
 * The user schemas that exist: everything but PostgreSQL's own (`pg_catalog`,
 * `information_schema`, the per-backend `pg_toast*` and `pg_temp*` schemas, which include
 * `pg_toast_temp_N`). In LIKE, `\_` is a literal underscore rather than "any character".
 */
const NAMESPACES_QUERY = sql<{ readonly name: string }>`
  select n.nspname::text as name
  from pg_catalog.pg_namespace n
  where n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg\\_toast%'
    and n.nspname not like 'pg\\_temp%'
  order by n.nspname collate "C"
`

export async function queryNamespaces(db: Kysely<any>): Promise<readonly string[]> {
  const { rows } = await NAMESPACES_QUERY.execute(db)
  return rows.map((row) => row.name)
}
