import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '../../src/errors.js'
import { modelFiles } from '../support/model-files.js'
import { createTestProject, type TestProject } from '../support/project.js'
import { useResetDatabase } from '../support/reset-database.js'
import { BACKENDS } from '../support/test-databases.js'

const models = modelFiles

const USERS = `export interface UserTable {
  /** @primaryKey */
  id: Generated<number>
  name: string
}`

/** What autogenerate refuses to guess, and how it splits enum additions. */
describe.each(BACKENDS)('autogenerate guards on %s', (backend) => {
  const database = useResetDatabase(backend)
  let project: TestProject

  beforeEach(async () => {
    project = await createTestProject(database())
    await project.writeModels(models('  users: UserTable', USERS))
    await project.autogenerate('init')
    await project.latest()
  })

  afterEach(async () => {
    await project.remove()
  })

  test('a column dropped while another is added is a possible rename: named, with the tag, and nothing written', async () => {
    await project.writeModels(models('  users: UserTable', USERS.replace('name: string', 'full_name: string')))
    const attempt = project.autogenerate('rename')
    await expect(attempt).rejects.toThrow(UserError)
    await expect(attempt).rejects.toThrow(
      'possible rename, not guessed: column "users.name" is dropped and "users.full_name" is added: add /** @renamedFrom name */ to UserTable.full_name in ',
    )
    await expect(attempt).rejects.toThrow('or pass --allow-drop to drop "users.name"')
    const accepted = await project.autogenerate('drop', { allowDrop: true })
    expect(accepted.summary).toEqual(['  - column users.name  (destructive)', '  + column users.full_name text'])
  })

  test('a table dropped while another is added is a possible rename', async () => {
    await project.writeModels(models('  people: PersonTable', USERS.replace('UserTable', 'PersonTable')))
    await expect(project.autogenerate('rename')).rejects.toThrow(
      'possible rename, not guessed: table "users" is dropped and "people" is added: add /** @renamedFrom users */ to PersonTable in ',
    )
  })

  test('a table dropped while one of its name is added in another schema is a possible move, written by hand', async () => {
    await project.writeModels(models("  'app.users': UserTable", USERS))
    const attempt = project.autogenerate('move')
    await expect(attempt).rejects.toThrow(UserError)
    await expect(attempt).rejects.toThrow(
      'possible rename, not guessed: table "users" is dropped and "app.users" is added: to move it, write ALTER TABLE ... SET SCHEMA in a blank migration (migrate revision) and apply it first, or pass --allow-drop to drop "users"',
    )
  })

  test('with the hint it is a rename, and the hint left in the models changes nothing later', async () => {
    await project.writeModels(models('  users: UserTable', USERS.replace('name: string', '/** @renamedFrom name */\n  full_name: string')))
    const renamed = await project.autogenerate('rename')
    expect(renamed.summary).toEqual(['  ~ rename column users.name → full_name'])
    await project.latest()
    expect((await project.autogenerate('again')).file).toBeNull()
  })

  test('enum values added next to other changes get their own migration first', async () => {
    const withRole = (values: string, column: string): Readonly<Record<string, string>> =>
      models('  users: UserTable', `export type Role = ${values}\n${USERS.replace('name: string', `name: string\n  ${column}`)}`)
    await project.writeModels(withRole("'admin' | 'member'", 'role: Role'))
    await project.autogenerate('role')
    await project.latest()
    await project.writeModels(withRole("'admin' | 'member' | 'guest'", "/** @default 'guest' */\n  role: Generated<Role>"))
    const result = await project.autogenerate('guests by default')
    expect(result.files).toHaveLength(2)
    expect(result.files[0]).toMatch(/_guests_by_default_enum_values\.ts$/)
    expect(result.file).toBe(result.files[1])
    const first = await readFile(join(process.cwd(), result.files[0]), 'utf8')
    expect(first).toContain(".alterType('role').addValue('guest')")
    expect(first).not.toContain('setDefault')
    await project.latest()
    expect((await project.autogenerate('again')).file).toBeNull()
  })
})
