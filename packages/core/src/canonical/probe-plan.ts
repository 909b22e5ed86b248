import type { CheckConstraint, Column, Index, Schema, Table } from '../schema/schema.js'
import { qualifiedKey } from '../schema/names.js'
import { COLUMNS_PER_PROBE, chunks, holdsSqlText, probeColumn, probeTable } from './probe-table.js'
import { columnTypes, planKeyProbes, planReferenceProbes } from './validation-probes.js'

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
 * - key and reference probes (validation-probes.ts), which print nothing but have PostgreSQL
 *   reject what creating the tables would: a key over a type with no btree operator class
 *   (`json`), a foreign key whose column types do not compare.
 *
 * Temporary tables are never fsynced (a permanent index build is), and the probes are rolled
 * back. Pure: the plan is data; canonicalise.ts runs it and assemble-probed-tables.ts reads it.
 */

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
  /** By qualifiedKey() of the model table; tables with nothing to print have none. */
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
    const probe = probeOf.get(key) ?? `table_probe_${probes.length}`
    if (!probeOf.has(key)) {
      probeOf.set(key, probe)
      probes.push({ ...probeTable(probe, columns, checks), indexes: content.indexes.map((index) => ({ ...index, name: `${probe}_${index.name}` })) })
    }
    slots.set(qualifiedKey(table), {
      probe,
      checks: new Map(table.checks.map((check, i) => [`c${i}`, check.name])),
      indexes: new Map(indexes.map((index, i) => [`${probe}_i${i}`, index.name])),
    })
  }
  return { probes, slots }
}

function sqlTextOf(index: Index): readonly string[] {
  return [...index.keys.flatMap((key) => (key.kind === 'expression' ? [key.expression] : [])), ...(index.where === null ? [] : [index.where])]
}

function columnsNamedBy(index: Index): readonly string[] {
  return [...index.keys.flatMap((key) => (key.kind === 'column' ? [key.column] : [])), ...index.include]
}
