import { paint } from '../src/output.js'

const RED_ERROR = '\u001b[31merror\u001b[39m'

describe('paint: colours only on a terminal, never with NO_COLOR', () => {
  const saved = process.env.NO_COLOR
  afterEach(() => {
    if (saved === undefined) delete process.env.NO_COLOR
    else process.env.NO_COLOR = saved
  })

  const stream = (isTTY: boolean): NodeJS.WriteStream => ({ isTTY }) as NodeJS.WriteStream

  test.each([
    ['a terminal', true, undefined, RED_ERROR],
    ['a terminal with an empty NO_COLOR', true, '', RED_ERROR],
    ['a terminal with NO_COLOR=1', true, '1', 'error'],
    ['a pipe or file', false, undefined, 'error'],
  ])('%s', (_name, isTTY, noColor, expected) => {
    if (noColor === undefined) delete process.env.NO_COLOR
    else process.env.NO_COLOR = noColor
    expect(paint('red', 'error', stream(isTTY))).toBe(expected)
  })
})
