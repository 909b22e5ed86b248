import type { ForeignKeyAction } from '../../src/schema/schema.js'
import type { BaseTypeId, IndexMethod } from './column-types.js'

/**
 * A model as the generator sees it: what a user declares, with every cross-reference by a
 * stable id (a column's id survives its renames, as the references a user edits along with the
 * name do), and SQL kept as choices among the column type's snippets, resolved when printed
 * (see print-models.ts). `validModel` (valid-model.ts) turns any spec into one the model
 * reader and PostgreSQL accept.
 */

export type SchemaName = 'public' | 'audit'

export interface ModelSpec {
  /** `@schema audit` on `DB`: the schema is managed even when nothing lives there. */
  readonly declareAudit: boolean
  readonly enums: readonly EnumSpec[]
  readonly tables: readonly TableSpec[]
}

export interface EnumValueSpec {
  readonly id: number
  readonly label: string
}

export interface EnumSpec {
  readonly id: number
  /** The type alias (`TicketStatus` is the enum `ticket_status`). */
  readonly alias: string
  readonly schema: SchemaName
  readonly values: readonly EnumValueSpec[]
  readonly comment: string | null
}

export type TypeRef = { readonly kind: 'base'; readonly type: BaseTypeId } | { readonly kind: 'enum'; readonly enum: number; readonly array: boolean }

/** What fills a column when an insert leaves it out. */
export type ValueSpec =
  | null
  | { readonly kind: 'default'; readonly choice: number }
  /** `implied`: say it with `Generated<number>` on a primary key column alone, no tag. */
  | { readonly kind: 'identity'; readonly always: boolean; readonly implied: boolean }
  | { readonly kind: 'generated'; readonly source: number; readonly choice: number }

export interface ColumnSpec {
  readonly id: number
  readonly name: string
  readonly type: TypeRef
  readonly nullable: boolean
  readonly value: ValueSpec
  readonly collateC: boolean
  readonly comment: string | null
}

export interface KeyOrder {
  readonly direction: 'asc' | 'desc' | null
  readonly nulls: 'first' | 'last' | null
}

export interface IndexKeySpec {
  readonly column: number
  /** A choice among the column type's expressions, or null for the column itself. */
  readonly expression: number | null
  readonly order: KeyOrder
}

export interface PredicateSpec {
  readonly column: number
  readonly choice: number
}

export interface PrimaryKeySpec {
  readonly name: string | null
  readonly columns: readonly number[]
}

export interface UniqueSpec {
  readonly name: string | null
  readonly columns: readonly number[]
  readonly nullsNotDistinct: boolean
  /** On the column (`@unique`) when it has one column. */
  readonly onColumn: boolean
}

export interface CheckSpec extends PredicateSpec {
  readonly name: string | null
  readonly onColumn: boolean
}

export interface ForeignKeySpec {
  readonly name: string | null
  readonly columns: readonly number[]
  /** The referenced table's id: its primary key, or else a unique constraint of the same arity. */
  readonly target: number
  readonly onDelete: ForeignKeyAction
  readonly onUpdate: ForeignKeyAction
  readonly deferrable: 'no' | 'immediate' | 'deferred'
  readonly onColumn: boolean
}

export interface IndexSpec {
  readonly name: string | null
  readonly keys: readonly IndexKeySpec[]
  readonly unique: boolean
  readonly nullsNotDistinct: boolean
  readonly method: IndexMethod
  readonly include: readonly number[]
  readonly where: PredicateSpec | null
  readonly onColumn: boolean
}

export interface TableSpec {
  readonly id: number
  readonly schema: SchemaName
  readonly name: string
  readonly comment: string | null
  readonly columns: readonly ColumnSpec[]
  readonly primaryKey: PrimaryKeySpec | null
  readonly uniques: readonly UniqueSpec[]
  readonly checks: readonly CheckSpec[]
  readonly foreignKeys: readonly ForeignKeySpec[]
  readonly indexes: readonly IndexSpec[]
}

/** Two related models: `after` is an edit of `before`; the ids say what was renamed. */
export interface SpecPair {
  readonly before: ModelSpec
  readonly after: ModelSpec
}
