import type {
  CheckConstraint,
  Column,
  Domain,
  EnumType,
  Extension,
  ForeignKey,
  Index,
  PrimaryKey,
  Schema,
  Sequence,
  Table,
  UniqueConstraint,
} from '../schema/schema.js'
import { type TableElement, catalogOrigin } from './catalog-sql.js'
import type { TableConstraint } from './query-constraints.js'
import type { TableRow } from './query-tables.js'

export interface CatalogRows {
  /** Managed schemas, sorted. */
  readonly schemas: readonly string[]
  readonly extensions: readonly Extension[]
  /** Sorted by (schema, name). */
  readonly tables: readonly TableRow[]
  /** In attnum order within each table. */
  readonly columns: readonly TableElement<Column>[]
  /** Sorted by name. */
  readonly constraints: readonly TableElement<TableConstraint>[]
  /** Sorted by name. */
  readonly indexes: readonly TableElement<Index>[]
  readonly enums: readonly EnumType[]
  readonly domains: readonly Domain[]
  readonly sequences: readonly Sequence[]
}

/** Puts the rows of the catalog queries together; every list keeps the order its query gave. */
export function assembleSchema(rows: CatalogRows): Schema {
  const columns = groupByTable(rows.columns)
  const constraints = groupByTable(rows.constraints)
  const indexes = groupByTable(rows.indexes)
  return {
    schemas: rows.schemas,
    extensions: rows.extensions,
    enums: rows.enums,
    domains: rows.domains,
    sequences: rows.sequences,
    tables: rows.tables.map((table) =>
      assembleTable(table, columns.get(table.oid) ?? [], constraints.get(table.oid) ?? [], indexes.get(table.oid) ?? []),
    ),
  }
}

function assembleTable(
  table: TableRow,
  columns: readonly Column[],
  constraints: readonly TableConstraint[],
  indexes: readonly Index[],
): Table {
  const primaryKeys: PrimaryKey[] = []
  const uniques: UniqueConstraint[] = []
  const checks: CheckConstraint[] = []
  const foreignKeys: ForeignKey[] = []
  for (const entry of constraints) {
    switch (entry.kind) {
      case 'primaryKey':
        primaryKeys.push(entry.constraint)
        break
      case 'unique':
        uniques.push(entry.constraint)
        break
      case 'check':
        checks.push(entry.constraint)
        break
      case 'foreignKey':
        foreignKeys.push(entry.constraint)
        break
    }
  }
  return {
    schema: table.schema,
    name: table.name,
    columns,
    primaryKey: primaryKeys[0] ?? null,
    uniques,
    checks,
    foreignKeys,
    indexes,
    comment: table.comment,
    renamedFrom: null,
    origin: catalogOrigin(table.oid),
  }
}

function groupByTable<T>(elements: readonly TableElement<T>[]): ReadonlyMap<number, readonly T[]> {
  const groups = new Map<number, T[]>()
  for (const { tableOid, element } of elements) {
    const group = groups.get(tableOid)
    if (group === undefined) groups.set(tableOid, [element])
    else group.push(element)
  }
  return groups
}
