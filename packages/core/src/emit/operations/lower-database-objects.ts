import type { AlterDomainChange, ChangeHandlers } from '../../diff/change.js'
import { matchBy, sameDefinition } from '../../diff/compare.js'
import type { QualifiedName } from '../../schema/schema.js'
import type { DomainAction } from './database-object-operation.js'
import type { Operation } from './operation.js'
import { OLD_TYPE_SUFFIX, rebuildsType, recastColumns } from './recast-columns.js'

type DatabaseObjectChangeKind =
  | 'createExtension'
  | 'dropExtension'
  | 'createDomain'
  | 'dropDomain'
  | 'alterDomain'
  | 'createSequence'
  | 'dropSequence'
  | 'alterSequence'
  | 'ownSequence'
  | 'disownSequence'

/** The lowering of the extension, domain and sequence changes (part of `lowerChange`). */
export const DATABASE_OBJECT_LOWERINGS: Pick<ChangeHandlers<readonly Operation[]>, DatabaseObjectChangeKind> = {
  createExtension: (c) => [{ kind: 'createExtension', name: c.extension.name }],
  dropExtension: (c) => [{ kind: 'dropExtension', name: c.extension.name }],
  createDomain: (c) => [{ kind: 'createDomain', domain: c.domain }],
  dropDomain: (c) => [{ kind: 'dropDomain', name: nameOf(c.domain) }],
  alterDomain: (c) => (rebuildsType(c) ? rebuildDomain(c) : domainActions(c).map((action) => ({ kind: 'alterDomain', name: nameOf(c.to), action }))),
  createSequence: (c) => [{ kind: 'createSequence', sequence: c.sequence }],
  dropSequence: (c) => [{ kind: 'dropSequence', name: nameOf(c.sequence) }],
  alterSequence: (c) => [{ kind: 'alterSequence', sequence: c.to }],
  ownSequence: (c) => [{ kind: 'setSequenceOwner', name: c.sequence, owner: c.owner }],
  disownSequence: (c) => [{ kind: 'setSequenceOwner', name: c.sequence, owner: null }],
}

/** Checks are dropped before the default and NOT NULL change, and added after (new checks see them). */
function domainActions({ from, to }: AlterDomainChange): readonly DomainAction[] {
  const checks = matchBy(from.checks, to.checks, (check) => check.name)
  const changed = checks.kept.filter(([a, b]) => !sameDefinition(a, b))
  return [
    ...[...checks.removed, ...changed.map(([a]) => a)].map((check): DomainAction => ({ kind: 'dropConstraint', name: check.name })),
    ...(from.default === to.default ? [] : [to.default === null ? ({ kind: 'dropDefault' } as const) : ({ kind: 'setDefault', expression: to.default } as const)]),
    ...(from.notNull === to.notNull ? [] : [{ kind: to.notNull ? 'setNotNull' : 'dropNotNull' } as const]),
    ...[...changed.map(([, b]) => b), ...checks.added].map((check): DomainAction => ({ kind: 'addCheck', name: check.name, expression: check.expression })),
  ]
}

/**
 * A domain's base type cannot be altered, and columns using it keep it from being dropped: rename
 * the old domain away, create the new one, cast the columns to it (from the old base type to the
 * new one), then drop the old domain.
 */
function rebuildDomain(c: AlterDomainChange): readonly Operation[] {
  const name = nameOf(c.to)
  const oldName = `${name.name}${OLD_TYPE_SUFFIX}`
  return [
    { kind: 'alterDomain', name, action: { kind: 'rename', newName: oldName } },
    { kind: 'createDomain', domain: c.to },
    ...recastColumns(c.columns, name, false),
    { kind: 'dropDomain', name: { schema: name.schema, name: oldName } },
  ]
}

function nameOf(name: QualifiedName): QualifiedName {
  return { schema: name.schema, name: name.name }
}
