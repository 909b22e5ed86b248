// Enum naming shared by the model reader and `pull`, which must not load the TypeScript compiler for it.

/** Not `@enum`: TypeScript reads that tag itself and swallows its text. */
export const ENUM_TYPE_TAG = 'enumType'

/** `OrderStatus` → `order_status`, `HTTPMethod` → `http_method`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
}
