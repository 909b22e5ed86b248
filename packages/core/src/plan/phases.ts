import type { ChangeKind } from '../diff/change.js'

/**
 * The order of a migration, by kind. PostgreSQL needs:
 * - schemas and enum types before the tables that use them, and dropped after them;
 * - foreign keys, indexes and constraints dropped before the columns and tables they use, and
 *   added after them;
 * - foreign keys added last, once every referenced key exists (this also breaks FK cycles).
 * Within a phase the differ's order is kept, except where `planChanges` sorts tables by FK.
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
  alterEnum: 2,
  dropForeignKey: 3,
  dropIndex: 4,
  dropUnique: 4,
  dropCheck: 4,
  dropPrimaryKey: 4,
  dropTable: 5,
  createTable: 6,
  // Dropped columns first: a column re-created with a new generated expression is dropped, the
  // columns it uses are altered, then it is added again. Likewise an expression is dropped before
  // the columns it used are altered, and a column made generated is re-created after them.
  dropColumn: 7,
  dropGeneration: 7,
  alterColumn: 8,
  addColumn: 9,
  addGeneration: 9,
  addPrimaryKey: 10,
  addUnique: 10,
  addCheck: 10,
  createIndex: 11,
  addForeignKey: 12,
  setTableComment: 13,
  setEnumComment: 13,
  dropEnum: 14,
  dropSchema: 15,
  // Extensions, domains and sequences before the tables whose types and defaults use them (the
  // differ lists extensions first); an owner is set once its column exists and released
  // before it is dropped; drops follow the tables, extensions last (a domain may use their types).
  createExtension: 0,
  createDomain: 1,
  createSequence: 1,
  alterDomain: 2,
  alterSequence: 2,
  disownSequence: 3,
  ownSequence: 12,
  dropDomain: 14,
  dropSequence: 14,
  dropExtension: 15,
}
