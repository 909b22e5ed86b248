import { MAX_IDENTIFIER_BYTES, qualifiedKey } from '../schema/names.js'
import type { ForeignKey, Schema, Table } from '../schema/schema.js'
import { holdsSqlText } from './probe-table.js'

/**
 * What PostgreSQL would reject when creating the models' tables, but probes never see because
 * they do not create the tables themselves: names that collide or get cut, keys over columns
 * that do not exist, foreign keys without a matching unique key. Null when probing is sound;
 * otherwise the reason, and the canonicaliser creates the tables instead, so PostgreSQL itself
 * rejects them at the model line (or, for a long name, cuts it as it would in a migration).
 */
export function whyNotProbe(models: Schema): string | null {
  const tables = new Map(models.tables.map((table) => [qualifiedKey(table), table]))
  for (const table of models.tables) {
    const reason = tableProblem(table, tables)
    if (reason !== null) return `${qualifiedKey(table)}: ${reason}`
  }
  return relationNameProblem(models) ?? sequenceProblem(models, tables)
}

function tableProblem(table: Table, tables: ReadonlyMap<string, Table>): string | null {
  const columns = new Set(table.columns.map((column) => column.name))
  const constraints = [table.primaryKey, ...table.uniques, ...table.checks, ...table.foreignKeys].filter((c) => c !== null)
  const names = [table.schema, table.name, ...columns, ...constraints.map((c) => c.name), ...table.indexes.map((index) => index.name)]
  const keyLists = [table.primaryKey?.columns ?? [], ...table.uniques.map((unique) => unique.columns), ...table.foreignKeys.map((fk) => fk.columns)]
  const indexColumns = table.indexes.flatMap((index) => [...index.keys.flatMap((key) => (key.kind === 'column' ? [key.column] : [])), ...index.include])
  if (names.some(tooLong)) return 'a name longer than 63 bytes'
  if (columns.size !== table.columns.length) return 'a repeated column name'
  if (new Set(constraints.map((c) => c.name)).size !== constraints.length) return 'a repeated constraint name'
  if (keyLists.some(hasRepeats)) return 'a key naming a column twice'
  if ([...keyLists.flat(), ...indexColumns].some((name) => !columns.has(name))) return 'a key naming a missing column'
  if (table.columns.some((column) => column.generated !== null && (column.default !== null || column.identity !== null))) return 'a generated column with a default'
  for (const foreignKey of table.foreignKeys) {
    const reason = foreignKeyProblem(foreignKey, tables)
    if (reason !== null) return `${foreignKey.name}: ${reason}`
  }
  return null
}

function foreignKeyProblem(foreignKey: ForeignKey, tables: ReadonlyMap<string, Table>): string | null {
  const referenced = tables.get(qualifiedKey(foreignKey.references))
  if (referenced === undefined) return 'references a table the models do not declare'
  if (foreignKey.columns.length === 0 || foreignKey.columns.length !== foreignKey.referencedColumns.length) return 'column counts differ'
  if (hasRepeats(foreignKey.referencedColumns) || foreignKey.referencedColumns.some((name) => !referenced.columns.some((c) => c.name === name))) {
    return 'references missing or repeated columns'
  }
  if (foreignKey.initiallyDeferred && !foreignKey.deferrable) return 'initially deferred but not deferrable'
  if (!uniqueKeysOf(referenced).some((key) => sameSet(key, foreignKey.referencedColumns))) return 'no unique key matches the referenced columns'
  return null
}

/** The column sets a foreign key may reference: the primary key, unique constraints, plain unique indexes. */
function uniqueKeysOf(table: Table): readonly (readonly string[])[] {
  const plainUniqueIndexes = table.indexes.filter((index) => index.unique && !holdsSqlText(index))
  return [
    ...(table.primaryKey === null ? [] : [table.primaryKey.columns]),
    ...table.uniques.map((unique) => unique.columns),
    ...plainUniqueIndexes.map((index) => index.keys.map((key) => (key.kind === 'column' ? key.column : ''))),
  ]
}

/**
 * Tables, sequences, indexes and the indexes of primary keys and unique constraints share one
 * namespace per schema; a table also makes a composite type, which an enum or domain of the
 * same name would collide with.
 */
function relationNameProblem(models: Schema): string | null {
  const seen = new Set<string>()
  const relations = [
    ...models.tables.flatMap((table) => [
      table.name,
      ...(table.primaryKey === null ? [] : [table.primaryKey.name]),
      ...table.uniques.map((unique) => unique.name),
      ...table.indexes.map((index) => index.name),
    ].map((name) => ({ schema: table.schema, name }))),
    ...models.sequences,
  ]
  for (const relation of relations) {
    const key = qualifiedKey(relation)
    if (seen.has(key)) return `${key}: a name taken twice`
    seen.add(key)
  }
  const tables = new Set(models.tables.map(qualifiedKey))
  const clash = [...models.enums, ...models.domains].map(qualifiedKey).find((type) => tables.has(type))
  return clash === undefined ? null : `${clash}: a type and a table of the same name`
}

function sequenceProblem(models: Schema, tables: ReadonlyMap<string, Table>): string | null {
  for (const sequence of models.sequences) {
    if (sequence.ownedBy === null) continue
    const owner = tables.get(qualifiedKey(sequence.ownedBy.table))
    if (owner === undefined || owner.schema !== sequence.schema || !owner.columns.some((column) => column.name === sequence.ownedBy!.column)) {
      return `${qualifiedKey(sequence)}: owned by a column that cannot own it`
    }
  }
  return null
}

/** A UTF-16 code unit is at most 3 bytes of UTF-8: most names need no counting. */
function tooLong(name: string): boolean {
  return name.length * 3 > MAX_IDENTIFIER_BYTES && Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES
}

function hasRepeats(names: readonly string[]): boolean {
  return new Set(names).size !== names.length
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name))
}
