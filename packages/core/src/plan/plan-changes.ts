import type { Change, ChangeKind, CreateTableChange, DropTableChange } from '../diff/change.js'
import { qualifiedKey, sameName } from '../schema/names.js'
import type { ForeignKey, QualifiedName, Table } from '../schema/schema.js'
import { PHASE_OF_KIND } from './phases.js'

/**
 * Orders changes so that each statement finds what it needs (see `PHASE_OF_KIND`), and spells
 * out the parts of a created table that are separate statements: its indexes and its comment
 * (kept right after it, as one would write them by hand), and the foreign keys that must wait
 * for a table created after it (or for themselves, in a cycle).
 *
 * Created tables come in foreign-key order (referenced first); dropped tables in the reverse, with
 * the foreign keys of a cycle among dropped tables dropped first. Pure: same input, same output.
 *
 * Renames are a barrier: the differ lists the renames together, the changes that name objects
 * by their old names before them (drops of checks and indexes whose SQL names a renamed column)
 * and all others after. `up` keeps that order; `down`, planned from the inverses of the same list,
 * runs it backwards: the changes after the renames, the renames reversed, then the ones before.
 */
export function planChanges(changes: readonly Change[], direction: 'up' | 'down' = 'up'): readonly Change[] {
  const first = changes.findIndex(isRename)
  if (first === -1) return planPhases(changes)
  const last = changes.findLastIndex(isRename)
  const before = planPhases(changes.slice(0, first))
  const renames = changes.slice(first, last + 1)
  const after = planPhases(changes.slice(last + 1))
  return direction === 'up' ? [...before, ...renames, ...after] : [...after, ...[...renames].reverse(), ...before]
}

function planPhases(changes: readonly Change[]): readonly Change[] {
  const created = changes.filter((c): c is CreateTableChange => c.kind === 'createTable')
  const dropped = changes.filter((c): c is DropTableChange => c.kind === 'dropTable')
  const rest = changes.filter((c) => c.kind !== 'createTable' && c.kind !== 'dropTable')
  // A group stays together and takes the phase of its first change.
  const groups: readonly (readonly Change[])[] = [
    ...planCreatedTables(created.map((c) => c.table)),
    ...planDroppedTables(dropped.map((c) => c.table)),
    ...rest.map((change) => [change]),
  ]
  return groups
    .map((group, position) => ({ group, position }))
    .sort((a, b) => PHASE_OF_KIND[a.group[0].kind] - PHASE_OF_KIND[b.group[0].kind] || addsGenerated(a.group[0]) - addsGenerated(b.group[0]) || a.position - b.position)
    .flatMap(({ group }) => group)
}

/**
 * 1 for a change that adds a generated column (new, or re-created to make it generated): within
 * its phase it comes after the plain columns added, whose values its expression may use (the
 * `down` of dropping a generated column and a column it used re-adds both).
 */
function addsGenerated(change: Change): number {
  return change.kind === 'addGeneration' || (change.kind === 'addColumn' && change.column.generated !== null) ? 1 : 0
}

const RENAME_KINDS: ReadonlySet<ChangeKind> = new Set(['renameTable', 'renameColumn', 'renameConstraint', 'renameIndex', 'renameEnumValue'])

function isRename(change: Change): boolean {
  return RENAME_KINDS.has(change.kind)
}

function planCreatedTables(tables: readonly Table[]): readonly (readonly Change[])[] {
  const ordered = orderByForeignKeys(tables)
  const created = new Set(tables.map(qualifiedKey))
  const createdSoFar = new Set<string>()
  return ordered.flatMap((table) => {
    createdSoFar.add(qualifiedKey(table))
    // A key may point at a table that already exists, at one created earlier, or at itself.
    const mustWait = (fk: ForeignKey): boolean => created.has(qualifiedKey(fk.references)) && !createdSoFar.has(qualifiedKey(fk.references))
    const name: QualifiedName = { schema: table.schema, name: table.name }
    return [
      [
        { kind: 'createTable', table: { ...table, foreignKeys: table.foreignKeys.filter((fk) => !mustWait(fk)), indexes: [], comment: null } },
        ...(table.comment === null ? [] : [{ kind: 'setTableComment', table: name, from: null, to: table.comment } as const]),
        ...table.indexes.map((index): Change => ({ kind: 'createIndex', table: name, index })),
      ],
      ...table.foreignKeys.filter(mustWait).map((foreignKey): Change[] => [{ kind: 'addForeignKey', table: name, foreignKey }]),
    ]
  })
}

/**
 * Dropping a table drops its indexes, constraints and comment with it. Referencing tables go
 * first; a foreign key that closes a cycle among dropped tables is dropped on its own before.
 */
function planDroppedTables(tables: readonly Table[]): readonly (readonly Change[])[] {
  const ordered = [...orderByForeignKeys(tables)].reverse()
  const droppedSoFar = new Set<string>()
  return ordered.flatMap((table) => {
    droppedSoFar.add(qualifiedKey(table))
    const name: QualifiedName = { schema: table.schema, name: table.name }
    // A key that points at a table dropped earlier in this order would block that drop.
    const blocking = table.foreignKeys.filter(
      (fk) => !sameName(fk.references, table) && droppedSoFar.has(qualifiedKey(fk.references)),
    )
    return [
      ...blocking.map((foreignKey): Change[] => [{ kind: 'dropForeignKey', table: name, foreignKey }]),
      [{ kind: 'dropTable', table: { ...table, foreignKeys: table.foreignKeys.filter((fk) => !blocking.includes(fk)) } }],
    ]
  })
}

/**
 * Depth-first topological order: a table comes after the tables it references (within `tables`).
 * Cycles are cut where the walk meets a table already on its path; ties keep the input order.
 */
function orderByForeignKeys(tables: readonly Table[]): readonly Table[] {
  const ordered: Table[] = []
  const byName = new Map(tables.map((table) => [qualifiedKey(table), table]))
  const state = new Map<Table, 'visiting' | 'done'>()
  const visit = (table: Table): void => {
    if (state.has(table)) return
    state.set(table, 'visiting')
    for (const fk of table.foreignKeys) {
      const target = byName.get(qualifiedKey(fk.references))
      if (target !== undefined && target !== table) visit(target)
    }
    state.set(table, 'done')
    ordered.push(table)
  }
  tables.forEach(visit)
  return ordered
}
