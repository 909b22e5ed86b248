import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readModels, type ReadModelsOptions } from '../../src/models/read-models.js'
import type { Column, ModelOrigin, Schema } from '../../src/schema/schema.js'
import { column as baseColumn } from '../support/schema-builders.js'

/**
 * Model files written to a fresh temporary folder (real files: the reader follows imports on
 * disk), read with that folder as the working directory, as the CLI would.
 */
export interface ModelProject {
  readonly dir: string
  read(options?: ReadModelsOptions, entry?: string): Schema
  /** Where `file` first contains `marker`, for expected origins: `at('models/index.ts', 'email:', 'UserTable.email')`. */
  at(file: string, marker: string, symbol: string): ModelOrigin
}

export const ENTRY = 'models/index.ts'

export function modelProject(files: Readonly<Record<string, string>>): ModelProject {
  const dir = mkdtempSync(join(tmpdir(), 'kysely-autogen-models-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  return {
    dir,
    read: (options, entry = ENTRY) => inDirectory(dir, () => readModels(entry, options)),
    at: (file, marker, symbol) => {
      const line = files[file].split('\n').findIndex((text) => text.includes(marker))
      if (line === -1) throw new Error(`test bug: "${marker}" is not in ${file}`)
      return { kind: 'model', file, line: line + 1, symbol }
    },
  }
}

/** Runs `action` with `dir` as process.cwd() (paths in origins and messages are relative to it). */
function inDirectory<T>(dir: string, action: () => T): T {
  const original = process.cwd
  process.cwd = () => dir
  try {
    return action()
  } finally {
    process.cwd = original
  }
}

/** A column with everything but its name, type and origin at the defaults. */
export function column(name: string, type: string, origin: ModelOrigin, overrides: Partial<Column> = {}): Column {
  return baseColumn(name, type, { origin, ...overrides })
}

/** The message `readModels` throws for these files. */
export function errorOf(files: Readonly<Record<string, string>>, options?: ReadModelsOptions): string {
  try {
    modelProject(files).read(options)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected readModels to throw')
}
