import type { ChangeKind } from '../diff/change.js'

/**
 * The order of a migration, by kind. PostgreSQL needs:
 * - schemas and enum types before the tables that use them, and dropped after them;
 * - foreign keys, indexes and constraints dropped before the columns and tables they use, and
 *   added after them;
 * - foreign keys added last, once every referenced key exists (this also breaks FK cycles).
 * Within a phase the differ's order is kept, except where `planChanges` sorts tables by FK.
 *
 * Enum values and domains change once the migration's own drops ran, and before any table or
 * column is created or altered: a rebuild (see `TypeUses`) casts every column of the type, so the
 * constraints and indexes the migration drops must be gone (they may hold constants of the old
 * type), the tables it drops need no cast, and new columns and defaults may use the new values.
 *
 * Renames are not ordered by phase but as a barrier in the differ's list (see `planChanges`).
 */
export const PHASE_OF_KIND: { readonly [K in ChangeKind]: number } = {
  renameTable: 0,
  renameColumn: 0,
  renameConstraint: 0,
  renameIndex: 0,
  renameEnumValue: 0,
  createSchema: 0,
  createEnum: 1,
  dropForeignKey: 3,
  dropIndex: 4,
  dropUnique: 4,
  dropCheck: 4,
  dropPrimaryKey: 4,
  dropTable: 5,
  alterEnum: 6,
  createTable: 7,
  // Dropped columns first: a column re-created with a new generated expression is dropped, the
  // columns it uses are altered, then it is added again. Likewise an expression is dropped before
  // the columns it used are altered, and a column made generated is re-created after them.
  dropColumn: 8,
  dropGeneration: 8,
  alterColumn: 9,
  addColumn: 10,
  addGeneration: 10,
  addPrimaryKey: 11,
  addUnique: 11,
  addCheck: 11,
  createIndex: 12,
  addForeignKey: 13,
  setTableComment: 14,
  setEnumComment: 14,
  dropEnum: 15,
  dropSchema: 16,
  // Extensions, domains and sequences before the tables whose types and defaults use them (the
  // differ lists extensions first); an owner is set once its column exists and released
  // before it is dropped; drops follow the tables, extensions last (a domain may use their types).
  createExtension: 0,
  createDomain: 1,
  createSequence: 1,
  alterDomain: 6,
  alterSequence: 2,
  disownSequence: 3,
  ownSequence: 13,
  dropDomain: 15,
  dropSequence: 15,
  dropExtension: 16,
}
