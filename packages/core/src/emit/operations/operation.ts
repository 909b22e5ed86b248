import type {
  CheckConstraint,
  Column,
  ForeignKey,
  IdentityKind,
  Index,
  PrimaryKey,
  QualifiedName,
  Table,
  UniqueConstraint,
} from '../../schema/schema.js'
import type { DatabaseObjectOperation } from './database-object-operation.js'

/**
 * One DDL statement, as data. `lowerChange` turns a `Change` into these (deciding order, enum
 * add-value vs rebuild, which column aspects to touch); the SQL renderer prints each as text and
 * the Kysely emitter prints each as a `db.schema` builder call or, where Kysely cannot say it, as
 * ``sql`...` `` holding the SQL renderer's text. So both outputs run the same steps in the same
 * order, and the semantics live in one place.
 */
export type Operation =
  | { readonly kind: 'createSchema'; readonly schema: string }
  | { readonly kind: 'dropSchema'; readonly schema: string }
  | { readonly kind: 'createEnum'; readonly name: QualifiedName; readonly values: readonly string[] }
  | { readonly kind: 'addEnumValue'; readonly name: QualifiedName; readonly value: string; readonly position: EnumValuePosition }
  | { readonly kind: 'renameType'; readonly name: QualifiedName; readonly newName: string }
  | { readonly kind: 'renameEnumValue'; readonly name: QualifiedName; readonly from: string; readonly to: string }
  | { readonly kind: 'dropType'; readonly name: QualifiedName }
  /** Columns and constraints only: indexes and the table comment are separate operations. */
  | { readonly kind: 'createTable'; readonly table: Table }
  | { readonly kind: 'dropTable'; readonly table: QualifiedName }
  | { readonly kind: 'renameTable'; readonly table: QualifiedName; readonly newName: string }
  | { readonly kind: 'renameColumn'; readonly table: QualifiedName; readonly column: string; readonly newName: string }
  | { readonly kind: 'addColumn'; readonly table: QualifiedName; readonly column: Column }
  | { readonly kind: 'dropColumn'; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: 'alterColumn'; readonly table: QualifiedName; readonly column: string; readonly action: ColumnAction }
  /**
   * A column just made an identity: its new sequence continues after the greatest value the
   * rows already hold (else the next insert would collide with them), `setval` from a query since
   * `RESTART WITH` takes a constant only.
   */
  | { readonly kind: 'continueIdentity'; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: 'addConstraint'; readonly table: QualifiedName; readonly constraint: TableConstraint }
  | { readonly kind: 'dropConstraint'; readonly table: QualifiedName; readonly name: string }
  | { readonly kind: 'renameConstraint'; readonly table: QualifiedName; readonly name: string; readonly newName: string }
  | { readonly kind: 'createIndex'; readonly table: QualifiedName; readonly index: Index }
  /** `table` only gives the schema: an index lives in its table's schema. */
  | { readonly kind: 'dropIndex'; readonly table: QualifiedName; readonly name: string }
  /** `table` only gives the schema, as for `dropIndex`. */
  | { readonly kind: 'renameIndex'; readonly table: QualifiedName; readonly name: string; readonly newName: string }
  | { readonly kind: 'comment'; readonly target: CommentTarget; readonly text: string | null }
  | DatabaseObjectOperation

export type OperationKind = Operation['kind']

/** Where `ALTER TYPE ... ADD VALUE` puts the value; `append` is PostgreSQL's default (the end). */
export type EnumValuePosition =
  | { readonly kind: 'append' }
  | { readonly kind: 'before' | 'after'; readonly neighbour: string }

/** One `ALTER TABLE ... ALTER COLUMN` action. */
export type ColumnAction =
  | { readonly kind: 'dropDefault' }
  | { readonly kind: 'setDefault'; readonly expression: string }
  | { readonly kind: 'dropIdentity' }
  | { readonly kind: 'addIdentity'; readonly identity: IdentityKind }
  /** Switches an identity between `always` and `by default`, keeping its sequence. */
  | { readonly kind: 'setIdentity'; readonly identity: IdentityKind }
  | { readonly kind: 'setType'; readonly type: string; readonly collation: string | null; readonly using: string | null }
  | { readonly kind: 'setNotNull' }
  | { readonly kind: 'dropNotNull' }
  | { readonly kind: 'dropExpression' }

export type TableConstraint =
  | ({ readonly kind: 'primaryKey' } & PrimaryKey)
  | ({ readonly kind: 'unique' } & UniqueConstraint)
  | ({ readonly kind: 'check' } & CheckConstraint)
  | ({ readonly kind: 'foreignKey' } & ForeignKey)

export type CommentTarget =
  | { readonly kind: 'table'; readonly table: QualifiedName }
  | { readonly kind: 'column'; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: 'type'; readonly name: QualifiedName }

/** Dispatch table over operation kinds, checked exhaustively like `ChangeHandlers`. */
export type OperationHandlers<R> = {
  readonly [K in OperationKind]: (operation: Extract<Operation, { kind: K }>) => R
}

export function dispatchOperation<R>(operation: Operation, handlers: OperationHandlers<R>): R {
  const handler = handlers[operation.kind] as (operation: Operation) => R
  return handler(operation)
}
