import { sql } from 'kysely'
import { Node, Project } from 'ts-morph'
import type { Database } from '../../packages/core/src/database/connect.js'

/** A column `table.from` that is `table.to` now: what `@renamedFrom from` on `to` says. */
export interface ColumnRename {
  /** `schema.table`, as a key of the models' DB interface. */
  readonly table: string
  readonly from: string
  readonly to: string
}

interface AttributeRow {
  readonly table_oid: number
  readonly table: string
  readonly attnum: number
  readonly name: string
}

/**
 * The columns renamed between `before` and `after`, when `before` is a copy of an earlier state
 * of `after` (CREATE DATABASE ... TEMPLATE keeps oids): the same table oid and attribute number
 * under another name. These are the hints a developer adds to pulled models by hand.
 */
export async function findColumnRenames(before: Database, after: Database): Promise<readonly ColumnRename[]> {
  const [old, current] = await Promise.all([readAttributes(before), readAttributes(after)])
  const oldNames = new Map(old.map((row) => [`${row.table_oid}.${row.attnum}`, row.name]))
  return current.flatMap((row) => {
    const from = oldNames.get(`${row.table_oid}.${row.attnum}`)
    return from === undefined || from === row.name ? [] : [{ table: row.table, from, to: row.name }]
  })
}

async function readAttributes(database: Database): Promise<readonly AttributeRow[]> {
  const { rows } = await sql<AttributeRow>`
    select c.oid::int as table_oid, n.nspname || '.' || c.relname as table, a.attnum, a.attname as name
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
  `.execute(database.db)
  return rows
}

/**
 * Adds `@renamedFrom` to the renamed columns of a pulled models file: the interface of a table
 * is the type of its key in `DB` (`'auth.users': AuthUsersTable`; a `public` table's key has no
 * schema).
 */
export async function addRenameHints(modelsFile: string, renames: readonly ColumnRename[]): Promise<void> {
  if (renames.length === 0) return
  const project = new Project({ skipAddingFilesFromTsConfig: true })
  const file = project.addSourceFileAtPath(modelsFile)
  const root = file.getInterfaceOrThrow('DB')
  for (const rename of renames) {
    const key = rename.table.startsWith('public.') ? rename.table.slice('public.'.length) : rename.table
    const entry = root.getProperties().find((property) => property.getSymbol()?.getName() === key)
    const typeNode = entry?.getTypeNode()
    if (typeNode === undefined || !Node.isTypeReference(typeNode)) throw new Error(`${modelsFile}: no interface for table ${rename.table}`)
    const column = file.getInterfaceOrThrow(typeNode.getTypeName().getText()).getPropertyOrThrow(rename.to)
    const tag = { tagName: 'renamedFrom', text: rename.from }
    const [doc] = column.getJsDocs()
    if (doc === undefined) column.addJsDoc({ tags: [tag] })
    else doc.addTag(tag)
  }
  await file.save()
}
