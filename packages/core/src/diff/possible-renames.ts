import { UserError } from '../errors.js'
import { displayName, sameName } from '../schema/names.js'
import type { Column, Origin, QualifiedName, Table } from '../schema/schema.js'
import type { AddColumnChange, Change, CreateTableChange, DropColumnChange, DropTableChange } from './change.js'

/** What the user passes to accept the drops (the CLI flag; `allowDrop` in the API). */
const ALLOW_DROP_FLAG = '--allow-drop'

/**
 * A table (or a column of one table) dropped while another is added: maybe one renamed; or a
 * table dropped in one schema while one of the same name is added in another: maybe moved.
 */
export interface PossibleRename {
  readonly what: 'table' | 'column' | 'move'
  /** `table` or `table.column`, as the user reads it. */
  readonly dropped: string
  readonly added: string
  /** The old name to put in the tag. */
  readonly oldName: string
  /** Where the added element is declared, for the tag. */
  readonly origin: Origin | null
}

/**
 * Renames are never guessed: a drop plus an add in one diff, without a `@renamedFrom` hint that
 * turned them into a rename, is reported. Same-type columns come first (the likelier rename).
 */
export function findPossibleRenames(changes: readonly Change[]): readonly PossibleRename[] {
  const droppedTables = changes.filter((c): c is DropTableChange => c.kind === 'dropTable').map((c) => c.table)
  const addedTables = changes.filter((c): c is CreateTableChange => c.kind === 'createTable').map((c) => c.table)
  const droppedColumns = changes.filter((c): c is DropColumnChange => c.kind === 'dropColumn')
  const addedColumns = changes.filter((c): c is AddColumnChange => c.kind === 'addColumn')
  return [
    ...addedTables.flatMap((added) =>
      droppedTables.filter((dropped) => dropped.schema === added.schema).map((dropped) => tableRename(dropped, added)),
    ),
    ...addedTables.flatMap((added) =>
      droppedTables.filter((dropped) => dropped.schema !== added.schema && dropped.name === added.name).map((dropped) => tableMove(dropped, added)),
    ),
    ...addedColumns.flatMap((added) =>
      droppedColumns
        // The same name on both sides is a column re-created (a new generated expression).
        .filter((dropped) => sameName(dropped.table, added.table) && dropped.column.name !== added.column.name)
        .sort((a, b) => Number(b.column.type === added.column.type) - Number(a.column.type === added.column.type))
        .map((dropped) => columnRename(added.table, dropped.column, added.column)),
    ),
  ]
}

function tableRename(dropped: Table, added: Table): PossibleRename {
  return { what: 'table', dropped: displayName(dropped), added: displayName(added), oldName: dropped.name, origin: added.origin }
}

/** `@renamedFrom` cannot move a table (a model error says so): the move is written by hand. */
function tableMove(dropped: Table, added: Table): PossibleRename {
  return { what: 'move', dropped: displayName(dropped), added: displayName(added), oldName: displayName(dropped), origin: added.origin }
}

function columnRename(table: QualifiedName, dropped: Column, added: Column): PossibleRename {
  const prefix = `${displayName(table)}.`
  return { what: 'column', dropped: `${prefix}${dropped.name}`, added: `${prefix}${added.name}`, oldName: dropped.name, origin: added.origin }
}

/** One line per candidate, with the tag that makes it a rename and the flag that accepts the drop. */
export function possibleRenamesError(renames: readonly PossibleRename[]): UserError {
  const lines = renames.map((rename) => {
    if (rename.what === 'move') {
      return (
        `table "${rename.dropped}" is dropped and "${rename.added}" is added: to move it, write ALTER TABLE ... SET SCHEMA ` +
        `in a blank migration (migrate revision) and apply it first, or pass ${ALLOW_DROP_FLAG} to drop "${rename.dropped}"`
      )
    }
    const where = rename.origin?.kind === 'model' ? ` to ${rename.origin.symbol} in ${rename.origin.file}:${rename.origin.line}` : ` to ${rename.added}`
    return (
      `${rename.what} "${rename.dropped}" is dropped and "${rename.added}" is added: ` +
      `add /** @renamedFrom ${rename.oldName} */${where}, or pass ${ALLOW_DROP_FLAG} to drop "${rename.dropped}"`
    )
  })
  const heading = renames.length === 1 ? 'possible rename, not guessed: ' : 'possible renames, not guessed:\n  '
  return new UserError(`${heading}${lines.join('\n  ')}`)
}
