import { stripWrappingParentheses } from '../../src/catalog/strip-parentheses.js'

test.each([
  ['(a + b)', 'a + b'],
  ['((a + b))', '(a + b)'],
  ['lower(title)', 'lower(title)'],
  ['(a) + (b)', '(a) + (b)'],
  ["(b || ')('::text)", "b || ')('::text"],
  ["(b || 'it''s ('::text)", "b || 'it''s ('::text"],
  ['("we)ird" + 1)', '"we)ird" + 1'],
  ['(x).field', '(x).field'],
])('stripWrappingParentheses(%s)', (printed, expected) => {
  expect(stripWrappingParentheses(printed)).toBe(expected)
})
