/**
 * The one intermediate representation every stage speaks: the model reader and the catalog
 * reader both produce a `Schema`, the differ compares two of them, and nothing else is shared
 * between stages. Values are plain, immutable and JSON-serialisable.
 *
 * SQL text (types, defaults, expressions) is kept as text. After canonicalisation both sides
 * hold PostgreSQL's own printing of it (`format_type`, `pg_get_expr`, ...), read with
 * `search_path = public`, so types and functions in `public` print unqualified and everything
 * else is schema-qualified.
 */

/** Where an element was declared: a model file line, or a catalog object. */
export type Origin = ModelOrigin | CatalogOrigin

export interface ModelOrigin {
  readonly kind: 'model'
  readonly file: string
  readonly line: number
  /** `Table.column`, or the interface/alias name, for messages. */
  readonly symbol: string
}

export interface CatalogOrigin {
  readonly kind: 'catalog'
  readonly oid: number
}

export interface QualifiedName {
  readonly schema: string
  readonly name: string
}

export interface Schema {
  /** Namespaces the schema manages, sorted; always includes every schema an object lives in. */
  readonly schemas: readonly string[]
  /** Sorted by name. */
  readonly extensions: readonly Extension[]
  readonly enums: readonly EnumType[]
  /** Sorted by (schema, name). */
  readonly domains: readonly Domain[]
  /** Sorted by (schema, name). */
  readonly sequences: readonly Sequence[]
  readonly tables: readonly Table[]
}

/** `CREATE EXTENSION`: the objects it creates belong to it and are never read as the schema's. */
export interface Extension {
  readonly name: string
  readonly origin: Origin | null
}

/** `CREATE DOMAIN name AS type [NOT NULL] [DEFAULT ...] [CHECK (...)]`. */
export interface Domain extends QualifiedName {
  /** The base type, printed like a column type. */
  readonly type: string
  readonly notNull: boolean
  readonly default: string | null
  /** By name; the expression refers to the value as `VALUE`. */
  readonly checks: readonly CheckConstraint[]
  readonly origin: Origin | null
}

/**
 * `CREATE SEQUENCE name AS type START n INCREMENT n`, with `OWNED BY` a column (a serial
 * column's sequence is owned by it). Numbers are text: a bigint does not fit a JS number.
 */
export interface Sequence extends QualifiedName {
  readonly type: string
  readonly start: string
  readonly increment: string
  readonly ownedBy: SequenceOwner | null
  readonly origin: Origin | null
}

export interface SequenceOwner {
  readonly table: QualifiedName
  readonly column: string
}

export interface EnumType extends QualifiedName {
  /** In declaration order (the order PostgreSQL sorts by). */
  readonly values: readonly string[]
  readonly comment: string | null
  /** `@renamedValue old new` hints from the models, in order; always empty when read from a catalog. */
  readonly renamedValues: readonly EnumValueRename[]
  readonly origin: Origin | null
}

export interface EnumValueRename {
  readonly from: string
  readonly to: string
}

export interface Table extends QualifiedName {
  /** In declaration order (attnum order). */
  readonly columns: readonly Column[]
  readonly primaryKey: PrimaryKey | null
  readonly uniques: readonly UniqueConstraint[]
  readonly checks: readonly CheckConstraint[]
  readonly foreignKeys: readonly ForeignKey[]
  /** Indexes that back no constraint (constraint indexes are described by the constraint). */
  readonly indexes: readonly Index[]
  readonly comment: string | null
  /** `@renamedFrom` hint from the models; always null when read from a catalog. */
  readonly renamedFrom: string | null
  readonly origin: Origin | null
}

export type IdentityKind = 'always' | 'by default'

export interface Column {
  readonly name: string
  /** SQL type text, e.g. `integer`, `character varying(255)`, `text[]`, `role`, `audit.kind`. */
  readonly type: string
  readonly nullable: boolean
  /** Default expression (SQL), null when none. Identity and generated columns have none. */
  readonly default: string | null
  readonly identity: IdentityKind | null
  /** Expression of a `GENERATED ALWAYS AS (...) STORED` column. */
  readonly generated: string | null
  /** Explicit collation, null for the type's default. */
  readonly collation: string | null
  readonly comment: string | null
  /** `@renamedFrom` hint from the models; always null when read from a catalog. */
  readonly renamedFrom: string | null
  readonly origin: Origin | null
}

export interface PrimaryKey {
  readonly name: string
  readonly columns: readonly string[]
  readonly origin: Origin | null
}

export interface UniqueConstraint {
  readonly name: string
  readonly columns: readonly string[]
  readonly nullsNotDistinct: boolean
  readonly origin: Origin | null
}

export interface CheckConstraint {
  readonly name: string
  /** The boolean expression, without the `CHECK (...)` wrapper. */
  readonly expression: string
  readonly origin: Origin | null
}

export type ForeignKeyAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default'

export interface ForeignKey {
  readonly name: string
  readonly columns: readonly string[]
  readonly references: QualifiedName
  readonly referencedColumns: readonly string[]
  readonly onDelete: ForeignKeyAction
  readonly onUpdate: ForeignKeyAction
  readonly deferrable: boolean
  readonly initiallyDeferred: boolean
  readonly origin: Origin | null
}

export type IndexKey = IndexColumnKey | IndexExpressionKey

export interface IndexColumnKey {
  readonly kind: 'column'
  readonly column: string
  readonly direction: 'asc' | 'desc'
  /** Always explicit: PostgreSQL's default is `last` for asc and `first` for desc. */
  readonly nulls: 'first' | 'last'
}

export interface IndexExpressionKey {
  readonly kind: 'expression'
  /** The expression as SQL, without surrounding parentheses. */
  readonly expression: string
  readonly direction: 'asc' | 'desc'
  readonly nulls: 'first' | 'last'
}

export interface Index {
  readonly name: string
  readonly unique: boolean
  /** Access method: `btree`, `gin`, `gist`, `brin`, `hash`, ... */
  readonly method: string
  readonly keys: readonly IndexKey[]
  /** `INCLUDE (...)` columns. */
  readonly include: readonly string[]
  /** Partial index predicate, without `WHERE`. */
  readonly where: string | null
  readonly nullsNotDistinct: boolean
  readonly origin: Origin | null
}

export const EMPTY_SCHEMA: Schema = { schemas: ['public'], extensions: [], enums: [], domains: [], sequences: [], tables: [] }
