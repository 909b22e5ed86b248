import type { CheckConstraint, Column, Index, Table, UniqueConstraint } from '../schema/schema.js'
import { qualifiedKey } from '../schema/names.js'
import type { ProbePlan, TableSlot } from './probe-plan.js'
import { holdsSqlText } from './probe-table.js'

/** The integer types PostgreSQL accepts for an identity column. */
const IDENTITY_TYPES: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint'])

/**
 * The models' tables as the catalog reader would read them back after creating them: SQL text
 * from the probes (`printed`, probe tables by name), everything else from the models, in the
 * reader's shapes and orders (constraints and indexes by name, collation "C"), with what
 * PostgreSQL adds by itself: primary key and identity columns are NOT NULL, and an empty
 * comment is no comment. Null when an identity column's type is not an integer type, which
 * PostgreSQL rejects: the caller then creates the tables for PostgreSQL to say so.
 */
export function assembleProbedTables(models: readonly Table[], plan: ProbePlan, printed: ReadonlyMap<string, Table>): readonly Table[] | null {
  const probeColumns = new Map([...printed.values()].flatMap((probe) => probe.columns.map((column) => [`${probe.name}.${column.name}`, column] as const)))
  const printedColumn = (column: Column): Column => {
    const slot = plan.columns.get(column)!
    return probeColumns.get(`${slot.probe}.${slot.column}`)!
  }
  const tables: Table[] = []
  for (const model of models) {
    const slot = plan.tables.get(qualifiedKey(model))
    const probe = slot === undefined ? null : printed.get(slot.probe)!
    const keyColumns = new Set(model.primaryKey?.columns ?? [])
    const columns = model.columns.map((column): Column => {
      const print = printedColumn(column)
      return {
        name: column.name,
        type: print.type,
        nullable: column.nullable && column.identity === null && !keyColumns.has(column.name),
        default: print.default,
        identity: column.identity,
        generated: column.generated === null ? null : findNamed(probe!.columns, column.name).generated,
        collation: print.collation,
        comment: nonEmpty(column.comment),
        renamedFrom: null,
        origin: null,
      }
    })
    if (columns.some((column) => column.identity !== null && !IDENTITY_TYPES.has(column.type))) return null
    tables.push({
      schema: model.schema,
      name: model.name,
      columns,
      primaryKey: model.primaryKey && { name: model.primaryKey.name, columns: model.primaryKey.columns, origin: null },
      uniques: byName(withoutRepeatedKeys(model).map((u) => ({ name: u.name, columns: u.columns, nullsNotDistinct: u.nullsNotDistinct, origin: null }))),
      checks: byName(slot === undefined ? [] : printedChecks(probe!, slot)),
      foreignKeys: byName(
        model.foreignKeys.map((fk) => ({
          name: fk.name,
          columns: fk.columns,
          references: { schema: fk.references.schema, name: fk.references.name },
          referencedColumns: fk.referencedColumns,
          onDelete: fk.onDelete,
          onUpdate: fk.onUpdate,
          deferrable: fk.deferrable,
          initiallyDeferred: fk.initiallyDeferred,
          origin: null,
        })),
      ),
      indexes: byName([...model.indexes.filter((index) => !holdsSqlText(index)).map(plainIndex), ...(slot === undefined ? [] : printedIndexes(probe!, slot))]),
      comment: nonEmpty(model.comment),
      renamedFrom: null,
      origin: null,
    })
  }
  return tables.sort((a, b) => compareCodePoints(a.schema, b.schema) || compareCodePoints(a.name, b.name))
}

/**
 * CREATE TABLE leaves out a unique constraint that repeats the primary key or an earlier unique
 * constraint (same columns in the same order, same NULLS [NOT] DISTINCT): PostgreSQL builds one
 * index for both (transformIndexConstraints in parse_utilcmd.c).
 */
function withoutRepeatedKeys(table: Table): readonly UniqueConstraint[] {
  const kept: { readonly columns: readonly string[]; readonly nullsNotDistinct: boolean }[] =
    table.primaryKey === null ? [] : [{ columns: table.primaryKey.columns, nullsNotDistinct: false }]
  return table.uniques.filter((unique) => {
    const repeats = kept.some((key) => key.nullsNotDistinct === unique.nullsNotDistinct && key.columns.join('\0') === unique.columns.join('\0'))
    if (!repeats) kept.push(unique)
    return !repeats
  })
}

function printedChecks(probe: Table, slot: TableSlot): readonly CheckConstraint[] {
  return probe.checks.map((check) => ({ name: slot.checks.get(check.name)!, expression: check.expression, origin: null }))
}

function printedIndexes(probe: Table, slot: TableSlot): readonly Index[] {
  return probe.indexes.map((index) => ({ ...index, name: slot.indexes.get(index.name)!, origin: null }))
}

/** A btree index on columns: PostgreSQL prints nothing of it, so it reads back as declared. */
function plainIndex(index: Index): Index {
  return {
    name: index.name,
    unique: index.unique,
    method: index.method,
    keys: index.keys.map((key) => (key.kind === 'column' ? { kind: 'column', column: key.column, direction: key.direction, nulls: key.nulls } : key)),
    include: index.include,
    where: null,
    nullsNotDistinct: index.nullsNotDistinct,
    origin: null,
  }
}

function findNamed<T extends { readonly name: string }>(items: readonly T[], name: string): T {
  return items.find((item) => item.name === name)!
}

/** `COMMENT ON ... IS ''` removes the comment. */
function nonEmpty(comment: string | null): string | null {
  return comment === '' ? null : comment
}

/** Sorted as the catalog queries sort names (collation "C"). */
function byName<T extends { readonly name: string }>(items: readonly T[]): readonly T[] {
  return [...items].sort((a, b) => compareCodePoints(a.name, b.name))
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
