import { access } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '@kysely-autogen/core/runtime'
import type { MigrateConfig } from './define-config.js'

/** Looked for in the project root when --config is not given; the first that exists is read. */
const CONFIG_FILES: readonly string[] = ['migrate.config.ts', 'migrate.config.mts', 'migrate.config.js', 'migrate.config.mjs']

const STRING_KEYS = ['models', 'rootInterface', 'migrations', 'url', 'lockTimeout'] as const
const LIST_KEYS = ['schemas', 'include', 'exclude'] as const
const TABLE_KEYS: readonly string[] = ['name', 'schema']
const KNOWN_KEYS: readonly string[] = [...STRING_KEYS, ...LIST_KEYS, 'migrationTable']

export interface LoadedConfig {
  readonly config: MigrateConfig
  /** The file it came from, absolute; null when there is none. */
  readonly path: string | null
}

/** `--config FILE` (which must exist), else the first default file in `root`, else no configuration. */
export async function loadConfig(root: string, configOption: string | undefined): Promise<LoadedConfig> {
  const path = configOption === undefined ? await findDefaultConfig(root) : resolve(root, configOption)
  if (path === null) return { config: {}, path: null }
  const shown = relative(root, path) || path
  if (configOption !== undefined && !(await exists(path))) throw new UserError(`config file ${configOption} does not exist`)
  let module: { default?: unknown }
  try {
    // tsx compiles the TypeScript file for this one import; no build step for users. Loaded
    // only here: importing tsx costs a command without a configuration file ~0.3 s.
    const { tsImport } = await import('tsx/esm/api')
    module = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown }
  } catch (error) {
    throw new UserError(`${shown}: cannot be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
  return { config: checkConfig(unwrapDefault(module.default), shown), path }
}

async function findDefaultConfig(root: string): Promise<string | null> {
  for (const file of CONFIG_FILES) {
    if (await exists(resolve(root, file))) return resolve(root, file)
  }
  return null
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** tsx may wrap a CommonJS-compiled default export once more. */
function unwrapDefault(value: unknown): unknown {
  return isRecord(value) && 'default' in value && Object.keys(value).length === 1 ? value.default : value
}

/** A typo in a key would otherwise be ignored silently. */
function checkConfig(value: unknown, shown: string): MigrateConfig {
  if (!isRecord(value)) throw new UserError(`${shown}: export default defineConfig({ ... }) expected`)
  const fail = (message: string): never => {
    throw new UserError(`${shown}: ${message}`)
  }
  for (const [key, entry] of Object.entries(value)) {
    if (!KNOWN_KEYS.includes(key)) fail(`unknown key "${key}" (known: ${KNOWN_KEYS.join(', ')})`)
    if (entry === undefined) continue
    if ((STRING_KEYS as readonly string[]).includes(key) && typeof entry !== 'string') fail(`"${key}" must be a string`)
    if ((LIST_KEYS as readonly string[]).includes(key) && !isStringList(entry)) fail(`"${key}" must be a list of strings`)
  }
  const table = value.migrationTable
  if (table !== undefined) {
    if (!isRecord(table)) fail('"migrationTable" must be { name?, schema? }')
    for (const [key, entry] of Object.entries(table as Record<string, unknown>)) {
      if (!TABLE_KEYS.includes(key)) fail(`unknown key "migrationTable.${key}" (known: ${TABLE_KEYS.join(', ')})`)
      if (entry !== undefined && typeof entry !== 'string') fail(`"migrationTable.${key}" must be a string`)
    }
  }
  return value as MigrateConfig
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
