import { type Kysely, sql } from 'kysely'
import { textArray } from './catalog-sql.js'

/** Something in the managed schemas that the model language cannot say, e.g. `view public.actor_info`. */
export interface UnmanagedObject {
  readonly kind: string
  readonly name: string
}

/**
 * What the catalog reader does not read (so a diff never touches it) and `migrate pull` cannot
 * write, in the managed schemas. Objects: views, materialized views, foreign tables, partitioned
 * tables and partitions, table inheritance, collations, functions and procedures, triggers,
 * rules, policies, exclusion constraints, composite, range and base types, row-level security. Properties of
 * objects the models do hold: privileges and default privileges; comments on indexes,
 * constraints, sequences and domains; unlogged tables; storage parameters; index operator classes
 * and collations; NOT VALID, NO INHERIT, MATCH FULL and deferrable keys; sequence cache, cycle and
 * bounds, and identity sequence options; extensions outside `public` (`@extension` creates them
 * there). Extension members are left out, like everywhere. Sorted by kind, then name.
 *
 * A property the reader dropped silently would be lost by pull + autogenerate (a round trip
 * would even look exact), so each one is named here, and `migrate pull` lists them in its header.
 */
const UNMANAGED_QUERY = (schemas: readonly string[]) => sql<UnmanagedObject>`
  with managed as (select oid, nspname from pg_catalog.pg_namespace where nspname = any(${textArray(schemas)})),
  extension_member as (select objid, classid from pg_catalog.pg_depend where deptype = 'e'),
  relation as (
    select c.*, n.nspname, pg_catalog.format('%I.%I', n.nspname, c.relname) as qualified
    from pg_catalog.pg_class c
    join managed n on n.oid = c.relnamespace
    where (c.oid, 'pg_catalog.pg_class'::regclass) not in (select objid, classid from extension_member)
  ),
  constraint_on as (
    select con.*, pg_catalog.format('%I on %s', con.conname, c.qualified) as described
    from pg_catalog.pg_constraint con
    join relation c on c.oid = con.conrelid
  )
  select kind, name from (
    ${OBJECTS}
    union all
    ${PROPERTIES}
  ) unmanaged
  order by kind collate "C", name collate "C"
`

/** Objects the model language has no word for. */
const OBJECTS = sql`
    select
      case
        when c.relispartition then 'partition'
        when c.relkind = 'p' then 'partitioned table'
        when c.relkind = 'v' then 'view'
        when c.relkind = 'm' then 'materialized view'
        else 'foreign table'
      end as kind,
      c.qualified as name
    from relation c
    where c.relkind in ('v', 'm', 'f', 'p') or c.relispartition
    union all
    select 'table inheritance', pg_catalog.format('%s inherits %s', c.qualified, inh.inhparent::regclass)
    from pg_catalog.pg_inherits inh
    join relation c on c.oid = inh.inhrelid
    where not c.relispartition
    union all
    -- \`@collate\` names a collation; nothing in the models creates one.
    select 'collation', pg_catalog.format('%I.%I', n.nspname, col.collname)
    from pg_catalog.pg_collation col
    join managed n on n.oid = col.collnamespace
    where (col.oid, 'pg_catalog.pg_collation'::regclass) not in (select objid, classid from extension_member)
    union all
    select 'table with row-level security', c.qualified
    from relation c
    where c.relkind in ('r', 'p') and (c.relrowsecurity or c.relforcerowsecurity)
    union all
    select
      case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' when 'w' then 'window function' else 'function' end,
      pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
    from pg_catalog.pg_proc p
    join managed n on n.oid = p.pronamespace
    where (p.oid, 'pg_catalog.pg_proc'::regclass) not in (select objid, classid from extension_member)
    union all
    select 'trigger', pg_catalog.format('%I on %s', t.tgname, c.qualified)
    from pg_catalog.pg_trigger t
    join relation c on c.oid = t.tgrelid
    where not t.tgisinternal
    union all
    select 'rule', pg_catalog.format('%I on %s', r.rulename, c.qualified)
    from pg_catalog.pg_rewrite r
    join relation c on c.oid = r.ev_class
    where r.rulename <> '_RETURN'
    union all
    select 'policy', pg_catalog.format('%I on %s', pol.polname, c.qualified)
    from pg_catalog.pg_policy pol
    join relation c on c.oid = pol.polrelid
    union all
    select 'exclusion constraint', con.described
    from constraint_on con
    where con.contype = 'x'
    union all
    select case t.typtype when 'c' then 'composite type' when 'r' then 'range type' else 'base type' end,
      pg_catalog.format('%I.%I', n.nspname, t.typname)
    from pg_catalog.pg_type t
    join managed n on n.oid = t.typnamespace
    left join pg_catalog.pg_class c on c.oid = t.typrelid
    where (t.typtype in ('r', 'b') and t.typelem = 0 or (t.typtype = 'c' and c.relkind = 'c'))
      and (t.oid, 'pg_catalog.pg_type'::regclass) not in (select objid, classid from extension_member)
`

/**
 * Properties of objects the models hold that the model language cannot say. Sequence bounds are
 * the defaults when they are 1 or -1 and the type's limit (by the direction of the increment);
 * an identity column's sequence must also start at its bound and step by 1.
 */
const PROPERTIES = sql`
    select 'privileges', pg_catalog.format('on %s', c.qualified)
    from relation c
    where c.relacl is not null and c.relkind in ('r', 'p', 'S')
    union all
    select 'privileges', pg_catalog.format('on column %s.%I', c.qualified, a.attname)
    from relation c
    join pg_catalog.pg_attribute a on a.attrelid = c.oid
    where a.attacl is not null and a.attnum > 0 and not a.attisdropped
    union all
    select 'privileges', pg_catalog.format('on type %I.%I', n.nspname, t.typname)
    from pg_catalog.pg_type t
    join managed n on n.oid = t.typnamespace
    where t.typacl is not null
    union all
    select 'default privileges', pg_catalog.format('for role %I%s on %s', d.defaclrole::regrole,
      coalesce(' in schema ' || quote_ident(n.nspname), ''),
      case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions' when 'T' then 'types' else 'schemas' end)
    from pg_catalog.pg_default_acl d
    left join pg_catalog.pg_namespace n on n.oid = d.defaclnamespace
    where d.defaclnamespace = 0 or d.defaclnamespace in (select oid from managed)
    union all
    select 'comment', pg_catalog.format('on %s %s', case c.relkind when 'i' then 'index' when 'I' then 'index' else 'sequence' end, c.qualified)
    from relation c
    join pg_catalog.pg_description d on d.classoid = 'pg_catalog.pg_class'::regclass and d.objoid = c.oid and d.objsubid = 0
    where c.relkind in ('i', 'I', 'S')
    union all
    select 'comment', pg_catalog.format('on constraint %s', con.described)
    from constraint_on con
    join pg_catalog.pg_description d on d.classoid = 'pg_catalog.pg_constraint'::regclass and d.objoid = con.oid
    union all
    select 'comment', pg_catalog.format('on domain %I.%I', n.nspname, t.typname)
    from pg_catalog.pg_type t
    join managed n on n.oid = t.typnamespace
    join pg_catalog.pg_description d on d.classoid = 'pg_catalog.pg_type'::regclass and d.objoid = t.oid
    where t.typtype = 'd'
    union all
    select 'unlogged table', c.qualified
    from relation c
    where c.relpersistence = 'u' and c.relkind in ('r', 'p')
    union all
    select 'storage parameters', pg_catalog.format('%s (%s)', c.qualified, pg_catalog.array_to_string(c.reloptions, ', '))
    from relation c
    where c.reloptions is not null and c.relkind in ('r', 'p', 'i', 'I')
    union all
    select 'index operator class', pg_catalog.format('%s (%s)', c.qualified, opc.opcname)
    from relation c
    join pg_catalog.pg_index i on i.indexrelid = c.oid
    cross join lateral unnest(i.indclass::oid[]) as key(opclass)
    join pg_catalog.pg_opclass opc on opc.oid = key.opclass
    where not opc.opcdefault
    union all
    select 'index collation', pg_catalog.format('%s (%s %s)', c.qualified, a.attname, key.key_collation::regcollation)
    from relation c
    join pg_catalog.pg_index i on i.indexrelid = c.oid
    cross join lateral unnest(i.indkey::int2[], i.indcollation::oid[]) as key(attnum, key_collation)
    join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = key.attnum
    where key.key_collation <> 0 and key.key_collation <> a.attcollation
    union all
    select
      case
        when not con.convalidated then 'constraint not validated'
        when con.contype = 'c' and con.connoinherit then 'check constraint no inherit'
        when con.contype = 'f' then 'foreign key match full'
        else 'deferrable key'
      end,
      con.described
    from constraint_on con
    where not con.convalidated
      -- a primary key is never inherited: connoinherit is set on it too
      or (con.contype = 'c' and con.connoinherit)
      or (con.contype = 'f' and con.confmatchtype = 'f')
      or (con.contype in ('p', 'u') and con.condeferrable)
    union all
    select 'sequence options', c.qualified
    from relation c
    join pg_catalog.pg_sequence s on s.seqrelid = c.oid
    cross join lateral (
      select case s.seqtypid when 'pg_catalog.int2'::regtype then 32767 when 'pg_catalog.int4'::regtype then 2147483647 else 9223372036854775807 end::numeric as type_max
    ) limits
    left join pg_catalog.pg_depend identity on identity.classid = 'pg_catalog.pg_class'::regclass and identity.objid = c.oid and identity.deptype = 'i'
    where s.seqcache <> 1
      or s.seqcycle
      or s.seqmin <> case when s.seqincrement > 0 then 1 else -limits.type_max - 1 end
      or s.seqmax <> case when s.seqincrement > 0 then limits.type_max else -1 end
      or (identity.objid is not null and (s.seqincrement <> 1 or s.seqstart <> s.seqmin))
    union all
    select 'extension schema', pg_catalog.format('%I in %I', e.extname, n.nspname)
    from pg_catalog.pg_extension e
    join pg_catalog.pg_namespace n on n.oid = e.extnamespace
    where n.nspname not in ('public', 'pg_catalog')
`

export async function queryUnmanaged(db: Kysely<any>, schemas: readonly string[]): Promise<readonly UnmanagedObject[]> {
  const { rows } = await UNMANAGED_QUERY(schemas).execute(db)
  return rows
}
