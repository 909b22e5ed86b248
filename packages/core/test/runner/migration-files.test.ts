import { listMigrationFiles, newMigrationFileName } from '../../src/runner/migration-files.js'
import { UserError } from '../../src/errors.js'
import { createTempProject } from './temp-project.js'

const DATE = new Date(Date.UTC(2026, 10, 22, 10, 30, 5))

test.each([
  ['Add email to users', '20261122103005_add_email_to_users.ts'],
  ['  Crème brûlée: v2!  ', '20261122103005_creme_brulee_v2.ts'],
  ['a'.repeat(70), `20261122103005_${'a'.repeat(60)}.ts`],
  [`${'word '.repeat(15)}end`, `20261122103005_${Array(12).fill('word').join('_')}.ts`],
])('newMigrationFileName(%j)', (message, expected) => {
  expect(newMigrationFileName(message, DATE)).toBe(expected)
})

test('an empty slug is a UserError', () => {
  expect(() => newMigrationFileName(' ?! ', DATE)).toThrow(UserError)
})

test('lists .ts/.js/.mts/.mjs files sorted by name, without declarations', async () => {
  const project = await createTempProject({
    'migrations/002_b.js': '',
    'migrations/001_a.ts': '',
    'migrations/003_c.mts': '',
    'migrations/004_d.mjs': '',
    'migrations/types.d.ts': '',
    'migrations/README.md': '',
  })
  try {
    const files = await listMigrationFiles(project.migrationsDir)
    expect(files.map((file) => file.name)).toEqual(['001_a', '002_b', '003_c', '004_d'])
    expect(await listMigrationFiles(`${project.dir}/absent`)).toEqual([])
  } finally {
    await project.remove()
  }
})
