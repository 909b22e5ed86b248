import { readMigrationHeader } from '../../src/check/migration-header.js'
import { emitMigration } from '../../src/emit/kysely/emit-migration.js'

const emitted = (parent: string | null): string =>
  emitMigration({ message: 'Add e-mail\nto users', revision: '002_b', parent, createdAt: new Date(0), up: [], down: [] })

test('reads back the revision and parent that emitMigration writes', () => {
  expect(readMigrationHeader(emitted('001_a'))).toEqual({ revision: '002_b', parent: '001_a' })
  expect(readMigrationHeader(emitted(null))).toEqual({ revision: '002_b', parent: null })
})

test('a file without that header (hand-written, kysely-ctl) has none', () => {
  expect(readMigrationHeader("import type { Kysely } from 'kysely'\nexport async function up() {}\n")).toBeNull()
  expect(readMigrationHeader('/** Adds users. */\nexport async function up() {}\n')).toBeNull()
  // Only the leading comment counts, not a "Parent:" further down.
  expect(readMigrationHeader('export async function up() {}\n/**\n * Revision: x\n * Parent: y\n */\n')).toBeNull()
})
