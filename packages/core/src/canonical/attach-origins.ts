import type { EnumType, Origin, Schema, Table } from '../schema/schema.js'

interface Located {
  readonly name: string
  readonly origin: Origin | null
}

/**
 * The canonical schema is read back from a scratch database, so its elements point at catalog
 * oids that are gone a moment later. Give each element the model origin (file:line) and rename
 * hint of the model element of the same name, for messages and for renames.
 */
export function attachOrigins(canonical: Schema, models: Schema): Schema {
  const [findEnum, findDomain, findSequence, findTable] = [finder(models.enums), finder(models.domains), finder(models.sequences), finder(models.tables)]
  return {
    schemas: canonical.schemas,
    extensions: canonical.extensions.map((extension) => withOrigin(extension, byName(models.extensions, extension))),
    enums: canonical.enums.map((type) => attachEnum(type, findEnum(type))),
    domains: canonical.domains.map((domain) => withOrigin(domain, findDomain(domain))),
    sequences: canonical.sequences.map((sequence) => withOrigin(sequence, findSequence(sequence))),
    tables: canonical.tables.map((table) => attachTable(table, findTable(table))),
  }
}

function attachEnum(type: EnumType, model: EnumType | undefined): EnumType {
  return model === undefined ? type : { ...type, origin: model.origin, renamedValues: model.renamedValues }
}

function attachTable(table: Table, model: Table | undefined): Table {
  if (model === undefined) return table
  return {
    ...table,
    origin: model.origin,
    renamedFrom: model.renamedFrom,
    columns: table.columns.map((column) => {
      const source = model.columns.find((c) => c.name === column.name)
      return source === undefined ? column : { ...column, origin: source.origin, renamedFrom: source.renamedFrom }
    }),
    primaryKey: table.primaryKey && withOrigin(table.primaryKey, model.primaryKey ?? undefined),
    uniques: table.uniques.map((u) => withOrigin(u, byName(model.uniques, u))),
    checks: table.checks.map((c) => withOrigin(c, byName(model.checks, c))),
    foreignKeys: table.foreignKeys.map((fk) => withOrigin(fk, byName(model.foreignKeys, fk))),
    indexes: table.indexes.map((index) => withOrigin(index, byName(model.indexes, index))),
  }
}

/** Finds by (schema, name) through a map: schemas have thousands of tables. */
function finder<T extends { readonly schema: string; readonly name: string }>(list: readonly T[]): (item: T) => T | undefined {
  const byName = new Map(list.map((item) => [`${item.schema}.${item.name}`, item]))
  return (item) => byName.get(`${item.schema}.${item.name}`)
}

function byName<T extends Located>(list: readonly T[], item: T): T | undefined {
  return list.find((other) => other.name === item.name)
}

function withOrigin<T extends Located>(item: T, model: Located | undefined): T {
  return model === undefined ? item : { ...item, origin: model.origin }
}
