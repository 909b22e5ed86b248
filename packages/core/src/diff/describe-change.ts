import { destructiveNote } from '../emit/destructive.js'
import { displayName } from '../schema/names.js'
import type { Column } from '../schema/schema.js'
import { type ChangeHandlers, type Change, type ColumnTransition, dispatchChange } from './change.js'

/** How a change reads in a summary: what it does, and whether data can be lost. */
export interface ChangeDescription {
  readonly action: 'create' | 'alter' | 'drop'
  readonly text: string
  readonly destructive: boolean
}

type Description = Omit<ChangeDescription, 'destructive'>

const create = (text: string): Description => ({ action: 'create', text })
const alter = (text: string): Description => ({ action: 'alter', text })
const drop = (text: string): Description => ({ action: 'drop', text })

const DESCRIPTIONS: ChangeHandlers<Description> = {
  createSchema: (c) => create(`schema ${c.schema}`),
  dropSchema: (c) => drop(`schema ${c.schema}`),
  createEnum: (c) => create(`enum ${displayName(c.enum)} (${c.enum.values.join(', ')})`),
  dropEnum: (c) => drop(`enum ${displayName(c.enum)}`),
  alterEnum: (c) => {
    const removed = c.from.filter((value) => !c.to.includes(value))
    const added = c.to.filter((value) => !c.from.includes(value))
    const parts = [...added.map((v) => `+${v}`), ...removed.map((v) => `-${v}`)]
    return alter(`enum ${displayName(c.enum)} values ${parts.length > 0 ? parts.join(' ') : 'reordered'}`)
  },
  createTable: (c) => create(`table ${displayName(c.table)}`),
  dropTable: (c) => drop(`table ${displayName(c.table)}`),
  addColumn: (c) => create(`column ${displayName(c.table)}.${c.column.name} ${c.column.type}`),
  dropColumn: (c) => drop(`column ${displayName(c.table)}.${c.column.name}`),
  alterColumn: (c) => alterColumn(c),
  dropGeneration: (c) => alterColumn(c),
  addGeneration: (c) => alterColumn(c),
  addPrimaryKey: (c) => create(`primary key ${c.primaryKey.name} on ${displayName(c.table)} (${c.primaryKey.columns.join(', ')})`),
  dropPrimaryKey: (c) => drop(`primary key ${c.primaryKey.name} on ${displayName(c.table)}`),
  addUnique: (c) => create(`unique ${c.unique.name} on ${displayName(c.table)} (${c.unique.columns.join(', ')})`),
  dropUnique: (c) => drop(`unique ${c.unique.name} on ${displayName(c.table)}`),
  addCheck: (c) => create(`check ${c.check.name} on ${displayName(c.table)}`),
  dropCheck: (c) => drop(`check ${c.check.name} on ${displayName(c.table)}`),
  addForeignKey: (c) => create(`foreign key ${c.foreignKey.name} on ${displayName(c.table)} → ${displayName(c.foreignKey.references)}`),
  dropForeignKey: (c) => drop(`foreign key ${c.foreignKey.name} on ${displayName(c.table)}`),
  createIndex: (c) => create(`index ${c.index.name} on ${displayName(c.table)}`),
  dropIndex: (c) => drop(`index ${c.index.name} on ${displayName(c.table)}`),
  setTableComment: (c) => alter(`comment on table ${displayName(c.table)}`),
  renameTable: (c) => alter(`rename table ${displayName({ schema: c.schema, name: c.from })} → ${c.to}`),
  renameColumn: (c) => alter(`rename column ${displayName(c.table)}.${c.from} → ${c.to}`),
  renameConstraint: (c) => alter(`rename constraint ${c.from} on ${displayName(c.table)} → ${c.to}`),
  renameIndex: (c) => alter(`rename index ${c.from} on ${displayName(c.table)} → ${c.to}`),
  renameEnumValue: (c) => alter(`enum ${displayName(c.enum)} value ${c.from} → ${c.to}`),
  setEnumComment: (c) => alter(`comment on enum ${displayName(c.enum)}`),
  createExtension: (c) => create(`extension ${c.extension.name}`),
  dropExtension: (c) => drop(`extension ${c.extension.name}`),
  createDomain: (c) => create(`domain ${displayName(c.domain)} ${c.domain.type}`),
  dropDomain: (c) => drop(`domain ${displayName(c.domain)}`),
  alterDomain: (c) => alter(`domain ${displayName(c.to)}`),
  createSequence: (c) => create(`sequence ${displayName(c.sequence)}`),
  dropSequence: (c) => drop(`sequence ${displayName(c.sequence)}`),
  alterSequence: (c) => alter(`sequence ${displayName(c.to)}`),
  ownSequence: (c) => alter(`sequence ${displayName(c.sequence)} owned by ${displayName(c.owner.table)}.${c.owner.column}`),
  disownSequence: (c) => alter(`sequence ${displayName(c.sequence)} owned by none`),
}

/** Destructive exactly when the migration file warns about it (`destructiveNote`). */
export function describeChange(change: Change): ChangeDescription {
  return { ...dispatchChange(change, DESCRIPTIONS), destructive: destructiveNote(change) !== null }
}

function alterColumn(c: ColumnTransition): Description {
  return alter(`column ${displayName(c.table)}.${c.to.name}: ${columnDifferences(c.from, c.to).join(', ')}`)
}

/** `type text → character varying(255)`, `not null`, `default now() → (none)`, ... */
function columnDifferences(from: Column, to: Column): readonly string[] {
  const shown = (value: string | null): string => value ?? '(none)'
  return [
    from.type === to.type ? null : `type ${from.type} → ${to.type}`,
    from.nullable === to.nullable ? null : to.nullable ? 'nullable' : 'not null',
    from.default === to.default ? null : `default ${shown(from.default)} → ${shown(to.default)}`,
    from.identity === to.identity ? null : `identity ${shown(from.identity)} → ${shown(to.identity)}`,
    from.generated === to.generated ? null : `generated ${shown(from.generated)} → ${shown(to.generated)}`,
    from.collation === to.collation ? null : `collation ${shown(from.collation)} → ${shown(to.collation)}`,
    from.comment === to.comment ? null : 'comment',
  ].filter((part): part is string => part !== null)
}
