import { isWideningType } from '../../src/emit/destructive.js'
import { enumValueAdditions } from '../../src/emit/operations/enum-values.js'

test.each([
  // [from, to, the ADD VALUE steps in order (value, position), or null for a rebuild]
  [['a'], ['x', 'y', 'a'], ['x before a', 'y before a']],
  [['a', 'd'], ['a', 'b', 'c', 'd'], ['b after a', 'c after b']],
  [['a'], ['a', 'b', 'c'], ['b', 'c']],
  [[], ['a', 'b'], ['a', 'b']],
  [['a', 'b'], ['b', 'a'], null],
  [['a', 'b'], ['a'], null],
] as const)('enumValueAdditions(%j, %j)', (from, to, expected) => {
  const additions = enumValueAdditions(from, to)
  const shown = additions?.map(({ value, position }) =>
    position.kind === 'append' ? value : `${value} ${position.kind} ${position.neighbour}`,
  )
  expect(shown ?? null).toEqual(expected)
})

test.each([
  ['integer', 'bigint', true],
  ['bigint', 'integer', false],
  ['varchar(10)', 'character varying(20)', true],
  ['character varying(20)', 'varchar(10)', false],
  ['varchar(10)', 'varchar', true],
  ['varchar', 'varchar(10)', false],
  ['jsonb', 'text', true],
  ['text', 'integer', false],
  ['numeric(12,2)', 'integer', false],
])('isWideningType(%s, %s) is %s', (from, to, expected) => {
  expect(isWideningType(from, to)).toBe(expected)
})
