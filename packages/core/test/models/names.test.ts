import { ENTRY, modelProject } from './model-project.js'

/** Constraint and index names of the tables in `source` (appended after a DB of `tables`). */
function names(source: string): Record<string, readonly string[]> {
  const schema = modelProject({ [ENTRY]: source }).read()
  return Object.fromEntries(
    schema.tables.map((table) => [
      `${table.schema}.${table.name}`,
      [table.primaryKey, ...table.uniques, ...table.checks, ...table.foreignKeys, ...table.indexes].flatMap((element) => (element === null ? [] : [element.name])),
    ]),
  )
}

// Expected names were checked against PostgreSQL 18 creating the same constraints unnamed.
describe('PostgreSQL default names', () => {
  test('checks are named after the one column they use, else after the table', () => {
    expect(
      names(`export interface DB { t: T }
/**
 * @check a > b
 * @check "B" <> lower('a')
 * @check true
 * @check t.a::text <> 'x'
 */
interface T {
  /** @check length(b::text) > a */
  a: number
  /** @check coalesce(b, 0) >= 0 */
  b: number
  B: string
}`),
    ).toEqual({ 'public.t': ['t_check', 't_b_check', 't_check1', 't_B_check', 't_check2', 't_a_check'] })
  })

  test('expression index keys are named after their function, cast type, or expr; repeats get digits', () => {
    expect(
      names(`export interface DB { t: T }
/**
 * @index ((a + b))
 * @index (((a + b)::int))
 * @index ((cast(a + b as double precision)))
 * @index ((lower(c) collate "C"))
 * @index (pg_catalog.upper(c))
 * @index ((a::text))
 * @index ((case when a > 0 then 1 end))
 * @index (a, a, lower(c), lower(c))
 */
interface T { a: number; b: number; c: string }`),
    ).toEqual({ 'public.t': ['t_expr_idx', 't_int4_idx', 't_float8_idx', 't_lower_idx', 't_upper_idx', 't_a_idx', 't_case_idx', 't_a_a1_lower_lower1_idx'] })
  })

  test('collisions take 1, 2, ... in the relation namespace of a schema, tables included', () => {
    expect(
      names(`export interface DB { t: T; t_a_key: Other; 'x.t': T; t_b: TB }
/**
 * @index (a)
 * @index (a) unique
 * @unique (a)
 * @unique (a)
 * @unique (b, c)
 */
interface T { a: number; b: number; c: number }
interface Other { id: number }
/** @unique (c) */
interface TB { c: number }`),
    ).toEqual({
      'public.t': ['t_a_key1', 't_a_key2', 't_b_c_key', 't_a_idx', 't_a_idx1'],
      'public.t_a_key': [],
      'x.t': ['t_a_key', 't_a_key1', 't_b_c_key', 't_a_idx', 't_a_idx1'],
      'public.t_b': ['t_b_c_key1'],
    })
  })

  test('explicit names are reserved first, defaults avoid them', () => {
    expect(
      names(`export interface DB { t: T }
/**
 * @index (a)
 * @index t_a_idx: (b)
 * @check a > 0
 * @check t_a_check: a < 10
 */
interface T { a: number; b: number }`),
    ).toEqual({ 'public.t': ['t_a_check1', 't_a_check', 't_a_idx1', 't_a_idx'] })
  })

  test('names are cut to 63 bytes, the longer part first, and again with a longer label on collision', () => {
    const table = 'x'.repeat(60)
    expect(
      names(`export interface DB { ${table}: T; ${'ü'.repeat(40)}: U }
/**
 * @unique (aaaaaaaaaaaa)
 * @unique (aaaaaaaaaaaa)
 */
interface T { aaaaaaaaaaaa: number; /** @references ${table}.aaaaaaaaaaaa */ ${'b'.repeat(70)}: number }
/** @primaryKey (a) */
interface U { a: number }`),
    ).toEqual({
      [`public.${table}`]: [
        `${'x'.repeat(46)}_aaaaaaaaaaaa_key`,
        `${'x'.repeat(45)}_aaaaaaaaaaaa_key1`,
        `${'x'.repeat(29)}_${'b'.repeat(28)}_fkey`,
      ],
      [`public.${'ü'.repeat(40)}`]: [`${'ü'.repeat(29)}_pkey`],
    })
  })
})
