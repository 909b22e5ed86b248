import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readModels } from '../../src/models/read-models.js'
import { ENTRY, modelProject } from './model-project.js'

/**
 * ModelReaderThread runs the compiled worker (dist/, built by the test set-up): Node cannot run
 * the TypeScript sources on a thread. So the thread and the errors it rebuilds come from dist/,
 * and its results are compared with readModels() of the sources.
 */
const CORE = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const THREAD_MODULE = join(CORE, 'dist/models/read-models-on-thread.js')
const { ModelReaderThread } = (await import(THREAD_MODULE)) as typeof import('../../src/models/read-models-on-thread.js')
const { ModelError, UserError } = (await import(join(CORE, 'dist/errors.js'))) as typeof import('../../src/errors.js')
const EXAMPLE_MODELS = resolve(CORE, '../../models/index.ts')

test('reads the same Schema as readModels (the example application, over several files)', async () => {
  expect(await new ModelReaderThread().read(EXAMPLE_MODELS)).toEqual(readModels(EXAMPLE_MODELS))
})

test('passes the root interface on', async () => {
  const project = modelProject({ [ENTRY]: 'export interface Tables { t: T }\ninterface T { a: number }\n' })
  const entry = join(project.dir, ENTRY)
  expect(await new ModelReaderThread().read(entry, { rootInterface: 'Tables' })).toEqual(readModels(entry, { rootInterface: 'Tables' }))
})

test('a model error comes back a ModelError, with its file, line and message', async () => {
  const project = modelProject({ [ENTRY]: 'export interface DB { t: T }\ninterface T {\n  age: Foo\n}\n' })
  const entry = join(project.dir, ENTRY)
  const expected = thrownBy(() => readModels(entry))
  const error = await new ModelReaderThread().read(entry).catch((thrown: unknown) => thrown)
  expect(error).toBeInstanceOf(ModelError)
  expect(error).toMatchObject({ message: expected.message, file: expected.file, line: 3 })
  expect((error as Error).stack).toContain('read-models')
})

test('a missing models file comes back a UserError, not a model error', async () => {
  const error = await new ModelReaderThread().read('nowhere/index.ts').catch((thrown: unknown) => thrown)
  expect(error).toBeInstanceOf(UserError)
  expect(error).not.toBeInstanceOf(ModelError)
  expect((error as Error).message).toBe('models file not found: nowhere/index.ts')
})

describe('reading ahead', () => {
  /** Longer than the thread takes to load the compiler and read a small project, even on a busy machine. */
  const READ_AHEAD_WAIT_MS = 3_000

  test('the request read ahead is answered with that reading, done before it was asked', async () => {
    const project = modelProject({ [ENTRY]: 'export interface DB { before: T }\ninterface T { a: number }\n' })
    const entry = join(project.dir, ENTRY)
    const expected = readModels(entry)
    const reader = new ModelReaderThread({ entryFile: entry, options: {} })
    await new Promise((resolveWait) => setTimeout(resolveWait, READ_AHEAD_WAIT_MS))
    writeFileSync(entry, 'export interface DB { after: T }\ninterface T { a: number }\n')
    expect(await reader.read(entry)).toEqual(expected)
  })

  test.each([
    ['another file', (entry: string) => ({ entryFile: join(dirname(entry), 'other.ts'), options: {} })],
    ['another root interface', (entry: string) => ({ entryFile: entry, options: { rootInterface: 'Tables' } })],
  ])('a request for %s than read ahead is read when asked', async (_what, readAhead) => {
    const project = modelProject({
      [ENTRY]: 'export interface DB { t: T }\nexport interface Tables { u: T }\ninterface T { a: number }\n',
      'models/other.ts': 'export interface DB { o: { a: number } }\n',
    })
    const entry = join(project.dir, ENTRY)
    expect(await new ModelReaderThread(readAhead(entry)).read(entry)).toEqual(readModels(entry))
  })

  test('a failed reading ahead is no answer to another request', async () => {
    const reader = new ModelReaderThread({ entryFile: 'nowhere/index.ts', options: {} })
    expect(await reader.read(EXAMPLE_MODELS)).toEqual(readModels(EXAMPLE_MODELS))
  })
})

test('reads once', async () => {
  const reader = new ModelReaderThread()
  await reader.read(EXAMPLE_MODELS)
  expect(() => reader.read(EXAMPLE_MODELS)).toThrow('a model reader thread reads once')
})

test('a thread never asked to read does not keep the process alive', () => {
  const project = modelProject({})
  const script = join(project.dir, 'idle.mjs')
  writeFileSync(script, `import { ModelReaderThread } from ${JSON.stringify(THREAD_MODULE)}\nnew ModelReaderThread()\n`)
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 })
  expect({ status: run.status, signal: run.signal, stderr: run.stderr }).toEqual({ status: 0, signal: null, stderr: '' })
})

function thrownBy(read: () => unknown): InstanceType<typeof ModelError> {
  try {
    read()
  } catch (error) {
    return error as InstanceType<typeof ModelError>
  }
  throw new Error('test bug: the models were read without an error')
}
