import { tokenize } from '../models/sql-tokens.js'
import { quoteLiteral } from '../schema/names.js'
import type { Index, Table } from '../schema/schema.js'

/**
 * PostgreSQL stores an enum constant by its value's oid, so after `ALTER TYPE ... RENAME VALUE`
 * every default, generation expression, check, index expression and predicate holding it prints
 * the new label. The renamed current schema says the same: otherwise the differ would change
 * them again, and `down` would set the old label before the value is renamed back (invalid input
 * value for enum). A constant is `'label'::type` as PostgreSQL prints it; an array literal
 * (`'{label}'::type[]`) is left as it is.
 */
export function renameEnumLiteralsIn(table: Table, typeName: string, from: string, to: string): Table {
  const rename = (sql: string): string => renameEnumLiteral(sql, typeName, from, to)
  const renameNullable = (sql: string | null): string | null => (sql === null ? null : rename(sql))
  return {
    ...table,
    columns: table.columns.map((column) => ({ ...column, default: renameNullable(column.default), generated: renameNullable(column.generated) })),
    checks: table.checks.map((check) => ({ ...check, expression: rename(check.expression) })),
    indexes: table.indexes.map((index): Index => ({
      ...index,
      keys: index.keys.map((key) => (key.kind === 'expression' ? { ...key, expression: rename(key.expression) } : key)),
      where: renameNullable(index.where),
    })),
  }
}

/** The type name ends there: not followed by more of a name, a qualification or `[]`. */
const NAME_GOES_ON = /^[\p{L}\p{N}_$."[]/u

export function renameEnumLiteral(sql: string, typeName: string, from: string, to: string): string {
  const tokens = tokenize(sql)
  let result = sql
  for (let i = tokens.length - 2; i >= 0; i--) {
    const [literal, cast] = [tokens[i], tokens[i + 1]]
    if (literal.kind !== 'string' || literal.value !== from || cast.text !== '::') continue
    const after = sql.slice(cast.end)
    if (!after.startsWith(typeName) || NAME_GOES_ON.test(after.slice(typeName.length))) continue
    result = `${result.slice(0, literal.start)}${quoteLiteral(to)}${result.slice(literal.end)}`
  }
  return result
}
