import type { Column, Index, QualifiedName, Schema, Table } from '../schema/schema.js'
import { qualifiedKey } from '../schema/names.js'
import { COLUMNS_PER_PROBE, PROBE_SCHEMA, chunks, holdsSqlText, probeColumn, probeTable } from './probe-table.js'

/**
 * Probes that print nothing but make PostgreSQL check what creating the tables would check:
 * key probes (every key column type has a btree operator class) and reference probes (every
 * foreign key's column types compare with the referenced ones).
 */

/** PostgreSQL's INDEX_MAX_KEYS: the most columns one index may have. */
const MAX_INDEX_KEYS = 32

/**
 * Btree indexes over every distinct (type, collation) of a key column: creating them checks each
 * type has an operator class. Many columns an index (an index build is the costly part).
 */
export function planKeyProbes(tables: readonly Table[]): readonly Table[] {
  const keyed = new Map<string, Column>()
  for (const table of tables) {
    const byName = new Map(table.columns.map((column) => [column.name, column]))
    const keyColumns = [
      ...(table.primaryKey?.columns ?? []),
      ...table.uniques.flatMap((unique) => unique.columns),
      ...table.foreignKeys.flatMap((foreignKey) => foreignKey.columns),
      ...table.indexes.filter((index) => !holdsSqlText(index)).flatMap((index) => index.keys.flatMap((key) => (key.kind === 'column' ? [key.column] : []))),
    ]
    for (const name of keyColumns) {
      const column = byName.get(name)!
      keyed.set(`${column.type}\0${column.collation}`, column)
    }
  }
  const columns = [...keyed.values()].map((column, i) => probeColumn(`k${i}`, column.type, column.collation, null, null))
  return chunks(columns, COLUMNS_PER_PROBE).map((chunk, n) => {
    const probe = `key_probe_${n}`
    const indexes = chunks(chunk, MAX_INDEX_KEYS).map(
      (keys, i): Index => ({
        name: `${probe}_${i}`,
        unique: false,
        method: 'btree',
        keys: keys.map((column) => ({ kind: 'column', column: column.name, direction: 'asc', nulls: 'last' })),
        include: [],
        where: null,
        nullsNotDistinct: false,
        origin: null,
      }),
    )
    return { ...probeTable(probe, chunk, []), indexes }
  })
}

/**
 * A foreign key whose columns' types differ from the referenced ones' (`bigint` to `integer` is
 * fine, `text` to `integer` is not): one referencing probe per distinct pair of type lists,
 * with its referenced probe. Pairs of equal types need none: the key probe covers them.
 */
export function planReferenceProbes(tables: readonly Table[], typeOf: (table: QualifiedName, column: string) => Column): readonly Table[] {
  const pairs = new Map<string, { readonly from: readonly Column[]; readonly to: readonly Column[] }>()
  for (const table of tables) {
    for (const foreignKey of table.foreignKeys) {
      const from = foreignKey.columns.map((column) => typeOf(table, column))
      const to = foreignKey.referencedColumns.map((column) => typeOf(foreignKey.references, column))
      if (from.every((column, i) => column.type === to[i].type)) continue
      pairs.set(JSON.stringify([from.map((c) => c.type), to.map((c) => c.type)]), { from, to })
    }
  }
  return [...pairs.values()].flatMap(({ from, to }, n) => {
    const referenced = `referenced_probe_${n}`
    const columnsOf = (list: readonly Column[]): readonly Column[] => list.map((column, i) => probeColumn(`k${i}`, column.type, column.collation, null, null))
    const names = to.map((_, i) => `k${i}`)
    return [
      { ...probeTable(referenced, columnsOf(to), []), uniques: [{ name: `${referenced}_key`, columns: names, nullsNotDistinct: false, origin: null }] },
      {
        ...probeTable(`referencing_probe_${n}`, columnsOf(from), []),
        foreignKeys: [
          {
            name: `referencing_probe_${n}_fkey`,
            columns: names,
            references: { schema: PROBE_SCHEMA, name: referenced },
            referencedColumns: names,
            onDelete: 'no action',
            onUpdate: 'no action',
            deferrable: false,
            initiallyDeferred: false,
            origin: null,
          },
        ],
      },
    ]
  })
}

/** A lookup of any model column by table and name (the preconditions guarantee both exist). */
export function columnTypes(models: Schema): (table: QualifiedName, column: string) => Column {
  const tables = new Map(models.tables.map((table) => [qualifiedKey(table), table]))
  return (table, column) => tables.get(qualifiedKey(table))!.columns.find((c) => c.name === column)!
}
