import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { DatabaseTarget } from '@kysely-autogen/core/runtime'
import { parse } from 'dotenv'

const URL_VARIABLE = 'DATABASE_URL'
/** Read in this order; the first that sets DATABASE_URL wins (`.env.local` overrides `.env`). */
const ENV_FILES: readonly string[] = ['.env.local', '.env']
/** The embedded database of a project: a dot-folder users git-ignore. */
export const EMBEDDED_DATA_DIR = join('.kysely-autogen', 'pglite')

export interface ResolvedDatabase {
  readonly target: DatabaseTarget
  /** Where the choice came from, for --verbose: `--url`, `DATABASE_URL`, `.env`, ... */
  readonly source: string
}

/** A URL from the configuration file, and that file. */
export interface ConfiguredUrl {
  readonly url: string | undefined
  readonly configFile: string | null
}

/**
 * `--url`, else the configuration's `url`, else DATABASE_URL from the environment, else from `.env.local`, else `.env` (parsed,
 * never loaded into process.env), else the embedded database under the project root.
 */
export async function resolveDatabase(
  url: string | undefined,
  projectRoot: string,
  env: NodeJS.ProcessEnv,
  configured: ConfiguredUrl = { url: undefined, configFile: null },
): Promise<ResolvedDatabase> {
  if (url !== undefined) return { target: { kind: 'url', url }, source: '--url' }
  if (configured.url !== undefined) {
    return { target: { kind: 'url', url: configured.url }, source: `url in ${relative(projectRoot, configured.configFile ?? '')}` }
  }
  const fromEnv = env[URL_VARIABLE]
  if (fromEnv) return { target: { kind: 'url', url: fromEnv }, source: URL_VARIABLE }
  for (const file of ENV_FILES) {
    const fromFile = (await readEnvFile(join(projectRoot, file)))[URL_VARIABLE]
    if (fromFile) return { target: { kind: 'url', url: fromFile }, source: `${URL_VARIABLE} in ${file}` }
  }
  return { target: { kind: 'embedded', dataDir: join(projectRoot, EMBEDDED_DATA_DIR) }, source: 'no URL configured' }
}

async function readEnvFile(path: string): Promise<Record<string, string>> {
  try {
    return parse(await readFile(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
}
