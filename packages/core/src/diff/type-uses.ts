import { elementType, quoteQualified, sameName } from '../schema/names.js'
import type { QualifiedName, Schema } from '../schema/schema.js'
import type { TypeColumnUse } from './change.js'

/**
 * Columns of `schema` typed with `type` (an enum or a domain), or with an array of it. `other` is
 * the other side of the migration: a default is restored after a rebuild only when the column
 * keeps it there.
 */
export function typeColumnUses(type: QualifiedName, schema: Schema, other: Schema): readonly TypeColumnUse[] {
  const typeName = quoteQualified(type)
  return schema.tables.flatMap((table) =>
    table.columns
      .filter((column) => elementType(column.type) === typeName)
      .map((column) => {
        const otherColumn = other.tables.find((t) => sameName(t, table))?.columns.find((c) => c.name === column.name)
        return {
          table: { schema: table.schema, name: table.name },
          column: column.name,
          default: column.default,
          restoredDefault: otherColumn?.default === column.default ? column.default : null,
          array: column.type !== elementType(column.type),
        }
      }),
  )
}
