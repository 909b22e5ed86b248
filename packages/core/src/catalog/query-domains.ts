import { type Kysely, sql } from 'kysely'
import type { Domain } from '../schema/schema.js'
import { catalogOrigin, isExtensionMember, textArray } from './catalog-sql.js'

interface DomainRow {
  readonly oid: number
  readonly schema: string
  readonly name: string
  readonly type: string
  readonly notNull: boolean
  readonly default: string | null
  readonly checkNames: readonly string[]
  readonly checkExpressions: readonly string[]
}

/**
 * Domains (`typtype = 'd'`) of the given schemas, by (schema, name), with their check
 * constraints by name. `typdefault` is the default as printed when the domain was created (under
 * that session's search_path), so the default is deparsed again from `typdefaultbin`; a check's
 * `pg_get_expr(conbin, 0)` is its bare expression on `VALUE`. Since PostgreSQL 17 a domain's NOT
 * NULL is also a constraint row (contype 'n'); `typnotnull` says it on every version.
 */
const DOMAINS_QUERY = (schemas: readonly string[]) => sql<DomainRow>`
  select
    t.oid::int as oid,
    n.nspname::text as schema,
    t.typname::text as name,
    pg_catalog.format_type(t.typbasetype, t.typtypmod) as type,
    t.typnotnull as "notNull",
    pg_catalog.pg_get_expr(t.typdefaultbin, 0) as default,
    array(
      select con.conname::text from pg_catalog.pg_constraint con
      where con.contypid = t.oid and con.contype = 'c' order by con.conname collate "C"
    ) as "checkNames",
    array(
      select pg_catalog.pg_get_expr(con.conbin, 0) from pg_catalog.pg_constraint con
      where con.contypid = t.oid and con.contype = 'c' order by con.conname collate "C"
    ) as "checkExpressions"
  from pg_catalog.pg_type t
  join pg_catalog.pg_namespace n on n.oid = t.typnamespace
  where t.typtype = 'd'
    and n.nspname = any(${textArray(schemas)})
    and not ${isExtensionMember('pg_type', sql`t.oid`)}
  order by n.nspname collate "C", t.typname collate "C"
`

export async function queryDomains(db: Kysely<any>, schemas: readonly string[]): Promise<readonly Domain[]> {
  const { rows } = await DOMAINS_QUERY(schemas).execute(db)
  return rows.map((row) => {
    const origin = catalogOrigin(row.oid)
    return {
      schema: row.schema,
      name: row.name,
      type: row.type,
      notNull: row.notNull,
      default: row.default,
      checks: row.checkNames.map((name, i) => ({ name, expression: row.checkExpressions[i], origin })),
      origin,
    }
  })
}
