import type { CheckConstraint, Column, Index, QualifiedName, Schema, Table } from '../schema/schema.js'

/**
 * Most of a table's canonical form is what the models say: names, column lists, key actions.
 * Only SQL text needs PostgreSQL's printing (`format_type`, `pg_get_expr`), and the printing of
 * a type or a default does not depend on the table it is in, nor a check on the columns it does
 * not name. So instead of creating every table, the canonicaliser creates small temporary
 * "probe" tables, each printing what many tables share:
 *
 * - column probes: one column per distinct (type, collation, default);
 * - table probes: a table's checks, generated columns and indexes that hold SQL text (an
 *   expression key, a predicate, or a method other than btree), over the columns they name,
 *   shared by the tables whose probe would be the same;
 * - key probes: a btree index per distinct key column type, so a key over a type with no btree
 *   operator class (`json`) is rejected as creating the table would;
 * - reference probes: a foreign key per distinct pair of differing column types, so keys whose
 *   types do not compare are rejected too.
 *
 * Temporary tables are never fsynced (a permanent index build is), and the probes are rolled
 * back. Pure: the plan is data; canonicalise.ts runs it and assemble-probed-tables.ts reads it.
 */

/** The schema that makes `CREATE TABLE pg_temp.x` a temporary table. */
export const PROBE_SCHEMA = 'pg_temp'

/** PostgreSQL allows 1,600 columns a table; column probes stay well under. */
const COLUMNS_PER_PROBE = 1000

/** PostgreSQL's INDEX_MAX_KEYS: the most columns one index may have. */
const MAX_INDEX_KEYS = 32

/** Where a model column's type, default and collation are printed. */
export interface ColumnSlot {
  readonly probe: string
  readonly column: string
}

/** The probe printing a model table's checks, generated columns and SQL-bearing indexes. */
export interface TableSlot {
  readonly probe: string
  /** Probe check name → the model's check name (same for indexes). */
  readonly checks: ReadonlyMap<string, string>
  readonly indexes: ReadonlyMap<string, string>
}

export interface ProbePlan {
  /** Temporary tables to create, with their checks; their indexes are in `indexes`. */
  readonly probes: readonly Table[]
  /** By model column (the same objects as in the models planned). */
  readonly columns: ReadonlyMap<Column, ColumnSlot>
  /** By tableKey() of the model table; tables with nothing to print have none. */
  readonly tables: ReadonlyMap<string, TableSlot>
}

export function planProbes(models: Schema): ProbePlan {
  const columnProbes = planColumnProbes(models.tables)
  const tableProbes = planTableProbes(models.tables)
  return {
    probes: [...columnProbes.probes, ...tableProbes.probes, ...planKeyProbes(models.tables), ...planReferenceProbes(models.tables, columnTypes(models))],
    columns: columnProbes.slots,
    tables: tableProbes.slots,
  }
}

export function tableKey(table: QualifiedName): string {
  return `${table.schema}.${table.name}`
}

/**
 * The default a column probe gives the column: identity and generated columns have none (a
 * generated column's expression is printed by its table probe).
 */
function printedDefault(column: Column): string | null {
  return column.identity === null && column.generated === null ? column.default : null
}

function planColumnProbes(tables: readonly Table[]): { probes: readonly Table[]; slots: ReadonlyMap<Column, ColumnSlot> } {
  const distinct = new Map<string, Column[]>()
  for (const table of tables) {
    for (const column of table.columns) {
      // What a column's printing depends on: its type, collation and default.
      const key = JSON.stringify([column.type, column.collation, printedDefault(column)])
      const same = distinct.get(key)
      if (same === undefined) distinct.set(key, [column])
      else same.push(column)
    }
  }
  const slots = new Map<Column, ColumnSlot>()
  const probes = chunks([...distinct.values()], COLUMNS_PER_PROBE).map((chunk, n) => {
    const probe = `column_probe_${n}`
    const columns = chunk.map((same, i) => {
      for (const column of same) slots.set(column, { probe, column: `c${i}` })
      return probeColumn(`c${i}`, same[0].type, same[0].collation, printedDefault(same[0]), null)
    })
    return probeTable(probe, columns, [])
  })
  return { probes, slots }
}

function planTableProbes(tables: readonly Table[]): { probes: readonly Table[]; slots: ReadonlyMap<string, TableSlot> } {
  const probeOf = new Map<string, string>()
  const probes: Table[] = []
  const slots = new Map<string, TableSlot>()
  for (const table of tables) {
    const indexes = table.indexes.filter(holdsSqlText)
    const generated = table.columns.filter((column) => column.generated !== null)
    if (table.checks.length === 0 && indexes.length === 0 && generated.length === 0) continue
    const checks = table.checks.map((check, i): CheckConstraint => ({ name: `c${i}`, expression: check.expression, origin: null }))
    const texts = [...checks.map((check) => check.expression), ...generated.map((column) => column.generated!), ...indexes.flatMap(sqlTextOf)].join('\n').toLowerCase()
    // A column is in the probe when the SQL text may name it: any occurrence of its name, ignoring
    // case (PostgreSQL folds unquoted identifiers). A false positive only adds a column.
    const named = new Set([...indexes.flatMap(columnsNamedBy), ...generated.map((column) => column.name)])
    const columns = table.columns
      .filter((column) => named.has(column.name) || texts.includes(column.name.toLowerCase()))
      .map((column) => probeColumn(column.name, column.type, column.collation, null, column.generated))
    const content = { columns, checks, indexes: indexes.map((index, i) => ({ ...index, name: `i${i}`, origin: null })) }
    const key = JSON.stringify(content)
    let probe = probeOf.get(key)
    if (probe === undefined) {
      probe = `table_probe_${probes.length}`
      probeOf.set(key, probe)
      const probeName = probe
      probes.push({ ...probeTable(probe, columns, checks), indexes: content.indexes.map((index) => ({ ...index, name: `${probeName}_${index.name}` })) })
    }
    const probeName = probe
    slots.set(tableKey(table), {
      probe,
      checks: new Map(table.checks.map((check, i) => [`c${i}`, check.name])),
      indexes: new Map(indexes.map((index, i) => [`${probeName}_i${i}`, index.name])),
    })
  }
  return { probes, slots }
}

/** An index whose catalog entry holds SQL text PostgreSQL prints, or whose method may reorder keys. */
export function holdsSqlText(index: Index): boolean {
  return index.method !== 'btree' || index.where !== null || index.keys.some((key) => key.kind === 'expression')
}

function sqlTextOf(index: Index): readonly string[] {
  return [...index.keys.flatMap((key) => (key.kind === 'expression' ? [key.expression] : [])), ...(index.where === null ? [] : [index.where])]
}

function columnsNamedBy(index: Index): readonly string[] {
  return [...index.keys.flatMap((key) => (key.kind === 'column' ? [key.column] : [])), ...index.include]
}

/**
 * Btree indexes over every distinct (type, collation) of a key column: creating them checks each
 * type has an operator class. Many columns an index (an index build is the costly part).
 */
function planKeyProbes(tables: readonly Table[]): readonly Table[] {
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
function planReferenceProbes(tables: readonly Table[], typeOf: (table: QualifiedName, column: string) => Column): readonly Table[] {
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
function columnTypes(models: Schema): (table: QualifiedName, column: string) => Column {
  const tables = new Map(models.tables.map((table) => [tableKey(table), table]))
  return (table, column) => tables.get(tableKey(table))!.columns.find((c) => c.name === column)!
}

function probeColumn(name: string, type: string, collation: string | null, defaultValue: string | null, generated: string | null): Column {
  return { name, type, nullable: true, default: defaultValue, identity: null, generated, collation, comment: null, renamedFrom: null, origin: null }
}

function probeTable(name: string, columns: readonly Column[], checks: readonly CheckConstraint[]): Table {
  return { schema: PROBE_SCHEMA, name, columns, primaryKey: null, uniques: [], checks, foreignKeys: [], indexes: [], comment: null, renamedFrom: null, origin: null }
}

function chunks<T>(items: readonly T[], size: number): readonly (readonly T[])[] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))
}
