import { checkHistory, type HistoryFile } from '../../src/check/check-history.js'

const file = (name: string, header: readonly [revision: string, parent: string | null] | null = [name, null]): HistoryFile => ({
  name,
  file: `migrations/${name}.ts`,
  header: header === null ? null : { revision: header[0], parent: header[1] },
})

test('a straight chain, with hand-written files in their place by name, is clean', () => {
  expect(checkHistory([file('001_a'), file('002_hand', null), file('003_c', ['003_c', '002_hand'])])).toEqual([])
  expect(checkHistory([])).toEqual([])
})

test('three branches on one parent: each later one is reported once, at its file', () => {
  const findings = checkHistory([file('001_a'), file('002_b', ['002_b', '001_a']), file('002_c', ['002_c', '001_a']), file('002_d', ['002_d', '001_a'])])
  expect(findings.map((finding) => [finding.kind, finding.file])).toEqual([
    ['sharedParent', 'migrations/002_c.ts'],
    ['sharedParent', 'migrations/002_d.ts'],
  ])
  expect(findings[1].message).toMatch(/^002_b and 002_d both follow 001_a \(two branches merged\): re-parent 002_d .* "Parent: 002_c"/)
})

test('a parent that is gone; a parent that is not the file before (a hand-written one slipped in); two roots', () => {
  expect(checkHistory([file('002_b', ['002_b', '001_a'])]).map((finding) => finding.kind)).toEqual(['missingParent'])
  expect(checkHistory([file('001_a'), file('002_hand', null), file('003_c', ['003_c', '001_a'])]).map((finding) => finding.message)).toEqual([
    '003_c follows 001_a, but runs after 002_hand: a migration was added or renamed out of order',
  ])
  expect(checkHistory([file('001_a'), file('002_b', ['002_b', null])]).map((finding) => finding.kind)).toEqual(['sharedParent'])
})
