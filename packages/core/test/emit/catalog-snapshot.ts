import { type Kysely, sql } from 'kysely'

/** Schemas PostgreSQL (and PGlite) bring along; everything else is ours. */
const SYSTEM_SCHEMA_FILTER = sql`n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'`

/**
 * The user-visible schema as sorted lines of PostgreSQL's own printing (format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef), so two databases compare with `toEqual` and a test
 * failure shows the differing lines. Deliberately independent of the catalog reader under test
 * elsewhere. Column positions are left out: a column dropped and re-added (a down) comes back
 * last, and PostgreSQL offers no way to put it back in place.
 */
export async function catalogSnapshot(db: Kysely<any>): Promise<readonly string[]> {
  const queries = [
    sql<{ line: string }>`
      select 'schema ' || n.nspname as line from pg_namespace n where ${SYSTEM_SCHEMA_FILTER}`,
    sql<{ line: string }>`
      select 'enum ' || n.nspname || '.' || t.typname || ' (' ||
             (select string_agg(e.enumlabel, ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) ||
             ') comment ' || coalesce(obj_description(t.oid, 'pg_type'), '-') as line
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'e' and ${SYSTEM_SCHEMA_FILTER}`,
    sql<{ line: string }>`
      select 'table ' || n.nspname || '.' || c.relname || ' comment ' || coalesce(obj_description(c.oid, 'pg_class'), '-') as line
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and ${SYSTEM_SCHEMA_FILTER}`,
    sql<{ line: string }>`
      select format('column %s.%s.%s %s%s%s default %s identity %s generated %s collation %s comment %s',
               n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
               case when a.attnotnull then ' not null' else '' end,
               case when a.attndims > 0 then ' dims ' || a.attndims else '' end,
               coalesce(pg_get_expr(d.adbin, d.adrelid), '-'), nullif(a.attidentity, ''), nullif(a.attgenerated, ''),
               coalesce(co.collname, '-'), coalesce(col_description(c.oid, a.attnum), '-')) as line
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 100
      where c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and ${SYSTEM_SCHEMA_FILTER}`,
    sql<{ line: string }>`
      select 'constraint ' || n.nspname || '.' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) as line
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where ${SYSTEM_SCHEMA_FILTER}`,
    sql<{ line: string }>`
      select 'index ' || pg_get_indexdef(i.indexrelid) as line
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where ${SYSTEM_SCHEMA_FILTER}`,
  ]
  const lines: string[] = []
  for (const query of queries) {
    const { rows } = await query.execute(db)
    lines.push(...rows.map((row) => row.line))
  }
  return lines.sort()
}
