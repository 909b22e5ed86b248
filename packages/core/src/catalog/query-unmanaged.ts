import { type Kysely, sql } from 'kysely'
import { textArray } from './catalog-sql.js'

/** An object of the managed schemas that the model language cannot say, e.g. `view public.actor_info`. */
export interface UnmanagedObject {
  readonly kind: string
  readonly name: string
}

/**
 * What the catalog reader does not read (so a diff never touches it) and `migrate pull` cannot
 * write: views, materialized views, foreign tables, partitions, functions and procedures,
 * triggers, rules, policies, exclusion constraints, composite and range types, row-level
 * security. Extension members are left out, like everywhere. Sorted by kind, then name.
 */
const UNMANAGED_QUERY = (schemas: readonly string[]) => sql<UnmanagedObject>`
  with managed as (select oid, nspname from pg_catalog.pg_namespace where nspname = any(${textArray(schemas)})),
  extension_member as (select objid, classid from pg_catalog.pg_depend where deptype = 'e')
  select kind, name from (
    select
      case
        when c.relispartition then 'partition'
        when c.relkind = 'v' then 'view'
        when c.relkind = 'm' then 'materialized view'
        when c.relkind = 'f' then 'foreign table'
        else 'table with row-level security'
      end as kind,
      pg_catalog.format('%I.%I', n.nspname, c.relname) as name
    from pg_catalog.pg_class c
    join managed n on n.oid = c.relnamespace
    where (c.relkind in ('v', 'm', 'f') or c.relispartition or (c.relkind in ('r', 'p') and c.relrowsecurity))
      and (c.oid, 'pg_catalog.pg_class'::regclass) not in (select objid, classid from extension_member)
    union all
    select
      case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' when 'w' then 'window function' else 'function' end,
      pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
    from pg_catalog.pg_proc p
    join managed n on n.oid = p.pronamespace
    where (p.oid, 'pg_catalog.pg_proc'::regclass) not in (select objid, classid from extension_member)
    union all
    select 'trigger', pg_catalog.format('%I on %I.%I', t.tgname, n.nspname, c.relname)
    from pg_catalog.pg_trigger t
    join pg_catalog.pg_class c on c.oid = t.tgrelid
    join managed n on n.oid = c.relnamespace
    where not t.tgisinternal
    union all
    select 'rule', pg_catalog.format('%I on %I.%I', r.rulename, n.nspname, c.relname)
    from pg_catalog.pg_rewrite r
    join pg_catalog.pg_class c on c.oid = r.ev_class
    join managed n on n.oid = c.relnamespace
    where r.rulename <> '_RETURN'
    union all
    select 'policy', pg_catalog.format('%I on %I.%I', pol.polname, n.nspname, c.relname)
    from pg_catalog.pg_policy pol
    join pg_catalog.pg_class c on c.oid = pol.polrelid
    join managed n on n.oid = c.relnamespace
    union all
    select 'exclusion constraint', pg_catalog.format('%I on %I.%I', con.conname, n.nspname, c.relname)
    from pg_catalog.pg_constraint con
    join pg_catalog.pg_class c on c.oid = con.conrelid
    join managed n on n.oid = c.relnamespace
    where con.contype = 'x'
    union all
    select case t.typtype when 'c' then 'composite type' when 'r' then 'range type' else 'base type' end,
      pg_catalog.format('%I.%I', n.nspname, t.typname)
    from pg_catalog.pg_type t
    join managed n on n.oid = t.typnamespace
    left join pg_catalog.pg_class c on c.oid = t.typrelid
    where (t.typtype in ('r', 'b') and t.typelem = 0 or (t.typtype = 'c' and c.relkind = 'c'))
      and (t.oid, 'pg_catalog.pg_type'::regclass) not in (select objid, classid from extension_member)
  ) objects
  order by kind collate "C", name collate "C"
`

export async function queryUnmanaged(db: Kysely<any>, schemas: readonly string[]): Promise<readonly UnmanagedObject[]> {
  const { rows } = await UNMANAGED_QUERY(schemas).execute(db)
  return rows
}
