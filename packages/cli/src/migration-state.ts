import type { MigrationStatus } from '@kysely-autogen/core'

export type MigrationState = 'applied' | 'pending' | 'missing file'

/** One word for a migration's state, as `status` shows it. */
export function migrationState(migration: MigrationStatus): MigrationState {
  if (migration.missingFile) return 'missing file'
  return migration.applied ? 'applied' : 'pending'
}
