import type { MigrationStatus } from '@kysely-autogen/core/runtime'

export type MigrationState = 'applied' | 'edited' | 'pending' | 'missing file'

/** One word for a migration's state, as `status` shows it: `edited` is applied, file changed since. */
export function migrationState(migration: MigrationStatus): MigrationState {
  if (migration.missingFile) return 'missing file'
  if (migration.edited) return 'edited'
  return migration.applied ? 'applied' : 'pending'
}
