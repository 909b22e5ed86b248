import { mkdir, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { canonicaliseSchema } from '../../src/canonical/canonicalise.js'
import { readCatalog } from '../../src/catalog/read-catalog.js'
import type { Database } from '../../src/database/connect.js'
import { openScratchDatabase } from '../../src/database/scratch.js'
import { readModels } from '../../src/models/read-models.js'
import { pullModels } from '../../src/pull/pull-models.js'
import { resetDatabase } from '../support/reset-database.js'
import { stripOrigins } from '../support/strip-origins.js'
import { BACKENDS, openTestDatabase } from '../support/test-databases.js'

const PROJECTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '.kysely-autogen', 'test-projects')

/** A schema using every part of the model language `pull` writes. */
const DDL = `
  create extension citext;
  create schema audit;
  create type mood as enum ('ok', 'meh');
  create type audit.kind as enum ('insert', 'delete');
  create type audit.unused as enum ('x', 'y');
  create domain uint as integer not null check (value >= 0) check (value < 1000000);
  create domain email as citext constraint email_has_at check (value like '%@%');
  create sequence ticket_seq start 100 increment 5;
  create table users (
    id serial primary key,
    email email unique,
    nick varchar(40) collate "C",
    mood mood[] default '{ok}',
    score uint,
    settings jsonb not null default '{}',
    big bigint generated always as identity,
    ticket bigint default nextval('ticket_seq'),
    created timestamptz default now(),
    lower_nick text generated always as (lower(nick)) stored,
    check (score is null or score > 1)
  );
  comment on table users is 'People, mail@example.com.';
  comment on column users.nick is 'Shown name';
  create table audit.events (
    user_id integer,
    at timestamp(3) without time zone,
    kind audit.kind,
    tags text[],
    constraint events_user foreign key (user_id) references users (id) on delete cascade deferrable initially deferred,
    primary key (user_id, at)
  );
  create index on audit.events (kind);
  create index events_tags on audit.events using gin (tags) where kind = 'insert';
  create unique index on users (lower(nick) desc nulls last) include (email);
  create index on users using gist (email) where false;
  create view user_names as select nick from users;
`

describe.each(BACKENDS)('pull on %s', (backend) => {
  let database: Database

  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })

  afterAll(async () => {
    await resetDatabase(database)
    await database.close()
  })

  test('pull → readModels → canonicalise gives the catalog back', async () => {
    await sql.raw(DDL.replace("create index on users using gist (email) where false;", '')).execute(database.db)
    const source = await pullModels(database)
    expect(source).toContain('- view public.user_names')
    const dir = join(PROJECTS_DIR, randomBytes(6).toString('hex'))
    await mkdir(dir, { recursive: true })
    try {
      const file = join(dir, 'index.ts')
      await writeFile(file, source)
      const models = readModels(file)
      const scratch = await openScratchDatabase(database.target, models.extensions.map((extension) => extension.name))
      try {
        expect(stripOrigins(await canonicaliseSchema(models, scratch))).toEqual(stripOrigins(await readCatalog(database.db)))
      } finally {
        await scratch.close()
      }
      // Deterministic: the same database pulls to the same text.
      expect(await pullModels(database)).toBe(source)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
