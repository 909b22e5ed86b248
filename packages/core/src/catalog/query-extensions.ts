import { type Kysely, sql } from 'kysely'
import type { Extension } from '../schema/schema.js'
import { catalogOrigin } from './catalog-sql.js'

/**
 * Installed extensions, by name. `plpgsql` is left out: every database has it from initdb, so
 * models never need to ask for it. Versions and the extension's schema are not compared.
 */
const EXTENSIONS_QUERY = sql<{ readonly oid: number; readonly name: string }>`
  select e.oid::int as oid, e.extname::text as name
  from pg_catalog.pg_extension e
  where e.extname <> 'plpgsql'
  order by e.extname collate "C"
`

export async function queryExtensions(db: Kysely<any>): Promise<readonly Extension[]> {
  const { rows } = await EXTENSIONS_QUERY.execute(db)
  return rows.map((row) => ({ name: row.name, origin: catalogOrigin(row.oid) }))
}
