import type { ColumnTransition } from '../../diff/change.js'
import { quoteIdentifier } from '../../schema/names.js'
import type { Column } from '../../schema/schema.js'
import type { ColumnAction } from './operation.js'

/**
 * The `ALTER COLUMN` actions that turn `from` into `to`, in an order PostgreSQL accepts:
 *
 * 1. drop default: the old default may not cast to a new type, and a column cannot be made an
 *    identity while it has one;
 * 2. drop identity;
 * 3. type, with its collation (`TYPE t COLLATE c` is the only way to change a collation);
 * 4. set default (again after a type change, so it is stored with the new type);
 * 5. nullability: NOT NULL must hold before ADD GENERATED ... AS IDENTITY;
 * 6. add or switch identity.
 *
 * The generation expression is not compared: the differ says a change of it with
 * `dropGeneration` (whose expression is dropped before these actions) or `addGeneration`. The
 * comment is not an ALTER COLUMN action either: `lowerChange` adds it.
 */
export function columnActions({ from, to, castThroughText }: ColumnTransition): readonly ColumnAction[] {
  const typeChanged = from.type !== to.type || from.collation !== to.collation
  const defaultChanged = from.default !== to.default || typeChanged
  return [
    ...(from.default !== null && defaultChanged ? [{ kind: 'dropDefault' } as const] : []),
    ...(from.identity !== null && to.identity === null ? [{ kind: 'dropIdentity' } as const] : []),
    ...(typeChanged ? [setType(from, to, castThroughText)] : []),
    ...(to.default !== null && defaultChanged ? [{ kind: 'setDefault', expression: to.default } as const] : []),
    ...(from.nullable === to.nullable ? [] : [{ kind: to.nullable ? 'dropNotNull' : 'setNotNull' } as const]),
    ...identityActions(from, to),
  ]
}

/**
 * `USING col::type`: the explicit cast PostgreSQL demands when no assignment cast exists; through
 * text (or text[] for an array) when an enum is involved, since enums cast to nothing else. A
 * column generated before and after has none: PostgreSQL recomputes it from its expression and
 * refuses USING ("cannot specify USING when altering type of generated column").
 */
function setType(from: Column, to: Column, castThroughText: boolean): ColumnAction {
  if (from.generated !== null && to.generated !== null) return { kind: 'setType', type: to.type, collation: to.collation, using: null }
  const text = castThroughText ? `::${from.type.endsWith('[]') ? 'text[]' : 'text'}` : ''
  return { kind: 'setType', type: to.type, collation: to.collation, using: `${quoteIdentifier(to.name)}${text}::${to.type}` }
}

/** Switching `always`/`by default` keeps the sequence; dropping and re-adding would restart it. */
function identityActions(from: Column, to: Column): readonly ColumnAction[] {
  if (to.identity === null || to.identity === from.identity) return []
  return [{ kind: from.identity === null ? 'addIdentity' : 'setIdentity', identity: to.identity }]
}
