import { qualifiedKey } from '../schema/names.js'
import type { ForeignKey, QualifiedName, Schema, Table } from '../schema/schema.js'
import type { Change } from './change.js'

/**
 * Foreign keys over a referenced key that the migration drops. PostgreSQL ties a foreign key to
 * the unique index behind the key it references, so dropping that primary key, unique
 * constraint or unique index fails while the foreign key exists ("cannot drop constraint
 * users_pkey ... because other objects depend on it"), even when the key is added back at once.
 *
 * `changes` are the differ's table changes; `current` is the database with renames applied. The
 * result: such foreign keys are dropped first and, when the models keep them, added again last
 * (`changes`), and the ones of dropped tables are listed by table (`detached`), for the caller to
 * leave out of the `dropTable` change, whose inverse would otherwise add them twice.
 */
export interface DetachedForeignKeys {
  readonly changes: readonly Change[]
  readonly detached: ReadonlyMap<string, ReadonlySet<string>>
}

export function foreignKeysOverDroppedKeys(changes: readonly Change[], current: Schema, desired: Schema): DetachedForeignKeys {
  const dropped = changedKeys(changes, 'dropped')
  const found: Change[] = []
  const detached = new Map<string, Set<string>>()
  if (dropped.size === 0) return { changes: found, detached }
  const alreadyDropped = new Set(changes.flatMap((c) => (c.kind === 'dropForeignKey' ? [`${qualifiedKey(c.table)}:${c.foreignKey.name}`] : [])))
  const desiredTables = new Map(desired.tables.map((t) => [qualifiedKey(t), t]))
  for (const table of current.tables) {
    const name: QualifiedName = { schema: table.schema, name: table.name }
    const kept = desiredTables.get(qualifiedKey(table))
    for (const foreignKey of table.foreignKeys) {
      const keys = dropped.get(qualifiedKey(foreignKey.references)) ?? []
      if (!keys.includes(columnSet(foreignKey.referencedColumns)) || alreadyDropped.has(`${qualifiedKey(table)}:${foreignKey.name}`)) continue
      found.push({ kind: 'dropForeignKey', table: name, foreignKey })
      if (kept === undefined) detached.set(qualifiedKey(table), new Set([...(detached.get(qualifiedKey(table)) ?? []), foreignKey.name]))
      const again = kept?.foreignKeys.find((fk) => fk.name === foreignKey.name)
      if (again !== undefined) found.push({ kind: 'addForeignKey', table: name, foreignKey: again })
    }
  }
  return { changes: found, detached }
}

/**
 * Foreign keys of created tables over a key the migration adds to an existing table. Created
 * with the table, they would come before the key ("there is no unique constraint matching given
 * keys for referenced table"), and in `down` the key would be dropped before the table that uses
 * it. So they are added last (`changes`), dropped first in `down`, and listed by table
 * (`detached`) for the caller to leave out of the `createTable` change.
 */
export function foreignKeysOverAddedKeys(changes: readonly Change[], created: readonly Table[]): DetachedForeignKeys {
  const added = changedKeys(changes, 'added')
  const found: Change[] = []
  const detached = new Map<string, Set<string>>()
  for (const table of created) {
    for (const foreignKey of table.foreignKeys) {
      if (!(added.get(qualifiedKey(foreignKey.references)) ?? []).includes(columnSet(foreignKey.referencedColumns))) continue
      found.push({ kind: 'addForeignKey', table: { schema: table.schema, name: table.name }, foreignKey })
      detached.set(qualifiedKey(table), new Set([...(detached.get(qualifiedKey(table)) ?? []), foreignKey.name]))
    }
  }
  return { changes: found, detached }
}

/** `table` without the foreign keys `detached` lists for it. */
export function withoutDetached(table: Table, detached: ReadonlyMap<string, ReadonlySet<string>>): Table {
  const names = detached.get(qualifiedKey(table))
  return names === undefined ? table : { ...table, foreignKeys: table.foreignKeys.filter((fk: ForeignKey) => !names.has(fk.name)) }
}

/** By table: the column sets of the primary keys, uniques and plain unique indexes dropped (or added). */
function changedKeys(changes: readonly Change[], how: 'dropped' | 'added'): ReadonlyMap<string, readonly string[]> {
  const keys = new Map<string, string[]>()
  const add = (table: QualifiedName, columns: readonly string[]): void => {
    keys.set(qualifiedKey(table), [...(keys.get(qualifiedKey(table)) ?? []), columnSet(columns)])
  }
  const [primaryKey, unique, index] = how === 'dropped' ? (['dropPrimaryKey', 'dropUnique', 'dropIndex'] as const) : (['addPrimaryKey', 'addUnique', 'createIndex'] as const)
  for (const change of changes) {
    if (change.kind === primaryKey) add(change.table, change.primaryKey.columns)
    if (change.kind === unique) add(change.table, change.unique.columns)
    if (change.kind === index && change.index.unique && change.index.where === null) {
      const columns = change.index.keys.flatMap((key) => (key.kind === 'column' ? [key.column] : []))
      if (columns.length === change.index.keys.length) add(change.table, columns)
    }
  }
  return keys
}

/** A foreign key may name the referenced columns in any order. */
function columnSet(columns: readonly string[]): string {
  return JSON.stringify([...columns].sort())
}
