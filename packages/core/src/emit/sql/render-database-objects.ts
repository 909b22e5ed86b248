import { quoteIdentifier, quoteQualified } from '../../schema/names.js'
import type { Sequence } from '../../schema/schema.js'
import type { DatabaseObjectOperationKind, DomainAction } from '../operations/database-object-operation.js'
import type { OperationHandlers } from '../operations/operation.js'

/** SQL of the extension, domain and sequence operations (part of the SQL renderer). */
export const DATABASE_OBJECT_RENDERERS: Pick<OperationHandlers<string>, DatabaseObjectOperationKind> = {
  // IF NOT EXISTS: an extension is database-wide, and may be there before the models ask for it.
  createExtension: (op) => `create extension if not exists ${quoteIdentifier(op.name)}`,
  dropExtension: (op) => `drop extension ${quoteIdentifier(op.name)}`,
  createDomain: ({ domain }) =>
    [
      `create domain ${quoteQualified(domain)} as ${domain.type}`,
      ...(domain.notNull ? ['not null'] : []),
      ...(domain.default === null ? [] : [`default ${domain.default}`]),
      ...domain.checks.map((check) => `constraint ${quoteIdentifier(check.name)} check (${check.expression})`),
    ].join(' '),
  alterDomain: (op) => `alter domain ${quoteQualified(op.name)} ${renderDomainAction(op.action)}`,
  dropDomain: (op) => `drop domain ${quoteQualified(op.name)}`,
  createSequence: (op) => `create sequence ${quoteQualified(op.sequence)} ${renderSequenceOptions(op.sequence)}`,
  alterSequence: (op) => `alter sequence ${quoteQualified(op.sequence)} ${renderSequenceOptions(op.sequence)}`,
  setSequenceOwner: (op) =>
    `alter sequence ${quoteQualified(op.name)} owned by ${op.owner === null ? 'none' : `${quoteQualified(op.owner.table)}.${quoteIdentifier(op.owner.column)}`}`,
  dropSequence: (op) => `drop sequence ${quoteQualified(op.name)}`,
}

/**
 * `as <type> start with <n> increment by <n>`. The bounds follow from the type (PostgreSQL sets
 * them when they are not given), so an `alter ... as` also resets them.
 */
function renderSequenceOptions(sequence: Sequence): string {
  return `as ${sequence.type} start with ${sequence.start} increment by ${sequence.increment}`
}

function renderDomainAction(action: DomainAction): string {
  switch (action.kind) {
    case 'setDefault':
      return `set default ${action.expression}`
    case 'dropDefault':
      return 'drop default'
    case 'setNotNull':
      return 'set not null'
    case 'dropNotNull':
      return 'drop not null'
    case 'addCheck':
      return `add constraint ${quoteIdentifier(action.name)} check (${action.expression})`
    case 'dropConstraint':
      return `drop constraint ${quoteIdentifier(action.name)}`
    case 'rename':
      return `rename to ${quoteIdentifier(action.newName)}`
  }
}
