import { UserError } from '../errors.js'

/** Long enough for a migration on a healthy database, short enough not to queue every query behind a busy table. */
export const DEFAULT_LOCK_TIMEOUT = '10s'
/** The units PostgreSQL accepts for `lock_timeout`; a bare number is milliseconds, 0 waits forever. */
const LOCK_TIMEOUT = /^\d+(ms|s|min|h|d)?$/

/** `10s`, `500ms`, `2min`, `0`: returned as given; anything else is a UserError. */
export function checkLockTimeout(value: string): string {
  if (!LOCK_TIMEOUT.test(value)) {
    throw new UserError(`the lock timeout "${value}" is not a duration: use a number with ms, s, min or h (e.g. 10s), or 0 to wait forever`)
  }
  return value
}
