import { type Change, type ChangeHandlers, dispatchChange } from './change.js'

const INVERSES: ChangeHandlers<Change> = {
  createSchema: (c) => ({ kind: 'dropSchema', schema: c.schema }),
  dropSchema: (c) => ({ kind: 'createSchema', schema: c.schema }),
  createEnum: (c) => ({ kind: 'dropEnum', enum: c.enum }),
  dropEnum: (c) => ({ kind: 'createEnum', enum: c.enum }),
  alterEnum: (c) => ({ ...c, from: c.to, to: c.from, columns: c.columnsAfter, columnsAfter: c.columns }),
  createTable: (c) => ({ kind: 'dropTable', table: c.table }),
  dropTable: (c) => ({ kind: 'createTable', table: c.table }),
  addColumn: (c) => ({ kind: 'dropColumn', table: c.table, column: c.column }),
  dropColumn: (c) => ({ kind: 'addColumn', table: c.table, column: c.column }),
  alterColumn: (c) => ({ ...c, from: c.to, to: c.from }),
  dropGeneration: (c) => ({ ...c, kind: 'addGeneration', from: c.to, to: c.from }),
  addGeneration: (c) => ({ ...c, kind: 'dropGeneration', from: c.to, to: c.from }),
  addPrimaryKey: (c) => ({ kind: 'dropPrimaryKey', table: c.table, primaryKey: c.primaryKey }),
  dropPrimaryKey: (c) => ({ kind: 'addPrimaryKey', table: c.table, primaryKey: c.primaryKey }),
  addUnique: (c) => ({ kind: 'dropUnique', table: c.table, unique: c.unique }),
  dropUnique: (c) => ({ kind: 'addUnique', table: c.table, unique: c.unique }),
  addCheck: (c) => ({ kind: 'dropCheck', table: c.table, check: c.check }),
  dropCheck: (c) => ({ kind: 'addCheck', table: c.table, check: c.check }),
  addForeignKey: (c) => ({ kind: 'dropForeignKey', table: c.table, foreignKey: c.foreignKey }),
  dropForeignKey: (c) => ({ kind: 'addForeignKey', table: c.table, foreignKey: c.foreignKey }),
  createIndex: (c) => ({ kind: 'dropIndex', table: c.table, index: c.index }),
  dropIndex: (c) => ({ kind: 'createIndex', table: c.table, index: c.index }),
  setTableComment: (c) => ({ ...c, from: c.to, to: c.from }),
  renameTable: (c) => ({ ...c, from: c.to, to: c.from }),
  renameColumn: (c) => ({ ...c, from: c.to, to: c.from }),
  renameConstraint: (c) => ({ ...c, from: c.to, to: c.from }),
  renameIndex: (c) => ({ ...c, from: c.to, to: c.from }),
  renameEnumValue: (c) => ({ ...c, from: c.to, to: c.from }),
  setEnumComment: (c) => ({ ...c, from: c.to, to: c.from }),
  createExtension: (c) => ({ kind: 'dropExtension', extension: c.extension }),
  dropExtension: (c) => ({ kind: 'createExtension', extension: c.extension }),
  createDomain: (c) => ({ kind: 'dropDomain', domain: c.domain }),
  dropDomain: (c) => ({ kind: 'createDomain', domain: c.domain }),
  alterDomain: (c) => ({ ...c, from: c.to, to: c.from, columns: c.columnsAfter, columnsAfter: c.columns }),
  createSequence: (c) => ({ kind: 'dropSequence', sequence: c.sequence }),
  dropSequence: (c) => ({ kind: 'createSequence', sequence: c.sequence }),
  alterSequence: (c) => ({ ...c, from: c.to, to: c.from }),
  ownSequence: (c) => ({ kind: 'disownSequence', sequence: c.sequence, owner: c.owner }),
  disownSequence: (c) => ({ kind: 'ownSequence', sequence: c.sequence, owner: c.owner }),
}

/** The change that undoes `change` exactly. */
export function invertChange(change: Change): Change {
  return dispatchChange(change, INVERSES)
}
