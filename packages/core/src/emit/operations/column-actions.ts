import { quoteIdentifier } from '../../schema/names.js'
import type { Column } from '../../schema/schema.js'
import type { ColumnAction } from './operation.js'

/**
 * The `ALTER COLUMN` actions that turn `from` into `to`, in an order PostgreSQL accepts:
 *
 * 1. drop default: the old default may not cast to a new type, and a column cannot be made an
 *    identity while it has one;
 * 2. drop identity, drop expression: a generated column rejects SET DEFAULT, so it becomes a
 *    plain column before the new default is set (hence earlier than "generated last");
 * 3. type, with its collation (`TYPE t COLLATE c` is the only way to change a collation);
 * 4. set default (again after a type change, so it is stored with the new type);
 * 5. nullability: NOT NULL must hold before ADD GENERATED ... AS IDENTITY;
 * 6. add or switch identity.
 *
 * The comment is not an ALTER COLUMN action: `lowerChange` adds it.
 */
export function columnActions(from: Column, to: Column): readonly ColumnAction[] {
  const typeChanged = from.type !== to.type || from.collation !== to.collation
  const defaultChanged = from.default !== to.default || typeChanged
  return [
    ...(from.default !== null && defaultChanged ? [{ kind: 'dropDefault' } as const] : []),
    ...(from.identity !== null && to.identity === null ? [{ kind: 'dropIdentity' } as const] : []),
    ...generatedActions(from, to),
    ...(typeChanged ? [setType(to)] : []),
    ...(to.default !== null && defaultChanged ? [{ kind: 'setDefault', expression: to.default } as const] : []),
    ...(from.nullable === to.nullable ? [] : [{ kind: to.nullable ? 'dropNotNull' : 'setNotNull' } as const]),
    ...identityActions(from, to),
  ]
}

/** `USING col::type`: the explicit cast PostgreSQL demands when no assignment cast exists. */
function setType(to: Column): ColumnAction {
  return { kind: 'setType', type: to.type, collation: to.collation, using: `${quoteIdentifier(to.name)}::${to.type}` }
}

/**
 * PostgreSQL 15 has no ALTER COLUMN to set or change a generation expression (only to drop it);
 * the only way is to drop and re-add the column, which loses its data, so we refuse for now.
 */
function generatedActions(from: Column, to: Column): readonly ColumnAction[] {
  if (from.generated === to.generated) return []
  if (to.generated === null) return [{ kind: 'dropExpression' }]
  throw new Error(`changing a generated expression is not supported yet (column "${to.name}")`)
}

/** Switching `always`/`by default` keeps the sequence; dropping and re-adding would restart it. */
function identityActions(from: Column, to: Column): readonly ColumnAction[] {
  if (to.identity === null || to.identity === from.identity) return []
  return [{ kind: from.identity === null ? 'addIdentity' : 'setIdentity', identity: to.identity }]
}
