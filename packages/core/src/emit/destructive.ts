import { type Change, type ChangeHandlers, type ColumnTransition, dispatchChange } from '../diff/change.js'
import { displayName } from '../schema/names.js'
import type { QualifiedName } from '../schema/schema.js'
import { removedEnumValues } from './operations/enum-values.js'

/** Integer types by width: moving up the ranks never loses a value. */
const INTEGER_RANKS: ReadonlyMap<string, number> = new Map([
  ['smallint', 1],
  ['int2', 1],
  ['integer', 2],
  ['int4', 2],
  ['bigint', 3],
  ['int8', 3],
])

/** `varchar`, `varchar(n)`, `character varying`, `character varying(n)`: group 1 is n. */
const VARCHAR_TYPE = /^(?:varchar|character varying)(?:\((\d+)\))?$/

const NOTES: ChangeHandlers<string | null> = {
  createSchema: () => null,
  // Without CASCADE it fails on a schema that still holds anything, so no data can go with it.
  dropSchema: () => null,
  createEnum: () => null,
  dropEnum: (c) => `drops enum type ${quoted(c.enum)}.`,
  alterEnum: (c) => {
    const removed = removedEnumValues(c.from, c.to)
    if (removed.length === 0) return null
    const values = removed.map((value) => `'${value}'`).join(', ')
    return `removes ${values} from enum type ${quoted(c.enum)}; the cast fails while rows still hold ${removed.length === 1 ? 'it' : 'them'}.`
  },
  createTable: () => null,
  dropTable: (c) => `drops table ${quoted(c.table)} and its data.`,
  addColumn: () => null,
  dropColumn: (c) => `drops column "${c.column.name}" of ${quoted(c.table)} and its data.`,
  alterColumn: (c) => typeChangeNote(c),
  dropGeneration: (c) => typeChangeNote(c),
  addGeneration: (c) =>
    `re-creates column "${c.to.name}" of ${quoted(c.table)} to make it generated (PostgreSQL cannot add an expression to a column): its values are recomputed and it moves to the end of the table.`,
  addPrimaryKey: () => null,
  dropPrimaryKey: () => null,
  addUnique: () => null,
  dropUnique: () => null,
  addCheck: () => null,
  dropCheck: () => null,
  addForeignKey: () => null,
  dropForeignKey: () => null,
  createIndex: () => null,
  dropIndex: () => null,
  setTableComment: () => null,
  renameTable: () => null,
  renameColumn: () => null,
  renameConstraint: () => null,
  renameIndex: () => null,
  renameEnumValue: () => null,
  setEnumComment: () => null,
  // Without CASCADE these fail while anything uses them, so no data can go with them.
  createExtension: () => null,
  dropExtension: () => null,
  createDomain: () => null,
  dropDomain: () => null,
  alterDomain: (c) =>
    isWideningType(c.from.type, c.to.type)
      ? null
      : `changes the base type of domain ${quoted(c.to)} from ${c.from.type} to ${c.to.type}; values of the columns using it that do not fit fail the cast or lose precision.`,
  createSequence: () => null,
  dropSequence: (c) => `drops sequence ${quoted(c.sequence)} and its current value.`,
  alterSequence: () => null,
  ownSequence: () => null,
  disownSequence: () => null,
}

/**
 * Why `change` can lose data (one sentence, without the "Destructive:" prefix), or null when it
 * cannot. Emitters print it as a comment above the step, for the reviewer.
 */
export function destructiveNote(change: Change): string | null {
  return dispatchChange(change, NOTES)
}

function typeChangeNote(c: ColumnTransition): string | null {
  if (isWideningType(c.from.type, c.to.type)) return null
  return `changes column "${c.to.name}" of ${quoted(c.table)} from ${c.from.type} to ${c.to.type}; values that do not fit fail the cast or lose precision.`
}

function quoted(name: QualifiedName): string {
  return `"${displayName(name)}"`
}

/**
 * Whether every value of `from` converts to `to` without loss. Conservative: a change that is not
 * known to widen (an unchanged type, anything to text, a wider integer or varchar) counts as
 * narrowing, so the reviewer is warned.
 */
export function isWideningType(from: string, to: string): boolean {
  if (from === to || to === 'text') return true
  const fromRank = INTEGER_RANKS.get(from)
  const toRank = INTEGER_RANKS.get(to)
  if (fromRank !== undefined && toRank !== undefined) return toRank >= fromRank
  const fromVarchar = VARCHAR_TYPE.exec(from)
  const toVarchar = VARCHAR_TYPE.exec(to)
  if (fromVarchar === null || toVarchar === null) return false
  if (toVarchar[1] === undefined) return true
  return fromVarchar[1] !== undefined && Number(fromVarchar[1]) <= Number(toVarchar[1])
}
