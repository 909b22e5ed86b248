import { qualifiedKey } from '../schema/names.js'
import type { QualifiedName, Schema, Sequence } from '../schema/schema.js'
import type { Change, TypeUses } from './change.js'
import { matchBy, sameDefinition } from './compare.js'

/**
 * Extensions, domains and sequences: the database-level objects next to the tables. `created`
 * goes before the table changes in the differ's list, `dropped` after them (the planner's phases
 * decide the final order; see plan/phases.ts). `usesOf` gives what a domain rebuild touches.
 */
export interface DatabaseObjectChanges {
  readonly created: readonly Change[]
  readonly dropped: readonly Change[]
}

export function diffDatabaseObjects(current: Schema, desired: Schema, usesOf: (type: QualifiedName) => TypeUses): DatabaseObjectChanges {
  const extensions = matchBy(current.extensions, desired.extensions, (extension) => extension.name)
  const domains = matchBy(current.domains, desired.domains, qualifiedKey)
  const sequences = matchBy(current.sequences, desired.sequences, qualifiedKey)
  const altered = domains.kept.filter(([from, to]) => !sameDefinition(from, to))
  return {
    created: [
      ...extensions.added.map((extension): Change => ({ kind: 'createExtension', extension })),
      ...domains.added.map((domain): Change => ({ kind: 'createDomain', domain })),
      ...altered.map(([from, to]): Change => ({ kind: 'alterDomain', from, to, ...usesOf({ schema: to.schema, name: to.name }) })),
      ...sequences.added.flatMap((sequence) => [createSequence(sequence), ...ownership(sequence, 'ownSequence')]),
      ...sequences.kept.flatMap(([from, to]) => diffSequence(from, to)),
    ],
    dropped: [
      ...sequences.removed.flatMap((sequence) => [...ownership(sequence, 'disownSequence'), dropSequence(sequence)]),
      ...domains.removed.map((domain): Change => ({ kind: 'dropDomain', domain })),
      ...extensions.removed.map((extension): Change => ({ kind: 'dropExtension', extension })),
    ],
  }
}

function diffSequence(from: Sequence, to: Sequence): readonly Change[] {
  const sameOwner = sameDefinition(from.ownedBy, to.ownedBy)
  const sameOptions = from.type === to.type && from.start === to.start && from.increment === to.increment
  return [
    ...(sameOptions ? [] : [{ kind: 'alterSequence', from, to } as const]),
    ...(sameOwner ? [] : [...ownership(from, 'disownSequence'), ...ownership(to, 'ownSequence')]),
  ]
}

/** Sequences are created and dropped without an owner: ownership is its own change. */
function createSequence(sequence: Sequence): Change {
  return { kind: 'createSequence', sequence: { ...sequence, ownedBy: null } }
}

function dropSequence(sequence: Sequence): Change {
  return { kind: 'dropSequence', sequence: { ...sequence, ownedBy: null } }
}

function ownership(sequence: Sequence, kind: 'ownSequence' | 'disownSequence'): readonly Change[] {
  if (sequence.ownedBy === null) return []
  return [{ kind, sequence: { schema: sequence.schema, name: sequence.name }, owner: sequence.ownedBy }]
}
