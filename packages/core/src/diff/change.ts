import type {
  CheckConstraint,
  Column,
  Domain,
  Extension,
  Sequence,
  SequenceOwner,
  EnumType,
  ForeignKey,
  Index,
  PrimaryKey,
  QualifiedName,
  Table,
  UniqueConstraint,
} from '../schema/schema.js'

/**
 * One step of a migration, as plain data. The differ produces them, the planner orders them, the
 * emitters print them. Every change holds everything needed to print it AND its inverse
 * (`invertChange`), so `down` is exact: a dropped column keeps its whole old definition.
 *
 * Adding a kind is a type error until `invertChange`, the planner and both emitters handle it.
 */
export type Change =
  | CreateSchemaChange
  | DropSchemaChange
  | CreateEnumChange
  | DropEnumChange
  | AlterEnumChange
  | CreateTableChange
  | DropTableChange
  | AddColumnChange
  | DropColumnChange
  | AlterColumnChange
  | DropGenerationChange
  | AddGenerationChange
  | AddPrimaryKeyChange
  | DropPrimaryKeyChange
  | AddUniqueChange
  | DropUniqueChange
  | AddCheckChange
  | DropCheckChange
  | AddForeignKeyChange
  | DropForeignKeyChange
  | CreateIndexChange
  | DropIndexChange
  | SetTableCommentChange
  | RenameTableChange
  | RenameColumnChange
  | RenameConstraintChange
  | RenameIndexChange
  | RenameEnumValueChange
  | SetEnumCommentChange
  | CreateExtensionChange
  | DropExtensionChange
  | CreateDomainChange
  | DropDomainChange
  | AlterDomainChange
  | CreateSequenceChange
  | DropSequenceChange
  | AlterSequenceChange
  | OwnSequenceChange
  | DisownSequenceChange

export type ChangeKind = Change['kind']

export interface CreateSchemaChange {
  readonly kind: 'createSchema'
  readonly schema: string
}

export interface DropSchemaChange {
  readonly kind: 'dropSchema'
  readonly schema: string
}

export interface CreateEnumChange {
  readonly kind: 'createEnum'
  readonly enum: EnumType
}

export interface DropEnumChange {
  readonly kind: 'dropEnum'
  readonly enum: EnumType
}

/**
 * The value list of an enum changes. When `to` only inserts values into `from` (order kept), it
 * prints as `ALTER TYPE ... ADD VALUE`; otherwise the type is rebuilt and every column using it
 * (`columns`, with their defaults) is cast to the new type.
 */
export interface AlterEnumChange extends TypeUses {
  readonly kind: 'alterEnum'
  readonly enum: QualifiedName
  readonly from: readonly string[]
  readonly to: readonly string[]
  /** The type's comment, set again on a rebuilt type (a comment change is `setEnumComment`). */
  readonly comment: string | null
  /**
   * Rebuilt even when `to` only adds values: a value added by `ADD VALUE` cannot be used in the
   * transaction that adds it, a rebuilt type's can. Set by the planner when the inverse of a
   * rebuild (a removal's `down`) shares its migration with changes that may use the values.
   */
  readonly rebuild: boolean
}

/**
 * The columns typed with an enum or domain that a change rebuilds: they are cast from the old type
 * to the new one. `columns` are the columns when the change runs, `columnsAfter` once the whole
 * migration ran: the inverse, which runs in `down`, swaps them (a column added next to the change
 * exists when `down` rebuilds the type back). Columns of tables the migration drops or creates
 * are not there: the rebuild runs after tables are dropped and before they are created.
 *
 * `dependents` are the constraints and indexes over those columns, and the foreign keys
 * referencing them, that the migration keeps as they are. PostgreSQL cannot carry them through
 * the cast: a foreign key would join the new type to the old one while one of its columns is
 * cast (it "cannot be implemented"), and a check, an index expression or predicate is parsed
 * again with its constants still typed with the renamed old type (`mood <> 'sad'::mood__old`:
 * operator does not exist). So a rebuild drops them first (foreign keys first, as listed) and
 * creates them again last (in the reverse order). The list serves both directions: what is kept
 * as it is exists on both sides. The ones the migration changes are changes of their own,
 * dropped before the rebuild and added after it (see plan/phases.ts).
 */
export interface TypeUses {
  readonly columns: readonly TypeColumnUse[]
  readonly columnsAfter: readonly TypeColumnUse[]
  readonly dependents: readonly TypeDependent[]
}

/** A constraint or index a rebuild drops and creates again: see `TypeUses`. */
export type TypeDependent = DropForeignKeyChange | DropIndexChange | DropCheckChange | DropUniqueChange | DropPrimaryKeyChange

export interface TypeColumnUse {
  readonly table: QualifiedName
  readonly column: string
  /** The column's default when the rebuild runs: stored typed with the old type, it is dropped first. */
  readonly default: string | null
  /**
   * The default set again after the cast (the same text now names the new type); null when the
   * migration changes or drops the default, which its own `alterColumn` then does.
   */
  readonly restoredDefault: string | null
  /** `true` when the column is an array of the type. */
  readonly array: boolean
}

/**
 * Creates a table with its columns, primary key, uniques and checks. Its foreign keys are printed
 * inline when the planner keeps them here; the planner moves the ones that must wait (cycles,
 * tables created later) to separate `addForeignKey` changes. Indexes and the comment are always
 * separate changes.
 */
export interface CreateTableChange {
  readonly kind: 'createTable'
  readonly table: Table
}

export interface DropTableChange {
  readonly kind: 'dropTable'
  readonly table: Table
}

export interface AddColumnChange {
  readonly kind: 'addColumn'
  readonly table: QualifiedName
  readonly column: Column
}

export interface DropColumnChange {
  readonly kind: 'dropColumn'
  readonly table: QualifiedName
  readonly column: Column
}

/**
 * A column kept by name whose definition changes: `from` and `to`. `castThroughText` is set when
 * either type is an enum (or an array of one): an enum casts to and from text only, so a new type
 * is reached through text (`USING col::text::new_type`).
 */
export interface ColumnTransition {
  readonly table: QualifiedName
  readonly from: Column
  readonly to: Column
  readonly castThroughText: boolean
}

/** Type, nullability, default, identity, collation or comment changed; the generation expression is the same. */
export interface AlterColumnChange extends ColumnTransition {
  readonly kind: 'alterColumn'
}

/**
 * A generated column becomes a plain one and keeps its values (`ALTER COLUMN ... DROP
 * EXPRESSION`), then takes `to`'s other differences as `alterColumn` would.
 */
export interface DropGenerationChange extends ColumnTransition {
  readonly kind: 'dropGeneration'
}

/**
 * A plain column becomes generated. PostgreSQL 15 cannot give a column an expression, so it is
 * dropped and added again as `to`: its values are recomputed and it moves to the end of the
 * table. Its indexes and constraints are re-created around it by the differ.
 */
export interface AddGenerationChange extends ColumnTransition {
  readonly kind: 'addGeneration'
}

export interface AddPrimaryKeyChange {
  readonly kind: 'addPrimaryKey'
  readonly table: QualifiedName
  readonly primaryKey: PrimaryKey
}

export interface DropPrimaryKeyChange {
  readonly kind: 'dropPrimaryKey'
  readonly table: QualifiedName
  readonly primaryKey: PrimaryKey
}

export interface AddUniqueChange {
  readonly kind: 'addUnique'
  readonly table: QualifiedName
  readonly unique: UniqueConstraint
}

export interface DropUniqueChange {
  readonly kind: 'dropUnique'
  readonly table: QualifiedName
  readonly unique: UniqueConstraint
}

export interface AddCheckChange {
  readonly kind: 'addCheck'
  readonly table: QualifiedName
  readonly check: CheckConstraint
}

export interface DropCheckChange {
  readonly kind: 'dropCheck'
  readonly table: QualifiedName
  readonly check: CheckConstraint
}

export interface AddForeignKeyChange {
  readonly kind: 'addForeignKey'
  readonly table: QualifiedName
  readonly foreignKey: ForeignKey
}

export interface DropForeignKeyChange {
  readonly kind: 'dropForeignKey'
  readonly table: QualifiedName
  readonly foreignKey: ForeignKey
}

export interface CreateIndexChange {
  readonly kind: 'createIndex'
  readonly table: QualifiedName
  readonly index: Index
}

export interface DropIndexChange {
  readonly kind: 'dropIndex'
  readonly table: QualifiedName
  readonly index: Index
}

export interface SetTableCommentChange {
  readonly kind: 'setTableComment'
  readonly table: QualifiedName
  readonly from: string | null
  readonly to: string | null
}

/**
 * Renames keep the data: `@renamedFrom` on a table or column, and constraints and indexes whose
 * definition is unchanged but whose name is not (PostgreSQL's default names follow the table and
 * column names). Each is its own inverse with `from` and `to` swapped.
 */
export interface RenameTableChange {
  readonly kind: 'renameTable'
  readonly schema: string
  readonly from: string
  readonly to: string
}

/** `table` is the table's name when the rename runs (after any rename of the table itself). */
export interface RenameColumnChange {
  readonly kind: 'renameColumn'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
}

/** A primary key, unique, check or foreign key (the index behind a key follows its name). */
export interface RenameConstraintChange {
  readonly kind: 'renameConstraint'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
}

/** `table` only gives the schema and the summary: an index lives in its table's schema. */
export interface RenameIndexChange {
  readonly kind: 'renameIndex'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
}

/** `@renamedValue old new` on the enum's type alias: `ALTER TYPE ... RENAME VALUE`. */
export interface RenameEnumValueChange {
  readonly kind: 'renameEnumValue'
  readonly enum: QualifiedName
  readonly from: string
  readonly to: string
}

export interface SetEnumCommentChange {
  readonly kind: 'setEnumComment'
  readonly enum: QualifiedName
  readonly from: string | null
  readonly to: string | null
}

export interface CreateExtensionChange {
  readonly kind: 'createExtension'
  readonly extension: Extension
}

export interface DropExtensionChange {
  readonly kind: 'dropExtension'
  readonly extension: Extension
}

export interface CreateDomainChange {
  readonly kind: 'createDomain'
  readonly domain: Domain
}

export interface DropDomainChange {
  readonly kind: 'dropDomain'
  readonly domain: Domain
}

/**
 * Default, NOT NULL or checks of a domain changed: `ALTER DOMAIN`. A changed base type cannot be
 * altered: the domain is rebuilt and every column using it (`columns`) is cast to the new one.
 */
export interface AlterDomainChange extends TypeUses {
  readonly kind: 'alterDomain'
  readonly from: Domain
  readonly to: Domain
}

/** Creates the sequence without its owner: `ownSequence` follows once the column exists. */
export interface CreateSequenceChange {
  readonly kind: 'createSequence'
  readonly sequence: Sequence
}

/** Drops the sequence; its owner is released first by `disownSequence`. */
export interface DropSequenceChange {
  readonly kind: 'dropSequence'
  readonly sequence: Sequence
}

/** Type, start or increment of a sequence changed. */
export interface AlterSequenceChange {
  readonly kind: 'alterSequence'
  readonly from: Sequence
  readonly to: Sequence
}

/** `ALTER SEQUENCE ... OWNED BY table.column`: dropping the column then drops the sequence. */
export interface OwnSequenceChange {
  readonly kind: 'ownSequence'
  readonly sequence: QualifiedName
  readonly owner: SequenceOwner
}

/** `ALTER SEQUENCE ... OWNED BY NONE`, before the owning column or table is dropped. */
export interface DisownSequenceChange {
  readonly kind: 'disownSequence'
  readonly sequence: QualifiedName
  readonly owner: SequenceOwner
}

/** Dispatch table type: one handler per change kind, checked exhaustively by the compiler. */
export type ChangeHandlers<R> = {
  readonly [K in ChangeKind]: (change: Extract<Change, { kind: K }>) => R
}

export function dispatchChange<R>(change: Change, handlers: ChangeHandlers<R>): R {
  const handler = handlers[change.kind] as (change: Change) => R
  return handler(change)
}
