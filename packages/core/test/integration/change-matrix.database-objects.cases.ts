import { modelFiles } from '../support/model-files.js'
import type { MatrixCase } from './change-matrix.cases.js'

/**
 * Matrix cases for the database-level declarations: extensions, domains, sequences (standalone
 * and serial-style, owned by their column). An empty `@schema` is no matrix case: the matrix
 * compares with a catalog read without a schema list, which reports only schemas holding
 * something.
 */

/** A one-file model folder whose `DB` interface carries `rootTags`. */
const models = (rootTags: readonly string[], db: string, body: string): Readonly<Record<string, string>> => modelFiles(db, body, rootTags)

const ACCOUNT = (extra: string, id = '/** @primaryKey */\n  id: Generated<number>') => `
export interface AccountTable {
  ${id}
  name: string
  ${extra}
}`

const ACCOUNTS = '  accounts: AccountTable'
const PLAIN = models([], ACCOUNTS, ACCOUNT(''))

const EMAIL_DOMAIN = (tag: string) => `/** @domain ${tag} */\nexport type Email = string\n`
const SERIAL_ID = "/** @primaryKey @default nextval('accounts_id_seq'::regclass) */\n  id: Generated<number>"

/**
 * `wallets` keyed by an Amount domain over `base`, `payments` referencing it, with a check and a
 * partial index valid over either base and printed the same over both (`(amount)::text <> ''::text`).
 */
const AMOUNTS = (base: string) =>
  models(
    [],
    '  wallets: WalletTable\n  payments: PaymentTable',
    `/** @domain ${base} */\nexport type Amount = number\nexport interface WalletTable {\n  /** @primaryKey */\n  amount: Amount\n}\n/**\n * @check payments_shown: amount::text <> ''\n * @index payments_shown_idx: (id) where amount::text <> 'x'\n */\nexport interface PaymentTable {\n  id: number\n  /** @references wallets.amount */\n  amount: Amount\n}`,
  )

export const DATABASE_OBJECT_CASES: readonly MatrixCase[] = [
  {
    name: 'create an extension and use its type',
    before: PLAIN,
    after: models(['@extension citext'], ACCOUNTS, ACCOUNT('/** @dbType citext */\n  nick: string | null')),
  },
  {
    name: 'create a domain and a column using it',
    before: PLAIN,
    after: models([], ACCOUNTS, `${EMAIL_DOMAIN("text check VALUE like '%@%'")}${ACCOUNT('email: Email | null')}`),
  },
  {
    name: 'alter a domain: default, not null, checks',
    before: models([], ACCOUNTS, `${EMAIL_DOMAIN("text check VALUE like '%@%'")}${ACCOUNT('email: Email | null')}`),
    after: models(
      [],
      ACCOUNTS,
      `${EMAIL_DOMAIN("text not null default 'x@y' check has_at: VALUE like '%@%' check length(VALUE) > 2")}${ACCOUNT('email: Email')}`,
    ),
  },
  {
    name: 'change the base type of a domain used by columns, with a default and an array',
    before: models([], ACCOUNTS, `${EMAIL_DOMAIN("text check VALUE like '%@%'")}${ACCOUNT("/** @default 'a@b' */\n  email: Generated<Email>\n  aliases: Email[]")}`),
    after: models([], ACCOUNTS, `${EMAIL_DOMAIN("varchar(100) check VALUE like '%@%'")}${ACCOUNT("/** @default 'a@b' */\n  email: Generated<Email>\n  aliases: Email[]")}`),
  },
  {
    // Text to integer: PostgreSQL cannot join the two columns by a foreign key while one is recast.
    name: 'change the base type of a domain used by a key, a foreign key, a check and a partial index',
    before: AMOUNTS('text'),
    after: AMOUNTS('integer'),
  },
  {
    name: 'a domain over an extension type',
    before: PLAIN,
    after: models(['@extension citext'], ACCOUNTS, `${EMAIL_DOMAIN('citext not null')}${ACCOUNT('email: Email')}`),
  },
  {
    name: 'a serial column: a sequence owned by the column and used by its default',
    before: models([], '', ''),
    after: models(['@sequence accounts_id_seq as integer ownedBy accounts.id'], ACCOUNTS, ACCOUNT('', SERIAL_ID)),
  },
  {
    name: 'a standalone sequence used by a default',
    before: PLAIN,
    after: models(['@sequence ticket_numbers start 100 increment 5'], ACCOUNTS, ACCOUNT("/** @dbType bigint @default nextval('ticket_numbers') */\n  ticket: Generated<string>")),
  },
  {
    name: 'alter a sequence and give it an owner',
    before: models(['@sequence ticket_numbers'], ACCOUNTS, ACCOUNT("/** @dbType bigint @default nextval('ticket_numbers') */\n  ticket: Generated<string>")),
    after: models(
      ['@sequence ticket_numbers as integer start 10 increment 2 ownedBy accounts.ticket'],
      ACCOUNTS,
      ACCOUNT("/** @default nextval('ticket_numbers') */\n  ticket: Generated<number>"),
    ),
  },
]
