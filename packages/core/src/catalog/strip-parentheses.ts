/**
 * `pg_get_indexdef(index, n, true)` prints an expression key in parentheses unless it looks
 * like a function call (`(a + b)`, but `lower(title)`), because that is how the key is written
 * in CREATE INDEX. The Schema keeps expressions without them, so remove exactly that one pair:
 * only when the text opens with `(` and that parenthesis closes at the very end (`(a) + (b)`
 * keeps its own). Parentheses inside string literals and quoted identifiers do not count.
 */
export function stripWrappingParentheses(expression: string): string {
  if (!expression.startsWith('(')) return expression
  return closingParenthesis(expression) === expression.length - 1 ? expression.slice(1, -1) : expression
}

/** Index of the `)` matching the `(` at index 0, or -1. */
function closingParenthesis(text: string): number {
  let depth = 0
  let quote: string | null = null
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quote !== null) {
      // A doubled quote ('' or "") inside a quoted span is an escaped quote: the pair toggles
      // out and straight back in, so no special case is needed.
      if (char === quote) quote = null
    } else if (char === "'" || char === '"') {
      quote = char
    } else if (char === '(') {
      depth++
    } else if (char === ')') {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}
