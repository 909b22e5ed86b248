import type { Domain, QualifiedName, Sequence, SequenceOwner } from '../../schema/schema.js'

/**
 * DDL statements on extensions, domains and sequences (part of `Operation`). Kysely's schema
 * builder has none of them, so the Kysely emitter prints them as ``sql`...` ``.
 */
export type DatabaseObjectOperation =
  | { readonly kind: 'createExtension'; readonly name: string }
  | { readonly kind: 'dropExtension'; readonly name: string }
  | { readonly kind: 'createDomain'; readonly domain: Domain }
  | { readonly kind: 'alterDomain'; readonly name: QualifiedName; readonly action: DomainAction }
  | { readonly kind: 'dropDomain'; readonly name: QualifiedName }
  /** Without `OWNED BY`: `setSequenceOwner` says it once the column exists. */
  | { readonly kind: 'createSequence'; readonly sequence: Sequence }
  | { readonly kind: 'alterSequence'; readonly sequence: Sequence }
  | { readonly kind: 'setSequenceOwner'; readonly name: QualifiedName; readonly owner: SequenceOwner | null }
  | { readonly kind: 'dropSequence'; readonly name: QualifiedName }

export type DatabaseObjectOperationKind = DatabaseObjectOperation['kind']

/** One `ALTER DOMAIN` action. */
export type DomainAction =
  | { readonly kind: 'setDefault'; readonly expression: string }
  | { readonly kind: 'dropDefault' }
  | { readonly kind: 'setNotNull' }
  | { readonly kind: 'dropNotNull' }
  | { readonly kind: 'addCheck'; readonly name: string; readonly expression: string }
  | { readonly kind: 'dropConstraint'; readonly name: string }
  | { readonly kind: 'rename'; readonly newName: string }
