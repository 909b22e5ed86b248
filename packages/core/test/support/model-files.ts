/** What every one-file test model imports (unused imports are fine in models). */
const HEADER = `import type { ColumnType, Generated } from 'kysely'\n`

/**
 * A one-file model folder (`index.ts`): the `DB` interface with `db` as its body and `rootTags`
 * as its JSDoc tags, then `body` (the table interfaces and aliases).
 */
export function modelFiles(db: string, body: string, rootTags: readonly string[] = []): Readonly<Record<string, string>> {
  const doc = rootTags.length === 0 ? '' : `/**\n${rootTags.map((tag) => ` * ${tag}\n`).join('')} */\n`
  return { 'index.ts': `${HEADER}\n${doc}export interface DB {\n${db}\n}\n\n${body}\n` }
}
