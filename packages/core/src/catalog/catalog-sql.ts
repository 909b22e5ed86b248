import { type RawBuilder, sql } from 'kysely'
import type { CatalogOrigin } from '../schema/schema.js'

/**
 * SQL fragments and helpers shared by the catalog queries.
 *
 * Every query casts what it returns (`::int`, `::text`, `::text[]`): node-postgres returns
 * `bigint` and `oid`-like types as strings and has no parser for `name[]`, while PGlite parses
 * them differently, so only explicit casts give both backends the same JavaScript values.
 */

/** Object ids travel as `int[]`: node-postgres and PGlite both serialise a JS number array to it. */
export function oidArray(oids: readonly number[]): RawBuilder<unknown> {
  return sql`${oids}::int[]::oid[]`
}

export function textArray(values: readonly string[]): RawBuilder<unknown> {
  return sql`${values}::text[]`
}

/**
 * True when the object is a member of an extension (`pg_depend.deptype = 'e'`): the extension
 * creates and drops it, so the models never claim it. `catalog` is the catalog holding the
 * object (`pg_class`, `pg_type`); pg_depend is indexed on (classid, objid), so this anti-join
 * is cheap.
 */
export function isExtensionMember(catalog: 'pg_class' | 'pg_type', objectOid: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`exists (
    select from pg_catalog.pg_depend dep
    where dep.classid = ${sql.lit(`pg_catalog.${catalog}`)}::regclass and dep.objid = ${objectOid} and dep.deptype = 'e'
  )`
}

/**
 * The names of the columns `keys` (an `int2[]` of attnums such as `conkey`) of `relation`, in
 * key order: `unnest ... with ordinality` keeps the array's order, which a plain join loses.
 */
export function keyColumnNames(keys: RawBuilder<unknown>, relation: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`array(
    select att.attname::text
    from unnest(${keys}) with ordinality as key(attnum, position)
    join pg_catalog.pg_attribute att on att.attrelid = ${relation} and att.attnum = key.attnum
    order by key.position
  )`
}

export function catalogOrigin(oid: number): CatalogOrigin {
  return { kind: 'catalog', oid }
}

/** An element of a table, tagged with the table's oid so the assembler can put it in place. */
export interface TableElement<T> {
  readonly tableOid: number
  readonly element: T
}
