import { applyRenames } from '../../src/diff/renames.js'
import { column, foreignKey, schema, table } from '../support/schema-builders.js'

const id = column('id', 'integer')
const users = table('users', [id, column('email', 'text')], {
  primaryKey: { name: 'users_pkey', columns: ['id'], origin: null },
  uniques: [{ name: 'users_email_key', columns: ['email'], nullsNotDistinct: false, origin: null }],
})
const notes = table('notes', [id, column('user_id', 'integer')], { foreignKeys: [foreignKey('notes_user_id_fkey', ['user_id'], 'users', ['id'])] })

test('a table rename carries references and default-named keys along', () => {
  const people = table('people', [id, column('mail', 'text', { renamedFrom: 'email' })], {
    renamedFrom: 'users',
    primaryKey: { name: 'people_pkey', columns: ['id'], origin: null },
    uniques: [{ name: 'people_mail_key', columns: ['mail'], nullsNotDistinct: false, origin: null }],
  })
  const desiredNotes = { ...notes, foreignKeys: [foreignKey('notes_user_id_fkey', ['user_id'], 'people', ['id'])] }
  const { current, changes } = applyRenames(schema([users, notes]), schema([people, desiredNotes]))
  expect(changes).toEqual([
    { kind: 'renameTable', schema: 'public', from: 'users', to: 'people' },
    { kind: 'renameColumn', table: { schema: 'public', name: 'people' }, from: 'email', to: 'mail' },
    { kind: 'renameConstraint', table: { schema: 'public', name: 'people' }, from: 'users_pkey', to: 'people_pkey' },
    { kind: 'renameConstraint', table: { schema: 'public', name: 'people' }, from: 'users_email_key', to: 'people_mail_key' },
  ])
  expect(current.tables[1].foreignKeys[0].references).toEqual({ schema: 'public', name: 'people' })
})

test('a hint whose old name is gone, or whose new name exists, is ignored', () => {
  const renamedAgain = { ...users, renamedFrom: 'members' }
  expect(applyRenames(schema([users]), schema([renamedAgain])).changes).toEqual([])
  const both = table('people', [id], { renamedFrom: 'users' })
  expect(applyRenames(schema([users, both]), schema([users, both])).changes).toEqual([])
})
